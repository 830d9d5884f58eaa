package app

import (
	"duikou/data"
	"duikou/data/storage"
	"duikou/data/subsidy"
)

// SubsidyStore is what 补贴与慰问 asks of the data layer: the roster of a
// 项目 on a 核算日, and recording its claims (确认申报).
type SubsidyStore interface {
	SubsidyRoster(rules subsidy.Rules, program string, asOf data.Date) (*subsidy.Roster, error)
	ApplyClaims(r *subsidy.Roster) (int, error)
	Today() data.Date
}

var _ SubsidyStore = (*storage.Store)(nil)

// sliceLister serves an in-memory list (a roster computed once) to
// newListView a page at a time, as the Store serves its lists. The
// filter is the roster's generation: a new roster is a new filter, which
// makes the list fetch again from the top.
func sliceLister[T any](rows func() []T) lister[T, int] {
	return lister[T, int]{
		list: func(_ int, p data.Page) ([]T, *data.Cursor, error) {
			all := rows()
			start := p.Offset
			if p.After != nil {
				start = p.After.Value.(int) + 1
			}
			limit := p.Limit
			if limit <= 0 {
				limit = 100
			}
			start = min(start, len(all))
			end := min(start+limit, len(all))
			return all[start:end], &data.Cursor{Value: end - 1}, nil
		},
		count: func(int) (int64, error) { return int64(len(rows())), nil },
	}
}
