package storage

import (
	"testing"
	"time"

	"duikou/data"
	"duikou/data/stats"
)

// reportFixture builds, on the office of newStore (榆中县 620123, a sending
// office; today 2026-11-22), records on the edges of October 2026. The
// hand-counted answers are in TestReportOctoberHandCounted.
func reportFixture(t *testing.T, s *Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	day := func(m time.Month, d int) data.Date { return data.MakeDate(2026, m, d) }
	// Workers, with the day each was registered (登记日期); every record
	// is created today (2026-11-22), so only RegisteredOn can place them.
	registered := []data.Date{
		day(9, 15), day(10, 1), day(10, 31), day(11, 1), day(10, 15), day(10, 10),
		day(9, 1), day(9, 1), day(9, 1), day(9, 1), day(9, 1),
	}
	ws := make([]*data.Worker, len(registered))
	for i, d := range registered {
		w := validWorker(i + 1)
		if i == 5 {
			w.Poverty = data.PovertyLifted
		}
		w.RegisteredOn = d
		must(s.Create(w))
		ws[i] = w
	}
	must(s.Delete(ws[4])) // registered in October, then deleted

	emp := validEmployer(t, s)
	demand := func(region string, headcount int, from data.Date) *data.Demand {
		d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Headcount: headcount, WorkRegion: region, ValidFrom: from}
		must(s.Create(d))
		return d
	}
	dA := demand("320115", 10, day(10, 5)) // 南京江宁: cross-province, new in October
	dB := demand("620102", 5, day(9, 1))   // 兰州城关: cross-county
	dC := demand("620123", 3, data.Date{}) // 榆中: in county, no 起始日: entered in October
	dD := demand("620502", 2, day(11, 1))  // 天水秦州: cross-city
	must(s.db.Exec("UPDATE demands SET created_at = ? WHERE id = ?", day(10, 20).Time().Add(12*time.Hour), dC.ID).Error)

	place := func(w *data.Worker, d *data.Demand, started data.Date) *data.Placement {
		p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageReferred, ReferredOn: day(8, 1)}
		if !started.IsZero() {
			p.Stage, p.HiredOn, p.StartedOn = data.StageStarted, started, started
		}
		must(s.Create(p))
		return p
	}
	end := func(p *data.Placement, stage data.Stage, on data.Date) {
		p.Stage, p.EndedOn, p.CloseReason = stage, on, "family"
		must(s.Update(p))
	}
	pA := place(ws[0], dA, day(10, 31)) // 上岗 on the last day of the month
	pA.ContractSigned, pA.ContractDate, pA.ContractMonths = true, day(10, 31), 12
	must(s.Update(pA))
	pB := place(ws[1], dB, day(10, 10))
	end(pB, data.StageLeft, day(11, 1)) // 离职 on the first day of the next month
	pC := place(ws[2], dC, day(9, 20))
	end(pC, data.StageReturned, day(10, 15))
	pD := place(ws[5], dD, day(10, 5)) // a 脱贫户; contract signed only in November
	pD.ContractSigned, pD.ContractDate = true, day(11, 2)
	must(s.Update(pD))
	pE := place(ws[6], dA, day(10, 12))
	must(s.Delete(pE)) // a deleted placement
	pF := place(ws[7], dA, day(10, 20))
	pF.ContractSigned, pF.ContractDate = true, day(10, 20)
	must(s.Update(pF))
	// A partner recorded this one: it still counts for this office.
	must(s.db.Exec("UPDATE placements SET origin = ? WHERE id = ?", "0193b1a2-0000-7000-8000-00000000beef", pF.ID).Error)
	place(ws[8], dA, day(11, 3))  // starts after the month
	place(ws[9], dA, data.Date{}) // referred only
	pI := place(ws[10], dB, day(8, 1))
	end(pI, data.StageLeft, day(10, 31))

	// The check-ins scheduled on each start would make the hand count
	// depend on the schedule: tombstone them and add our own.
	must(s.db.Exec("UPDATE follow_ups SET deleted = ?", true).Error)
	type fu struct {
		kind      data.FollowUpKind
		due, done data.Date
		status    data.FollowUpStatus
		fen       data.Fen
		deleted   bool
	}
	for _, x := range []fu{
		{data.KindCheckIn, day(10, 20), data.Date{}, data.FollowUpOpen, 0, false},     // c1 overdue
		{data.KindCheckIn, day(10, 25), day(11, 2), data.FollowUpDone, 0, false},      // c2 overdue at the end, done later
		{data.KindCheckIn, day(10, 28), day(10, 31), data.FollowUpDone, 0, false},     // c3 done
		{data.KindCheckIn, day(11, 5), data.Date{}, data.FollowUpOpen, 0, false},      // c4 not yet due
		{data.KindCheckIn, day(10, 1), data.Date{}, data.FollowUpCancelled, 0, false}, // c5 cancelled
		{data.KindCheckIn, day(10, 2), day(10, 3), data.FollowUpDone, 0, true},        // c6 deleted
		{data.KindWarmth, day(10, 1), day(10, 1), data.FollowUpDone, data.Yuan(500), false},
		{data.KindWarmth, day(10, 30), day(11, 1), data.FollowUpDone, data.Yuan(800), false},
		{data.KindWarmth, day(9, 30), day(10, 31), data.FollowUpDone, 30050, false},
		{data.KindArrears, day(9, 10), data.Date{}, data.FollowUpOpen, data.Yuan(5000), false},   // a1 owed
		{data.KindArrears, day(10, 5), day(10, 25), data.FollowUpDone, data.Yuan(3000), false},   // a2 opened, closed
		{data.KindArrears, day(10, 31), data.Date{}, data.FollowUpOpen, data.Yuan(12000), false}, // a3 opened, owed
		{data.KindArrears, day(10, 10), day(11, 3), data.FollowUpDone, data.Yuan(2000), false},   // a4 opened, owed at the end
		{data.KindArrears, day(10, 12), data.Date{}, data.FollowUpCancelled, data.Yuan(900), false},
		{data.KindArrears, day(11, 1), data.Date{}, data.FollowUpOpen, data.Yuan(7000), false},
	} {
		f := &data.FollowUp{WorkerID: ws[0].ID, Kind: x.kind, DueOn: x.due, DoneOn: x.done, Status: x.status, Amount: x.fen}
		if x.status == data.FollowUpDone {
			f.Method = "phone"
		}
		must(s.Create(f))
		if x.deleted {
			must(s.Delete(f))
		}
	}
}

func checkFigures(t *testing.T, r *stats.Report, want map[stats.Code]string) {
	t.Helper()
	for c, v := range want {
		if got := r.Value(c); got != v {
			t.Errorf("%s (%s) = %s, want %s", c, r.Period.Label(), got, v)
		}
	}
}

func TestReportOctoberHandCounted(t *testing.T) {
	s := newStore(t)
	reportFixture(t, s)
	oct, err := stats.ParseMonth("2026-10", s.Today())
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Report(oct)
	if err != nil {
		t.Fatal(err)
	}
	if r.Office != "榆中县总工会" || r.From.String() != "2026-10-01" || r.To.String() != "2026-10-31" {
		t.Fatalf("header %+v", r)
	}
	checkFigures(t, r, map[stats.Code]string{
		stats.WorkersRegistered:                 "3", // 10-01, 10-10, 10-31; the deleted one and 11-01 not
		stats.WorkersTotal:                      "9",
		stats.PlacementsStarted:                 "4", // pA (10-31), pB, pD, pF (the partner's); not the deleted pE
		stats.StartedCrossProv:                  "2",
		stats.StartedCrossCity:                  "1",
		stats.StartedCrossCounty:                "1",
		stats.StartedInCounty:                   "0",
		stats.StartedPoverty:                    "1",
		stats.InWorkEnd:                         "4", // pB left on 11-01, so still in work on 10-31
		stats.PlacementsLeft:                    "1", // pI on 10-31
		stats.PlacementsReturned:                "1",
		stats.ContractsSigned:                   "2", // pD signed after the end
		stats.ContractsSignedPct:                "50",
		stats.FollowUpsDone:                     "4",
		stats.FollowUpsDoneOf(data.KindCheckIn): "1",
		stats.FollowUpsDoneOf(data.KindWarmth):  "2",
		stats.FollowUpsDoneOf(data.KindArrears): "1",
		stats.FollowUpsDoneOf(data.KindInjury):  "0",
		stats.CheckinsOverdueEnd:                "2",
		stats.ArrearsOpened:                     "3",
		stats.ArrearsClosed:                     "1",
		stats.ArrearsOwedYuan:                   "19000",
		stats.ArrearsRecoveredYuan:              "3000",
		stats.WarmthVisits:                      "2",
		stats.WarmthAmountYuan:                  "800.50",
		stats.DemandsNew:                        "2",
		stats.PositionsNew:                      "13",
	})
	if len(r.Indicators) != len(stats.Defs) {
		t.Errorf("%d indicators, want %d", len(r.Indicators), len(stats.Defs))
	}
	// The second table: receiving cities of a sending office.
	byCity := map[string]stats.Row{}
	for _, row := range r.Rows {
		byCity[row.Region] = row
	}
	if row := byCity["320100"]; row.Started != 2 || row.InWorkEnd != 2 {
		t.Errorf("南京 %+v", row)
	}
	if row := byCity["620500"]; row.Started != 1 || row.Poverty != 1 {
		t.Errorf("天水 %+v", row)
	}
}

func TestReportNovemberAndQuarter(t *testing.T) {
	s := newStore(t)
	reportFixture(t, s)
	nov, _ := stats.ParseMonth("2026-11", s.Today())
	r, err := s.Report(nov)
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, r, map[stats.Code]string{
		stats.WorkersRegistered:    "1",
		stats.WorkersTotal:         "10",
		stats.PlacementsStarted:    "1",
		stats.PlacementsLeft:       "1", // pB on 11-01
		stats.InWorkEnd:            "4", // pA, pD, pF, pG
		stats.ContractsSignedPct:   "0",
		stats.WarmthAmountYuan:     "800",
		stats.ArrearsClosed:        "1",
		stats.ArrearsRecoveredYuan: "2000",
		stats.ArrearsOwedYuan:      "24000", // a1, a3 and a6
		stats.DemandsNew:           "1",
	})
	q4, _ := stats.ParseQuarter("2026Q4", s.Today())
	if r, err = s.Report(q4); err != nil {
		t.Fatal(err)
	}
	checkFigures(t, r, map[stats.Code]string{
		stats.PlacementsStarted:  "5",
		stats.PlacementsLeft:     "2",
		stats.PlacementsReturned: "1",
		stats.ContractsSignedPct: "60", // pA, pD, pF of five
		stats.ArrearsOpened:      "4",
	})
}
