package storage

import (
	"duikou/data"
	"strings"
	"testing"
)

// searchFixture: two employers in 南京 (江宁区) and 苏州 (昆山市), one
// demand each, and four workers placed at different stages. Today is
// 2026-11-22.
type searchFixture struct {
	s            *Store
	nanjing      *data.Employer
	suzhou       *data.Employer
	dNJ, dSZ     *data.Demand
	placements   []*data.Placement
	referredOnly *data.Placement
}

func newSearchFixture(t *testing.T) *searchFixture {
	t.Helper()
	s := newStore(t)
	fx := &searchFixture{s: s, nanjing: validEmployer(t, s)}
	fx.suzhou = &data.Employer{Name: "昆山精工电子有限公司", CreditCode: testCreditCode("MA1XY2K2"), Region: "320583"}
	must(t, s.Create(fx.suzhou))
	fx.dNJ = &data.Demand{EmployerID: fx.nanjing.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 5, WorkRegion: "320115"}
	fx.dSZ = &data.Demand{EmployerID: fx.suzhou.ID, Occupation: "housekeeper", Title: "普工", Headcount: 5, WorkRegion: "320583"}
	must(t, s.Create(fx.dNJ))
	must(t, s.Create(fx.dSZ))
	plan := []struct {
		d     *data.Demand
		p     data.Placement
		stage data.Stage
	}{
		{fx.dNJ, data.Placement{ReferredOn: data.MakeDate(2026, 9, 1), HiredOn: data.MakeDate(2026, 9, 5), StartedOn: data.MakeDate(2026, 9, 10)}, data.StageStarted},
		{fx.dNJ, data.Placement{ReferredOn: data.MakeDate(2026, 11, 2), HiredOn: data.MakeDate(2026, 11, 3), StartedOn: data.MakeDate(2026, 11, 5)}, data.StageStarted},
		{fx.dSZ, data.Placement{ReferredOn: data.MakeDate(2026, 11, 1), HiredOn: data.MakeDate(2026, 11, 2), StartedOn: data.MakeDate(2026, 11, 4)}, data.StageStarted},
		{fx.dSZ, data.Placement{ReferredOn: data.MakeDate(2026, 11, 20)}, data.StageReferred},
	}
	for i, pl := range plan {
		w := validWorker(10 + i)
		must(t, s.Create(w))
		p := pl.p
		p.WorkerID, p.DemandID, p.Stage = w.ID, pl.d.ID, pl.stage
		must(t, s.Create(&p))
		fx.placements = append(fx.placements, &p)
	}
	fx.referredOnly = fx.placements[3]
	return fx
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestPlacementSearchFilters(t *testing.T) {
	fx := newSearchFixture(t)
	s := fx.s
	cases := []struct {
		name string
		f    data.PlacementFilter
		r    DateRange
		want int64
	}{
		{"all", data.PlacementFilter{}, DateRange{}, 4},
		{"employer", data.PlacementFilter{EmployerID: fx.suzhou.ID}, DateRange{}, 2},
		{"city 南京", data.PlacementFilter{Region: "320100"}, DateRange{}, 2},
		{"province 江苏", data.PlacementFilter{Region: "320000"}, DateRange{}, 4},
		{"county 昆山", data.PlacementFilter{Region: "320583"}, DateRange{}, 2},
		{"stage", data.PlacementFilter{Stage: data.StageReferred}, DateRange{}, 1},
		{"range November", data.PlacementFilter{}, MonthRange(data.MakeDate(2026, 11, 22)), 3},
		{"range and stage and city", data.PlacementFilter{Stage: data.StageStarted, Region: "320100"}, MonthRange(data.MakeDate(2026, 11, 1)), 1},
		{"range September only start", data.PlacementFilter{}, DateRange{From: data.MakeDate(2026, 9, 10), To: data.MakeDate(2026, 9, 10)}, 1},
	}
	for _, c := range cases {
		n, err := s.CountPlacementsIn(c.f, c.r)
		must(t, err)
		rows, _, err := s.ListPlacementsIn(c.f, c.r, data.Page{})
		must(t, err)
		if n != c.want || int64(len(rows)) != c.want {
			t.Errorf("%s: count %d, rows %d; want %d", c.name, n, len(rows), c.want)
		}
		for _, r := range rows {
			if r.Worker == nil || r.Demand == nil || r.Demand.Employer == nil {
				t.Fatalf("%s: row without its worker or employer", c.name)
			}
		}
	}
	// Export sees the same employer and region filters.
	n := 0
	must(t, s.EachPlacement(data.PlacementFilter{Region: "320100"}, DateRange{}, func(*data.Placement) error { n++; return nil }))
	if n != 2 {
		t.Fatalf("EachPlacement by city: %d", n)
	}
}

func TestPlacementTimeline(t *testing.T) {
	fx := newSearchFixture(t)
	p := fx.referredOnly
	if got := timelineText(p); got != "referred 2026-11-20" {
		t.Fatalf("referred: %s", got)
	}
	if got := p.NextStages(); len(got) != 4 || got[0] != data.StageInterviewed || got[3] != data.StageReturned {
		t.Fatalf("later stages: %v", got)
	}
	p.Stage, p.CloseReason = data.StageReturned, "family"
	p.SetStageDate(data.StageReturned, data.MakeDate(2026, 11, 21))
	must(t, fx.s.Update(p))
	if got := timelineText(p); got != "referred 2026-11-20, returned 2026-11-21" {
		t.Fatalf("returned: %s", got)
	}
	if p.StageDate() != data.MakeDate(2026, 11, 21) || p.NextStages() != nil {
		t.Fatalf("stage date %s, later %v", p.StageDate(), p.NextStages())
	}
	started := fx.placements[0]
	if got := timelineText(started); got != "referred 2026-09-01, interviewed , hired 2026-09-05, started 2026-09-10" {
		t.Fatalf("started: %s", got)
	}
}

func timelineText(p *data.Placement) string {
	var parts []string
	for _, st := range p.Timeline() {
		d := ""
		if !st.Date.IsZero() {
			d = st.Date.String()
		}
		parts = append(parts, string(st.Stage)+" "+d)
	}
	return strings.Join(parts, ", ")
}

func TestPartnerOwnedFollowUpTakesOnlyNotes(t *testing.T) {
	fx := newSearchFixture(t)
	s := fx.s
	w := fx.placements[0].WorkerID
	f := &data.FollowUp{WorkerID: w, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 11, 1), Amount: data.Yuan(3000),
		ResponsibleOffice: "0190aaaa-partner-office"}
	must(t, s.Create(f)) // logging a case for the partner is allowed
	f.Notes = "已电话告知对方工会"
	must(t, s.Update(f))
	f.Status, f.Outcome = data.FollowUpDone, "已追回"
	err := s.Update(f)
	fe, ok := data.AsFieldError(err)
	if !ok || !strings.Contains(fe.Reason, "由对方工会负责，我方只能添加备注") {
		t.Fatalf("closing a partner's case: %v", err)
	}
	got, _ := s.FollowUp(f.ID)
	if got.Status != data.FollowUpOpen || got.Notes != "已电话告知对方工会" {
		t.Fatalf("stored %+v", got)
	}
	// Our own case closes.
	own := &data.FollowUp{WorkerID: w, Kind: data.KindWarmth, DueOn: data.MakeDate(2026, 11, 1)}
	must(t, s.Create(own))
	own.Status, own.Outcome, own.Amount = data.FollowUpDone, "送去慰问金", data.Yuan(500)
	must(t, s.Update(own))
	if !own.OwnedBy(s.Office().ID) || f.OwnedBy(s.Office().ID) {
		t.Fatal("OwnedBy")
	}
}

func TestDashboardCounts(t *testing.T) {
	fx := newSearchFixture(t)
	s := fx.s
	today := s.Today()
	w := fx.placements[0].WorkerID
	for _, f := range []*data.FollowUp{
		{WorkerID: w, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 11, 30), Amount: data.Yuan(3000)},
		{WorkerID: w, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 11, 1), Amount: data.Yuan(1500)},
		{WorkerID: w, Kind: data.KindArrears, Status: data.FollowUpDone, DueOn: data.MakeDate(2026, 10, 1), Amount: data.Yuan(999)},
	} {
		must(t, s.Create(f))
	}
	d, err := s.Dashboard(today)
	must(t, err)
	// Three started placements each got check-ins at +7, +30, +90 days:
	// overdue on 11-22 are 09-17, 10-10 (from 09-10), 11-11 (from 11-04),
	// 11-12 (from 11-05), plus the arrears case due 11-01.
	if d.Workers != 4 || d.Employed != 3 || d.Idle != 0 || d.StartedThisMonth != 2 || d.Overdue != 5 ||
		d.OpenArrears != 2 || d.ArrearsOwed != data.Yuan(4500) {
		t.Fatalf("counts %+v", d)
	}
	if len(d.PerMonth) != 12 || d.PerMonth[11].Month != 11 || d.PerMonth[11].N != 2 || d.PerMonth[9].N != 1 || d.PerMonth[0].Month != 12 {
		t.Fatalf("per month %+v", d.PerMonth)
	}
	if len(d.ByCity) != 2 || d.ByCity[0] != (CodeCount{"320100", 2}) || d.ByCity[1] != (CodeCount{"320500", 1}) {
		t.Fatalf("by city %+v", d.ByCity)
	}
	if d.ByKind[0].Kind != data.KindCheckIn || d.ByKind[0].N != 9 || d.ByKind[2].Kind != data.KindArrears || d.ByKind[2].N != 3 || d.ByKind[2].Open != 2 {
		t.Fatalf("by kind %+v", d.ByKind)
	}
	n, err := s.CountFollowUps(data.FollowUpFilter{OverdueOn: today})
	must(t, err)
	rows, _, err := s.ListFollowUpsFull(data.FollowUpFilter{Status: data.FollowUpOpen}, data.Page{})
	must(t, err)
	// 待办 by due date: the overdue ones come first.
	for i, r := range rows {
		if (int64(i) < n) != r.Overdue(today) {
			t.Fatalf("row %d due %s out of order", i, r.DueOn)
		}
	}
}
