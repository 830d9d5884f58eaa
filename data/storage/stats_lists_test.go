package storage

import (
	"strconv"
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// Each figure's list (the records the 统计报表 screen opens) holds as many
// records as the figure counts, for every count indicator of October,
// November and the fourth quarter on the edge fixture; a sum's list holds
// the records whose amounts make it up.
func TestFigureListsMatchTheReport(t *testing.T) {
	s := newStore(t)
	reportFixture(t, s)
	for _, spec := range []string{"2026-10", "2026-11", "2026Q4"} {
		var p stats.Period
		var err error
		if len(spec) == 6 {
			p, err = stats.ParseQuarter(spec, s.Today())
		} else {
			p, err = stats.ParseMonth(spec, s.Today())
		}
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Report(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range stats.Defs {
			fig := data.Figure{Code: string(d.Code), From: p.From, To: p.To}
			var n int64
			switch stats.ListOf(d.Code) {
			case stats.WorkerList:
				n, err = s.CountWorkers(data.WorkerFilter{Figure: fig})
			case stats.PlacementList:
				n, err = s.CountPlacements(data.PlacementFilter{Figure: fig})
			case stats.FollowUpList:
				n, err = s.CountFollowUps(data.FollowUpFilter{Figure: fig})
			case stats.DemandList:
				n, err = s.CountDemands(data.DemandFilter{Figure: fig})
			default:
				t.Fatalf("%s has no list", d.Code)
			}
			if err != nil {
				t.Fatalf("%s: %v", d.Code, err)
			}
			want := r.Value(d.Code)
			switch d.Code {
			case stats.ContractsSignedPct:
				want = r.Value(stats.ContractsSigned)
			case stats.ArrearsRecoveredYuan:
				want = r.Value(stats.ArrearsClosed)
			case stats.WarmthAmountYuan:
				want = r.Value(stats.WarmthVisits)
			case stats.ArrearsOwedYuan:
				want = "" // the open cases: checked by hand below
			case stats.PositionsNew:
				want = r.Value(stats.DemandsNew)
			}
			if want != "" && want != strconv.FormatInt(n, 10) {
				t.Errorf("%s %s: the list holds %d, the figure is %s", spec, d.Code, n, want)
			}
		}
	}
	// October's owed wages (19,000 yuan) are a1 (5,000), a3 (12,000) and a4
	// (2,000, closed only in November).
	oct, _ := stats.ParseMonth("2026-10", s.Today())
	owed, _, err := s.ListFollowUps(data.FollowUpFilter{Figure: data.Figure{Code: string(stats.ArrearsOwedYuan), From: oct.From, To: oct.To}}, data.Page{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var sum data.Fen
	for _, f := range owed {
		sum += f.Amount
	}
	if len(owed) != 3 || sum != data.Yuan(19000) {
		t.Errorf("owed cases %d, %s yuan", len(owed), sum)
	}
	// A figure of another kind of record lists nothing.
	if n, _ := s.CountWorkers(data.WorkerFilter{Figure: data.Figure{Code: string(stats.PlacementsStarted), From: oct.From, To: oct.To}}); n != 0 {
		t.Errorf("workers behind placements_started: %d", n)
	}
}
