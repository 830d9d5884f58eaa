package storage

import (
	"reflect"
	"slices"
	"testing"

	"duikou/data"
	"duikou/data/catalog"
)

// matchFields is what EachWorkerForMatching promises to fill.
func matchFields(w *data.Worker) data.Worker {
	return data.Worker{Synced: data.Synced{ID: w.ID}, Name: w.Name, HukouRegion: w.HukouRegion, Skills: w.Skills,
		DesiredRegions: w.DesiredRegions, DesiredOccupations: w.DesiredOccupations, ExpectedWage: w.ExpectedWage,
		AvailableFrom: w.AvailableFrom, Status: w.Status, Consent: w.Consent, Sex: w.Sex, Birth: w.Birth,
		Poverty: w.Poverty}
}

func TestEachWorkerForMatchingReadsWhatMatchingNeeds(t *testing.T) {
	s := newStore(t)
	full := validWorker(1)
	full.Skills = append(full.Skills, data.Skill{Occupation: "nanny", Level: catalog.Level5})
	full.DesiredOccupations = []string{"maternity_nurse"}
	full.AvailableFrom = data.MakeDate(2026, 12, 1)
	full.Status = data.WorkerReturned
	full.Poverty = data.PovertyMonitored
	bare := validWorker(2) // no lists, no wage, no date, no consent
	bare.Skills, bare.DesiredRegions, bare.ExpectedWage, bare.Consent = nil, nil, 0, false
	gone := validWorker(3)
	for _, w := range []*data.Worker{full, bare, gone} {
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(&data.Worker{Synced: data.Synced{ID: gone.ID}}); err != nil {
		t.Fatal(err)
	}

	var got []data.Worker
	if err := s.EachWorkerForMatching(func(w *data.Worker) error {
		got = append(got, *w)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d workers, want the 2 live ones", len(got))
	}
	for _, g := range got {
		stored, err := s.Worker(g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := matchFields(stored); !reflect.DeepEqual(g, want) {
			t.Errorf("streamed %+v\nstored   %+v", g, want)
		}
	}
	if got[0].ID > got[1].ID || got[0].Birth.IsZero() || got[0].Sex != data.Female {
		t.Fatalf("order or derived columns: %+v", got)
	}
}

func TestReloadsByID(t *testing.T) {
	s := newStore(t)
	d, w := placementFixture(t, s, 2)
	w2 := validWorker(2)
	if err := s.Create(w2); err != nil {
		t.Fatal(err)
	}

	ws, err := s.WorkersByID([]string{w.ID, "unknown", w2.ID})
	if err != nil || len(ws) != 2 {
		t.Fatalf("WorkersByID: %d, %v", len(ws), err)
	}
	ds, err := s.DemandsByID([]string{d.ID})
	if err != nil || len(ds) != 1 || ds[0].Employer == nil || ds[0].Employer.Name != "南京悦家家政服务有限公司" {
		t.Fatalf("DemandsByID: %+v, %v", ds, err)
	}
	if ids, err := s.DemandIDsOfEmployers([]string{d.EmployerID}); err != nil || !slices.Equal(ids, []string{d.ID}) {
		t.Fatalf("DemandIDsOfEmployers: %v, %v", ids, err)
	}

	// w is referred (active); w2's referral is deleted.
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID}
	p2 := &data.Placement{WorkerID: w2.ID, DemandID: d.ID}
	for _, x := range []*data.Placement{p, p2} {
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(&data.Placement{Synced: data.Synced{ID: p2.ID}}); err != nil {
		t.Fatal(err)
	}
	if placed, err := s.ActivelyPlaced(nil); err != nil || !reflect.DeepEqual(placed, map[string]bool{w.ID: true}) {
		t.Fatalf("ActivelyPlaced(all): %v, %v", placed, err)
	}
	if placed, err := s.ActivelyPlaced([]string{w2.ID}); err != nil || len(placed) != 0 {
		t.Fatalf("ActivelyPlaced(w2): %v, %v", placed, err)
	}
	// A deleted placement still names its parties: they must be reloaded.
	wids, dids, err := s.PlacementParties([]string{p2.ID})
	if err != nil || !slices.Equal(wids, []string{w2.ID}) || !slices.Equal(dids, []string{d.ID}) {
		t.Fatalf("PlacementParties: %v %v %v", wids, dids, err)
	}
}
