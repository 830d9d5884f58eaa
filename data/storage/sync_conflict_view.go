package storage

import (
	"duikou/data"
	"strings"
)

// ConflictView is an open conflict as the clerk reads it: the record in
// words (ID numbers masked) and both values decoded from JSON.
type ConflictView struct {
	Conflict
	TableLabel string // 劳动者, 用工单位, ...
	Record     string // 张三 6201**********1234, or the row id if gone
	// Ours is true when the current (winning) value came from this office.
	OursWon       bool
	Winner, Loser string
}

// OpenConflictViews lists up to limit open conflicts, newest first, for
// the conflict list beside each other.
func (s *Store) OpenConflictViews(limit int) ([]ConflictView, error) {
	cs, err := s.Conflicts(true, limit)
	if err != nil {
		return nil, err
	}
	self := ""
	if o := s.Office(); o != nil {
		self = o.ID
	}
	out := make([]ConflictView, 0, len(cs))
	tx := &Tx{db: s.db}
	for _, c := range cs {
		v := ConflictView{Conflict: c, TableLabel: TableLabel(c.Table), Record: c.RowID,
			OursWon: originOf(c.WinnerRef) == self,
			Winner:  data.ConflictValue(c.Table, c.Field, c.WinnerValue), Loser: data.ConflictValue(c.Table, c.Field, c.LoserValue)}
		if table, ok := referencedTable(c.Field); ok {
			// A reference shows the record it points at, not its id.
			for _, side := range []*string{&v.Winner, &v.Loser} {
				if rec, err := tx.loadAny(table, *side); err == nil && rec != nil {
					*side = describeRemote(rec)
				}
			}
		}
		if rec, err := tx.loadAny(c.Table, c.RowID); err != nil {
			return nil, err
		} else if rec != nil {
			v.Record = describeRemote(rec)
		}
		out = append(out, v)
	}
	return out, nil
}

// TableLabel is a travelling table's name in Chinese.
func TableLabel(table data.Table) string {
	if rec, ok := newRecord(table); ok {
		return rec.RecordName()
	}
	return string(table)
}

// originOf is the office part of an op reference "origin/seq@hlc".
func originOf(ref string) string {
	origin, _, _ := strings.Cut(ref, "/")
	return origin
}

// referencedTable is the table a reference column points into.
func referencedTable(column string) (data.Table, bool) {
	switch column {
	case "worker_id":
		return data.TableWorkers, true
	case "employer_id":
		return data.TableEmployers, true
	case "demand_id":
		return data.TableDemands, true
	case "placement_id":
		return data.TablePlacements, true
	}
	return "", false
}
