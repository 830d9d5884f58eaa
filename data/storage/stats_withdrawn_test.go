package storage

import (
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// A worker registered at 榆中 (A) on 2026-10-05, a 脱贫户, is placed by 江宁
// (B) and starts work there on 2026-10-20; then the worker withdraws
// consent at A and B's copy becomes a husk. Both offices' October figures
// count the worker and the start before and after the withdrawal: the
// husk loses the personal columns, not the 户籍, the 脱贫 status, the
// 登记日期 or the placement the figures are made of.
func TestWithdrawnWorkerStillCountsAtBothOffices(t *testing.T) {
	offs, w, p := withdrawnSetup(t, 2)
	a, b := offs[0], offs[1]
	wa, _ := a.s.Worker(w.ID)
	wa.RegisteredOn, wa.Poverty = data.MakeDate(2026, 10, 5), data.PovertyLifted
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	pb, _ := b.s.Placement(p.ID)
	pb.ReferredOn = data.MakeDate(2026, 10, 8)
	pb.Stage, pb.HiredOn, pb.StartedOn = data.StageStarted, data.MakeDate(2026, 10, 18), data.MakeDate(2026, 10, 20)
	if err := b.s.Update(pb); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, b, a)

	oct, _ := stats.ParseMonth("2026-10", data.DateOf(fixedNow))
	want := map[stats.Code]string{
		stats.WorkersRegistered: "1", stats.WorkersTotal: "1", stats.PlacementsStarted: "1",
		stats.StartedCrossProv: "1", stats.StartedPoverty: "1", stats.InWorkEnd: "1",
	}
	check := func(when string) {
		t.Helper()
		for _, o := range []*office{a, b} {
			r, err := o.s.Report(oct)
			if err != nil {
				t.Fatal(err)
			}
			for c, v := range want {
				if got := r.Value(c); got != v {
					t.Errorf("%s, %s: %s = %s, want %s", when, o.name, c, got, v)
				}
			}
		}
	}
	check("before the withdrawal")

	wa, _ = a.s.Worker(w.ID)
	wa.Consent = false
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	assertHusk(t, b, w)
	check("after the withdrawal")
	// The list behind the figure at B holds the husk's placement; the
	// worker list holds the husk, under its erased name.
	n, _ := b.s.CountPlacements(data.PlacementFilter{Figure: data.Figure{Code: string(stats.StartedPoverty), From: oct.From, To: oct.To}})
	ws, _, _ := b.s.ListWorkers(data.WorkerFilter{Figure: data.Figure{Code: string(stats.WorkersRegistered), From: oct.From, To: oct.To}}, data.Page{})
	if n != 1 || len(ws) != 1 || ws[0].Name != "王某（已撤回同意）" {
		t.Fatalf("lists at B: %d placements, workers %+v", n, ws)
	}
}
