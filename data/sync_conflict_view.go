package data

import (
	"encoding/json"
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
			OursWon: originOf(c.WinnerRef) == self, Winner: readableJSON(c.WinnerValue), Loser: readableJSON(c.LoserValue)}
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
func TableLabel(table string) string {
	if rec, ok := newRecord(table); ok {
		return rec.RecordName()
	}
	return table
}

// originOf is the office part of an op reference "origin/seq@hlc".
func originOf(ref string) string {
	origin, _, _ := strings.Cut(ref, "/")
	return origin
}

// readableJSON shows a JSON string without quotes, null as empty, and
// anything else as written.
func readableJSON(raw string) string {
	var s string
	if json.Unmarshal([]byte(raw), &s) == nil {
		return s
	}
	if raw == "null" {
		return ""
	}
	return raw
}
