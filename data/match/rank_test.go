package match

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"duikou/data/catalog"
)

// wideOccupations add catalog 工种 beyond the generator's: related ones
// (整理收纳师 beside 家政服务员), same-group ones, and unrelated ones.
var wideOccupations = []string{"organizer", "medical_carer", "health_caregiver", "bricklayer", "tiler",
	"assembler", "sorter", "loader", "cnc_operator", "fitter", "hvac_installer", "painter"}

// wideWorkers are generated workers, a third of them with 工种 redrawn from
// both lists, so that a demand's related lists are of every kind.
func wideWorkers(seed uint64, n int) []Worker {
	rng := rand.New(rand.NewPCG(seed, 3))
	all := append(slices.Clone(genOccupations), wideOccupations...)
	ws := genWorkerSlice(seed, n)
	for i := range ws {
		if rng.IntN(3) > 0 {
			continue
		}
		w := &ws[i]
		w.Skills, w.DesiredOccupations = nil, nil
		for range rng.IntN(4) {
			w.Skills = append(w.Skills, Skill{Occupation: pick(rng, all), Level: catalog.SkillLevel(rng.IntN(6))})
		}
		for range rng.IntN(3) {
			w.DesiredOccupations = append(w.DesiredOccupations, pick(rng, all))
		}
	}
	return ws
}

// wideDemands are generated demands whose 工种 is drawn from both lists,
// plus one nobody holds and one with none at all.
func wideDemands(seed uint64, n int) []Demand {
	rng := rand.New(rand.NewPCG(seed, 4))
	all := append(slices.Clone(genOccupations), wideOccupations...)
	ds := genDemands(seed, n)
	for i := range ds {
		switch rng.IntN(20) {
		case 0:
			ds[i].Occupation = "auto_detailer" // no worker holds or wishes it
		case 1:
			ds[i].Occupation = ""
		default:
			ds[i].Occupation = pick(rng, all)
		}
	}
	return ds
}

// The top 50 read from the occupation lists, cut short by the bound, is
// the top 50 of a full sort of every eligible worker, tie notes and all.
func TestPrunedTop50EqualsFullSort(t *testing.T) {
	ws := wideWorkers(11, 4000)
	ix := Build(slices.Values(ws), nil)
	for i, d := range wideDemands(11, 150) {
		sameCandidates(t, fmt.Sprintf("demand %d (%s)", i, d.Occupation), ix.TopWorkers(d, 50, genToday), bruteTopWorkers(ws, d, 50))
	}
}

// The same after thousands of edits and removals, which leave stale
// entries in the lists and rebuild them.
func TestPrunedTop50AfterWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	ws := wideWorkers(12, 3000)
	ix := Build(slices.Values(ws), nil)
	more := wideWorkers(13, 6000)
	rebuilt := 0
	for i := range 6000 {
		j, stale := rng.IntN(len(ws)), ix.workers.byOcc.unsorted
		switch rng.IntN(3) {
		case 0: // edit: another worker's features under the same ID
			w := more[i]
			w.ID = ws[j].ID
			ws[j] = w
			ix.UpsertWorker(w)
		case 1: // remove, and register a new one
			ix.RemoveWorker(ws[j].ID)
			ws[j] = more[i]
			ix.UpsertWorker(ws[j])
		default: // remove
			ix.RemoveWorker(ws[j].ID)
			ws = slices.Delete(ws, j, j+1)
		}
		if ix.workers.byOcc.unsorted < stale {
			rebuilt++
		}
	}
	if rebuilt == 0 {
		t.Fatal("the writes never rebuilt the lists; the test does not cover it")
	}
	postingsComplete(t, &ix.workers)
	for i, d := range wideDemands(12, 100) {
		sameCandidates(t, fmt.Sprintf("demand %d (%s)", i, d.Occupation), ix.TopWorkers(d, 50, genToday), bruteTopWorkers(ws, d, 50))
	}
}

// postingsComplete checks the lists' invariant: every eligible row is
// listed under each occupation it holds or wishes for.
func postingsComplete(t *testing.T, c *workerColumns) {
	t.Helper()
	listed := func(lists [][]int32, o, row int32) bool {
		return int(o) < len(lists) && slices.Contains(lists[o], row)
	}
	for row := range int32(c.len()) {
		skills, wishes := c.listed(row)
		for _, s := range skills {
			if !listed(c.byOcc.skill, skillOcc(s), row) {
				t.Fatalf("row %d not listed under its skill %d", row, skillOcc(s))
			}
		}
		for _, o := range wishes {
			if !listed(c.byOcc.wish, o, row) {
				t.Fatalf("row %d not listed under its wish %d", row, o)
			}
		}
	}
}

// For a common 工种 the lists spare most of the work: a 家政服务员 demand
// reads only the workers listed under related 工种, stops before the
// unrelated ones, and never scans the rest.
func TestTopReadsOnlyRelatedWorkers(t *testing.T) {
	ws := genWorkerSlice(14, 20000)
	ix := Build(slices.Values(ws), nil)
	d := Demand{ID: "d", Occupation: "housekeeper", WorkRegion: "320115", Left: 30, Open: true,
		WageMaxFen: 650000, MinLevel: catalog.Level5, PartnerProvinces: []string{"620000"}}
	c := &ix.workers
	q := ix.newWorkerQuery(d, genToday)
	h := newTopK(50, func(a, b ranked) bool { return a.key > b.key })
	seen := newRowSet(c.len())
	bound := c.rankRelated(q, h, seen)
	read := 0
	for _, word := range seen {
		read += popcount(word)
	}
	// Hand count: the generator gives a worker 0–2 skills of 13 工种, so
	// about one in thirteen holds 家政服务员; with its top 50 at 1.000 no
	// other list can reach them (a related 工种 scores at most 0.96).
	t.Logf("read %d of %d workers", read, len(ws))
	if read == 0 || read > len(ws)/8 {
		t.Fatalf("read %d of %d workers", read, len(ws))
	}
	if !h.full() || h.root().key>>rankShift <= bound {
		t.Fatalf("the rest would be scanned: worst %d, bound %d", h.root().key>>rankShift, bound)
	}
	if got := h.root().key >> rankShift; got != rankKey(Strong, 1) {
		t.Fatalf("50th best rank %d, want %d (强匹配 at 1.000)", got, rankKey(Strong, 1))
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// The job fair over the index equals the job fair over every eligible
// worker decoded: the same assignments, totals, unfilled demands and
// unplaced workers, for fairs of every size, closed and full demands,
// referrals that use up the room, and a demand given twice.
func TestIndexAllocateEqualsAllocate(t *testing.T) {
	ws := wideWorkers(15, 3000)
	ix := Build(slices.Values(ws), nil)
	rng := rand.New(rand.NewPCG(15, 15))
	pool := ix.EligibleWorkers()
	for i := range 30 {
		ds := wideDemands(uint64(100+i), 1+rng.IntN(12))
		for j := range ds {
			switch rng.IntN(8) {
			case 0:
				ds[j].Open = false
			case 1:
				ds[j].Left = 0
			case 2:
				ds[j].OverReferral, ds[j].Referred = 2, rng.IntN(2*ds[j].Left+1)
			}
		}
		if i%5 == 0 {
			ds = append(ds, ds[0])
		}
		got := ix.Allocate(ds, genToday, nil)
		want := Allocate(pool, ds, genToday, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fair %d: index allocates %+v\nwant %+v", i, got, want)
		}
		if len(got.Assignments) == 0 && len(ds) > 3 {
			t.Fatalf("fair %d: nobody placed; the comparison proves little", i)
		}
	}
}

// A worker written since the lists were sorted keeps his old place in the
// sorted part, with a tie-break that no longer matches it: the query must
// not stop there. Hand case: three workers with a perfect 1.000 for the
// base demand, all 脱贫户, sorted by 可到岗日期 as X1 (11-01), X2 (11-02),
// Y (11-03). Then X1 becomes 一般 available from 12-01 and X2 一般 with no
// date: Y, still a 脱贫户, is the best of the three, ahead of X1 (一般,
// but with a date) and X2 (一般, no date).
func TestTopAfterTieBreakChanges(t *testing.T) {
	perfect := func(id string, p Priority, avail time.Time) Worker {
		w := baseWorker()
		w.ID, w.Priority, w.AvailableFrom = id, p, avail
		w.DesiredRegions = []string{"320115"}
		return w
	}
	d := baseDemand()
	d.StartDate = date(2026, 12, 10) // every date below is in time
	ix := Build(slices.Values([]Worker{
		perfect("x1", PriorityLifted, date(2026, 11, 1)),
		perfect("x2", PriorityLifted, date(2026, 11, 2)),
		perfect("y", PriorityLifted, date(2026, 11, 3)),
	}), nil)
	ix.UpsertWorker(perfect("x1", NoPriority, date(2026, 12, 1)))
	ix.UpsertWorker(perfect("x2", NoPriority, time.Time{}))
	for k, want := range [][]string{1: {"y"}, 2: {"y", "x1"}, 3: {"y", "x1", "x2"}} {
		if k == 0 {
			continue
		}
		var got []string
		for _, c := range ix.TopWorkers(d, k, fixtureToday) {
			if c.Result.Score != 1 {
				t.Fatalf("%s scores %v, want 1", c.WorkerID, c.Result.Score)
			}
			got = append(got, c.WorkerID)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("top %d: %v, want %v", k, got, want)
		}
	}
}
