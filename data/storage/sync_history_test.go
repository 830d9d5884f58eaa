package storage

import (
	"duikou/data"
	"testing"
)

func TestBundleHistoryFiltersByPartnerAndDirectionNewestFirst(t *testing.T) {
	offs := newOffices(t, 3)
	a, b, c := offs[0], offs[1], offs[2]
	toB := func(name string) {
		ch, err := a.s.ChangesFor(b.s.Office().ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.s.RecordExport(ch, data.NewID(), name); err != nil {
			t.Fatal(err)
		}
	}
	toB("first.duikou")
	toB("second.duikou")
	ch, _ := a.s.ChangesFor(c.s.Office().ID)
	if err := a.s.RecordExport(ch, data.NewID(), "to-c.duikou"); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}
	got, err := a.s.BundleHistory(b.s.Office().ID, "out", 10)
	if err != nil {
		t.Fatal(err)
	}
	// Same clock for both: the UUIDv7 ids keep them in order.
	if len(got) != 2 || got[0].FileName != "second.duikou" || got[1].FileName != "first.duikou" {
		t.Fatalf("out to B: %+v", got)
	}
	in, _ := a.s.BundleHistory(b.s.Office().ID, "in", 10)
	if len(in) != 1 || in[0].Direction != "in" {
		t.Fatalf("in from B: %+v", in)
	}
	if one, _ := a.s.BundleHistory(b.s.Office().ID, "out", 1); len(one) != 1 || one[0].FileName != "second.duikou" {
		t.Fatalf("limit: %+v", one)
	}
}

func TestSyncedTablesIsACopy(t *testing.T) {
	got := SyncedTables()
	if len(got) != 6 || got[0] != "employers" || got[4] != "follow_ups" || got[5] != "subsidy_claims" {
		t.Fatalf("tables %v", got)
	}
	got[0] = "x"
	if syncedTables[0] != "employers" {
		t.Fatal("SyncedTables handed out the package's own slice")
	}
}
