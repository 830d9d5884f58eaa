package storage

import (
	"reflect"
	"testing"

	"duikou/data"

	"gorm.io/gorm"
)

// The export reads its rows past GORM (stateReader): every column of a
// row's state must come out as GORM's Find gives it, for each kind of
// record — NULLs, a follow-up's optional placement, JSON lists, dates,
// booleans, money — or the partner would receive other values.
func TestStateReaderReadsWhatFindReads(t *testing.T) {
	s := newStore(t)
	d := validDemand(t, s)
	w := validWorker(1)
	w.Trainings = []data.Training{{Course: "育婴师培训", Provider: "榆中县职校", From: data.MakeDate(2025, 3, 1), To: data.MakeDate(2025, 4, 30)}}
	w.AvailableFrom = data.MakeDate(2026, 12, 24)
	w.ConsentDate = data.MakeDate(2026, 1, 2)
	w.Notes = "换了电话，<已核实> & 登记"
	bare := validWorker(2) // no dates, no lists: NULLs and empty text
	bare.Skills, bare.DesiredRegions, bare.Phone, bare.Consent = nil, nil, "", false
	for _, rec := range []data.Record{w, bare} {
		if err := s.Create(rec); err != nil {
			t.Fatal(err)
		}
	}
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, ReferredOn: data.MakeDate(2026, 10, 1)}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	withPlacement := &data.FollowUp{WorkerID: w.ID, PlacementID: &p.ID, Kind: data.KindCheckIn, DueOn: data.MakeDate(2026, 11, 20)}
	without := &data.FollowUp{WorkerID: w.ID, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 11, 1), Amount: data.Yuan(3000)}
	for _, rec := range []data.Record{withPlacement, without} {
		if err := s.Create(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(bare); err != nil { // a tombstone reads as one
		t.Fatal(err)
	}

	for _, c := range []struct {
		table data.Table
		ids   []string
	}{
		{data.TableWorkers, []string{w.ID, bare.ID, "no-such-id"}},
		{data.TableEmployers, []string{d.EmployerID}},
		{data.TableDemands, []string{d.ID}},
		{data.TablePlacements, []string{p.ID}},
		{data.TableFollowUps, []string{withPlacement.ID, without.ID}},
	} {
		var viaFind, direct []data.Record
		if err := findRows(s.db.Select(stateColumns(s.db, c.table)).Session(&gorm.Session{}), c.table, c.ids, func(r data.Record) { viaFind = append(viaFind, r) }); err != nil {
			t.Fatal(err)
		}
		reader, err := stateReaderFor(s.db, c.table)
		if err != nil {
			t.Fatal(err)
		}
		if err := reader.read(s.db, c.ids, func(r data.Record) { direct = append(direct, r) }); err != nil {
			t.Fatal(err)
		}
		if len(direct) != len(c.ids)-countMissing(c.ids) || !reflect.DeepEqual(direct, viaFind) {
			t.Errorf("%s: read %d rows\n%+v\nFind read %d\n%+v", c.table, len(direct), direct, len(viaFind), viaFind)
		}
	}
	// The values a clerk typed come back as typed.
	var got *data.FollowUp
	reader, _ := stateReaderFor(s.db, data.TableFollowUps)
	reader.read(s.db, []string{withPlacement.ID}, func(r data.Record) { got = r.(*data.FollowUp) })
	if got == nil || got.PlacementID == nil || *got.PlacementID != p.ID || got.DueOn != data.MakeDate(2026, 11, 20) {
		t.Fatalf("follow-up read back as %+v", got)
	}
}

func countMissing(ids []string) int {
	n := 0
	for _, id := range ids {
		if id == "no-such-id" {
			n++
		}
	}
	return n
}
