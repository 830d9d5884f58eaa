package storage

import (
	"duikou/data/storage/testdb"
	"errors"
	"slices"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
)

func TestEachWorkerVisitsEveryRowOnceAcrossBatches(t *testing.T) {
	s := newStore(t)
	n := exportBatch*2 + 17
	err := s.WriteBulk(func(tx *Tx) error {
		for i := 0; i < n; i++ {
			w := validWorker(0)
			w.IDNumber = ident.MakeID("620123", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/500), i%500+1, i%2 == 0)
			if err := tx.Create(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	last := ""
	err = s.EachWorker(data.WorkerFilter{}, DateRange{}, func(w *data.Worker) error {
		if seen[w.ID] || w.ID <= last {
			t.Fatalf("worker %s out of order or twice", w.ID)
		}
		seen[w.ID], last = true, w.ID
		return nil
	})
	if err != nil || len(seen) != n {
		t.Fatalf("visited %d of %d: %v", len(seen), n, err)
	}

	// Registered today (the test clock's day), so a range ending
	// yesterday holds nobody and one starting today everybody.
	today := s.Today()
	count := func(r DateRange) int {
		k := 0
		if err := s.EachWorker(data.WorkerFilter{}, r, func(*data.Worker) error { k++; return nil }); err != nil {
			t.Fatal(err)
		}
		return k
	}
	if got := count(DateRange{To: today.AddDays(-1)}); got != 0 {
		t.Fatalf("%d workers registered before today", got)
	}
	if got := count(DateRange{From: today, To: today}); got != n {
		t.Fatalf("%d workers registered today", got)
	}

	// fn's error stops the walk.
	stop := errors.New("stop")
	k := 0
	if err := s.EachWorker(data.WorkerFilter{}, DateRange{}, func(*data.Worker) error { k++; return stop }); err != stop || k != 1 {
		t.Fatalf("walk went on after an error: %v, %d", err, k)
	}
}

func TestEachPlacementFiltersByReferralOrStartAndJoins(t *testing.T) {
	s := newStore(t)
	d, w := placementFixture(t, s, 5)
	w2 := validWorker(2)
	if err := s.Create(w2); err != nil {
		t.Fatal(err)
	}
	early := &data.Placement{WorkerID: w.ID, DemandID: d.ID, ReferredOn: data.MakeDate(2026, 2, 1),
		Stage: data.StageStarted, HiredOn: data.MakeDate(2026, 3, 1), StartedOn: data.MakeDate(2026, 3, 10)}
	late := &data.Placement{WorkerID: w2.ID, DemandID: d.ID, ReferredOn: data.MakeDate(2026, 6, 1)}
	for _, p := range []*data.Placement{early, late} {
		if err := s.Create(p); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(r DateRange) []string {
		var out []string
		err := s.EachPlacement(data.PlacementFilter{}, r, func(p *data.Placement) error {
			if p.Worker == nil || p.Demand == nil || p.Demand.Employer == nil {
				t.Fatalf("placement %s without its worker, demand or employer", p.ID)
			}
			out = append(out, p.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := ids(DateRange{}); len(got) != 2 {
		t.Fatalf("all: %v", got)
	}
	// March holds the early one by its start date only.
	if got := ids(DateRange{From: data.MakeDate(2026, 3, 1), To: data.MakeDate(2026, 3, 31)}); len(got) != 1 || got[0] != early.ID {
		t.Fatalf("March: %v", got)
	}
	if got := ids(DateRange{From: data.MakeDate(2026, 5, 1)}); len(got) != 1 || got[0] != late.ID {
		t.Fatalf("from May: %v", got)
	}
	// Starting work scheduled check-ins, found by due date with the
	// placement's employer.
	n := 0
	err := s.EachFollowUp(data.FollowUpFilter{}, DateRange{From: data.MakeDate(2026, 3, 17), To: data.MakeDate(2026, 3, 17)}, func(f *data.FollowUp) error {
		if f.Worker == nil || f.Placement == nil || f.Placement.Demand == nil || f.Placement.Demand.Employer == nil {
			t.Fatalf("follow-up %s without its joins", f.ID)
		}
		n++
		return nil
	})
	if err != nil || n != 1 {
		t.Fatalf("%d check-ins due 2026-03-17: %v", n, err)
	}
}

func TestDateRangeContains(t *testing.T) {
	r := DateRange{From: data.MakeDate(2026, 3, 1), To: data.MakeDate(2026, 3, 31)}
	for d, want := range map[data.Date]bool{data.MakeDate(2026, 3, 1): true, data.MakeDate(2026, 3, 31): true, data.MakeDate(2026, 4, 1): false, {}: false} {
		if r.Contains(d) != want {
			t.Errorf("%v contains %s: %v", r, d, !want)
		}
	}
	if !(DateRange{}).Contains(data.Date{}) {
		t.Error("an open range holds an unset date")
	}
}

func TestImportLookupsSeeTheirOwnTransaction(t *testing.T) {
	s := newStore(t)
	e := validEmployer(t, s)
	w := validWorker(7)
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 3, WorkRegion: "320115", ValidFrom: data.MakeDate(2026, 3, 1)}
	errRollback := errors.New("rollback")
	err := s.WriteBulk(func(tx *Tx) error {
		if got, err := tx.WorkerByIDNumber(w.IDNumber); got != nil || err != nil {
			t.Fatalf("found %v before it was written (%v)", got, err)
		}
		if err := tx.Create(w); err != nil {
			return err
		}
		if got, _ := tx.WorkerByIDNumber(w.IDNumber); got == nil || got.ID != w.ID {
			t.Fatal("the transaction does not see its own worker")
		}
		if got, _ := tx.EmployerByCreditCode(e.CreditCode); got == nil || got.ID != e.ID {
			t.Fatal("employer not found by credit code")
		}
		if got, _ := tx.EmployersNamed(e.Name); len(got) != 1 {
			t.Fatalf("%d employers named %s", len(got), e.Name)
		}
		if got, _ := tx.SameDemand(d); got != nil {
			t.Fatal("a demand repeated before it exists")
		}
		if err := tx.Create(d); err != nil {
			return err
		}
		again := *d
		again.ID, again.Headcount = "", 10
		if got, _ := tx.SameDemand(&again); got == nil || got.ID != d.ID {
			t.Fatal("the same demand with another headcount is not found")
		}
		again.ValidFrom = data.MakeDate(2026, 4, 1)
		if got, _ := tx.SameDemand(&again); got != nil {
			t.Fatal("a demand from another date counted as the same")
		}
		return errRollback
	})
	if err != errRollback {
		t.Fatal(err)
	}
	if got, _ := s.FindWorkerByIDNumber(w.IDNumber); got != nil {
		t.Fatal("the rolled-back worker is there")
	}
}

// An export in a list's order holds every row, those whose sort column is
// empty too (a placement not yet started), where the screen has them.
func TestEachInTheListsOrderKeepsEmptySortValues(t *testing.T) {
	fx := newSearchFixture(t)
	// Batches of one: every row after the first batch must still come.
	defer func(n int) { exportBatch = n }(exportBatch)
	exportBatch = 1
	var got []string
	must(t, fx.s.EachPlacementBy(data.Order{Sort: "started", Desc: true}, data.PlacementFilter{}, DateRange{}, func(p *data.Placement) error {
		got = append(got, p.StartedOn.String())
		return nil
	}))
	// Descending by 上岗日期; SQLite sorts NULL lowest, so the unstarted one
	// is last, PostgreSQL highest, so it is first: either way the export
	// follows the list, checked below.
	want := []string{"2026-11-05", "2026-11-04", "2026-09-10", ""}
	if testdb.Postgres() {
		want = []string{"", "2026-11-05", "2026-11-04", "2026-09-10"}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("started desc: %v, want %v", got, want)
	}
	page, _, err := fx.s.ListPlacements(data.PlacementFilter{}, data.Page{Sort: "started", Desc: true})
	must(t, err)
	for i, p := range page {
		if p.StartedOn.String() != got[i] {
			t.Fatalf("row %d: list %s, export %s", i, p.StartedOn, got[i])
		}
	}
	if err := fx.s.EachPlacementBy(data.Order{Sort: "bogus"}, data.PlacementFilter{}, DateRange{}, func(*data.Placement) error { return nil }); err == nil {
		t.Fatal("an unknown sort key was accepted")
	}
}
