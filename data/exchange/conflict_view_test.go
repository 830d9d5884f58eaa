package exchange

import (
	"strings"
	"testing"
)

// Both offices edit one worker's notes at once: each lists the conflict
// for the clerk with the same winner, the record named with its ID number
// masked, and each side knows which value is its own.
func TestConflictViewsShowBothValuesOnBothSides(t *testing.T) {
	a, b := twoOffices(t)
	ws := populate(t, a.s, 1)
	apply := func(from, to *office) {
		t.Helper()
		file, _ := bundle(t, from, to)
		o, err := open(to.s, file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Apply("x.duikou"); err != nil {
			t.Fatal(err)
		}
	}
	apply(a, b)
	for _, side := range []struct {
		o     *office
		notes string
	}{{a, "兰州写的"}, {b, "南京写的"}} {
		w, err := side.o.s.Worker(ws[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		w.Notes = side.notes
		if err := side.o.s.Update(w); err != nil {
			t.Fatal(err)
		}
	}
	apply(a, b)
	apply(b, a)
	va, err := a.s.OpenConflictViews(10)
	if err != nil {
		t.Fatal(err)
	}
	vb, _ := b.s.OpenConflictViews(10)
	if len(va) != 1 || len(vb) != 1 {
		t.Fatalf("conflicts: A %d, B %d", len(va), len(vb))
	}
	ca, cb := va[0], vb[0]
	if ca.Field != "notes" || ca.TableLabel != "劳动者" || !strings.HasPrefix(ca.Record, ws[0].Name+" ") ||
		strings.Contains(ca.Record, ws[0].IDNumber) {
		t.Fatalf("A's view %+v", ca)
	}
	if ca.Winner != cb.Winner || ca.Loser != cb.Loser || ca.OursWon == cb.OursWon {
		t.Fatalf("A %+v\nB %+v", ca, cb)
	}
	ours := map[bool]string{true: ca.Winner, false: ca.Loser}[ca.OursWon]
	if ours != "兰州写的" {
		t.Fatalf("A's own value shows as %q", ours)
	}
}
