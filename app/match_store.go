package app

import (
	"runtime/debug"

	"duikou/data"
	"duikou/data/match"
	"duikou/data/recommend"
	"duikou/data/storage"
)

// MatchStore is what the 匹配推荐 screen reads besides the match engine:
// the full records of the workers and demands a ranking names (户籍地,
// phone, employer), by id, in one query each.
type MatchStore interface {
	ListWorkers(f data.WorkerFilter, p data.Page) ([]data.Worker, *data.Cursor, error)
	ListDemands(f data.DemandFilter, p data.Page) ([]data.Demand, *data.Cursor, error)
	Today() data.Date
	WorkersByID(ids []string) ([]data.Worker, error)
	DemandsByID(ids []string) ([]data.Demand, error)
}

// matchEngine is the in-memory matcher (data/recommend.Matcher): ranking,
// job-fair allocation and recording referrals. It keeps itself in step
// with the Store's writes, so the screen never rebuilds it.
type matchEngine interface {
	Len() (workers, demands int)
	TopWorkers(demandID string, k int) ([]recommend.Ranked, error)
	TopDemands(workerID string, k int) ([]recommend.Ranked, error)
	Demand(id string) (match.Demand, bool, error)
	DemandClosed(id string) (string, error)
	WorkerUnavailable(id string) (string, error)
	Allocate(demandIDs []string, progress func(done, total int)) (match.Allocation, error)
	AllocationNames(alloc match.Allocation) (workers, demands map[string]string, err error)
	Apply(alloc match.Allocation) (int, error)
	SaveSnapshot() error
}

var _ matchEngine = (*recommend.Matcher)(nil)

// newMatchEngine builds the index over the window's database, from the
// snapshot beside it when the records have not changed since it was
// written (recommend.Open), else by reading every worker once (seconds
// for a million); so it runs in the background, on the screen's first
// use. The matcher streams the database's rows itself, so it takes the
// concrete Store.
//
// Reading or building a million workers leaves tens of megabytes of
// garbage (buffers, decoded rows) that the Go runtime would hand back to
// the system only minutes later; the window returns it at once (beside
// the first ranking, not before it), so that 匹配推荐 on a big county
// stays within the memory the README promises.
func newMatchEngine(s *storage.Store) (*recommend.Matcher, error) {
	m, err := recommend.Open(s)
	go debug.FreeOSMemory()
	return m, err
}

// withRecords joins a ranking with the records it names, read in one
// query: load reads records by id, named is the id a ranked entry names,
// id a record's own. join makes a row from the rank (from 1), the entry
// and its record (the zero record when it is gone).
func withRecords[R, Row any](ranked []recommend.Ranked, load func([]string) ([]R, error),
	named func(recommend.Ranked) string, id func(*R) string, join func(int, recommend.Ranked, R) Row) ([]Row, error) {
	ids := make([]string, len(ranked))
	for i, r := range ranked {
		ids[i] = named(r)
	}
	recs, err := load(ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]R, len(recs))
	for i := range recs {
		byID[id(&recs[i])] = recs[i]
	}
	out := make([]Row, len(ranked))
	for i, r := range ranked {
		out[i] = join(i+1, r, byID[named(r)])
	}
	return out, nil
}
