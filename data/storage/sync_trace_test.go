package storage

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// What DUIKOU_TRACE=1 logs of an exchange file and an office's op log,
// in short ids (the last six characters), with the columns the random
// restore test edits spelled out: enough to follow one seed by hand.

// dumpFile logs a file's vectors, ops and rows.
func dumpFile(t *testing.T, raw []byte) {
	var c Changes
	json.Unmarshal(raw, &c)
	t.Logf("FILE from %s to %s since %v vector %v", short(c.From), short(c.To), shortMap(c.Since), shortMap(c.Vector))
	for _, w := range c.Ops {
		t.Logf("  op %s/%d hlc %d %s %s %s", short(w.Origin), w.Seq, w.HLC%1000000, w.Table, short(w.RowID), dumpFields(w.Fields))
	}
	for _, r := range c.Rows {
		t.Logf("  row %s %s", r.Table, short(r.ID))
	}
}

// dumpLog logs an office's op log, origin by origin.
func dumpLog(t *testing.T, o *office) {
	var ops []Op
	o.s.db.Order("origin, seq").Find(&ops)
	t.Logf("LOG of %s (%s)", o.name, short(o.s.Office().ID))
	for _, op := range ops {
		t.Logf("  %s/%d hlc %d %s %s %s", short(op.Origin), op.Seq, op.HLC%1000000, op.Table, short(op.RowID), dumpFields(op.Fields))
	}
}

// dumpFields spells out the columns the random test edits, with the op
// each was based on.
func dumpFields(fields map[string]FieldChange) string {
	var out []string
	for _, col := range sortedKeys(fields) {
		if col == "notes" || col == "deleted" || col == "headcount" || col == "employer_id" || col == "consent" {
			out = append(out, fmt.Sprintf("%s=%s<-%s", col, fields[col].Value, shortRef(fields[col].Base)))
		}
	}
	return strings.Join(out, " ")
}

func short(id string) string {
	if len(id) > 8 {
		return id[len(id)-6:]
	}
	return id
}
func shortRef(r string) string {
	o, s, h, ok := parseRef(r)
	if !ok {
		return r
	}
	return fmt.Sprintf("%s/%d@%d", short(o), s, h%1000000)
}
func shortMap(m map[string]int64) string {
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s:%d", short(k), v))
	}
	return strings.Join(parts, ",")
}
