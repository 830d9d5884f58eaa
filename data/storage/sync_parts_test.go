package storage

import (
	"os"
	"strconv"
	"testing"
)

// The exchange merges a big file a part at a time (sync_chunks.go). With
// DUIKOU_APPLY_PARTS=n, every test that imports through receive hands the
// file to ApplyChunks in parts of n rows, cut as the exchange cuts them,
// so that the restore and consent scenarios also run split across parts
// (.ci/run runs the exchange tests so with n=1).

// applyParts is DUIKOU_APPLY_PARTS, or 0 for the whole file at once.
func applyParts(t *testing.T) int {
	v := os.Getenv("DUIKOU_APPLY_PARTS")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("DUIKOU_APPLY_PARTS=%q: want a number of rows per part", v)
	}
	return n
}

// partsOf cuts c into parts of n rows in the file's order, each with every
// op on its rows in the file's order; the ops whose row the file does not
// carry (a withdrawal of consent travels alone) go with the last part.
func partsOf(c *Changes, n int) ChangeChunks {
	part := func(from, to int) *Changes {
		return &Changes{From: c.From, To: c.To, Since: c.Since, Vector: c.Vector, Rows: c.Rows[from:to]}
	}
	var parts []*Changes
	at := map[string]*Changes{}
	for from := 0; from < len(c.Rows); from += n {
		p := part(from, min(from+n, len(c.Rows)))
		for _, r := range p.Rows {
			at[string(r.Table)+"/"+r.ID] = p
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		parts = append(parts, part(0, 0))
	}
	last := parts[len(parts)-1]
	for _, op := range c.Ops {
		p := at[string(op.Table)+"/"+op.RowID]
		if p == nil {
			p = last
		}
		p.Ops = append(p.Ops, op)
	}
	return &testParts{parts: parts}
}

type testParts struct{ parts []*Changes }

func (p *testParts) Next() (*Changes, error) {
	if len(p.parts) == 0 {
		return nil, nil
	}
	next := p.parts[0]
	p.parts = p.parts[1:]
	return next, nil
}

func TestPartsOfKeepsEveryRecordOnceWithItsOps(t *testing.T) {
	c := &Changes{
		Rows: []RowState{{Table: "employers", ID: "e1"}, {Table: "workers", ID: "w1"}, {Table: "workers", ID: "w2"}},
		Ops: []WireOp{{Origin: "a", Seq: 1, Table: "workers", RowID: "w2"}, {Origin: "a", Seq: 2, Table: "workers", RowID: "gone"},
			{Origin: "a", Seq: 3, Table: "employers", RowID: "e1"}},
	}
	chunks := partsOf(c, 2)
	var got [][2]int
	for {
		p, _ := chunks.Next()
		if p == nil {
			break
		}
		got = append(got, [2]int{len(p.Rows), len(p.Ops)})
	}
	// e1 and w1 with op 3; w2 with op 1 and the row-less op 2.
	if len(got) != 2 || got[0] != [2]int{2, 1} || got[1] != [2]int{1, 2} {
		t.Fatalf("parts (rows, ops) = %v, want [[2 1] [1 2]]", got)
	}
}
