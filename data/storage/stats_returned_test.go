package storage

import (
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// 已返乡 closes a placement from any stage: a worker referred on 10-03 who
// went home on 10-12 without starting counts as 返乡 in October, and
// nowhere among the starts or those in work.
func TestReturnedBeforeStartingCountsAsReturned(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	d := validDemand(t, s)
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageReferred, ReferredOn: data.MakeDate(2026, 10, 3)}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	p.Stage, p.EndedOn, p.CloseReason = data.StageReturned, data.MakeDate(2026, 10, 12), "family"
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	oct, _ := stats.ParseMonth("2026-10", s.Today())
	r, err := s.Report(oct)
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, r, map[stats.Code]string{
		stats.PlacementsReturned: "1", stats.PlacementsStarted: "0", stats.InWorkEnd: "0", stats.PlacementsLeft: "0",
	})
	if len(r.Rows) != 0 {
		t.Errorf("rows by region: %+v", r.Rows)
	}
	n, _ := s.CountPlacements(data.PlacementFilter{Figure: data.Figure{Code: string(stats.PlacementsReturned), From: oct.From, To: oct.To}})
	if n != 1 {
		t.Errorf("the list behind 返乡人数 holds %d", n)
	}
}
