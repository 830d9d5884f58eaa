package data

import (
	"strings"
	"testing"
)

// searchFixture: two employers in 南京 (江宁区) and 苏州 (昆山市), one
// demand each, and four workers placed at different stages. Today is
// 2026-11-22.
type searchFixture struct {
	s            *Store
	nanjing      *Employer
	suzhou       *Employer
	dNJ, dSZ     *Demand
	placements   []*Placement
	referredOnly *Placement
}

func newSearchFixture(t *testing.T) *searchFixture {
	t.Helper()
	s := newStore(t)
	fx := &searchFixture{s: s, nanjing: validEmployer(t, s)}
	fx.suzhou = &Employer{Name: "昆山精工电子有限公司", CreditCode: testCreditCode("MA1XY2K2"), Region: "320583"}
	must(t, s.Create(fx.suzhou))
	fx.dNJ = &Demand{EmployerID: fx.nanjing.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 5, WorkRegion: "320115"}
	fx.dSZ = &Demand{EmployerID: fx.suzhou.ID, Occupation: "housekeeper", Title: "普工", Headcount: 5, WorkRegion: "320583"}
	must(t, s.Create(fx.dNJ))
	must(t, s.Create(fx.dSZ))
	plan := []struct {
		d     *Demand
		p     Placement
		stage Stage
	}{
		{fx.dNJ, Placement{ReferredOn: MakeDate(2026, 9, 1), HiredOn: MakeDate(2026, 9, 5), StartedOn: MakeDate(2026, 9, 10)}, StageStarted},
		{fx.dNJ, Placement{ReferredOn: MakeDate(2026, 11, 2), HiredOn: MakeDate(2026, 11, 3), StartedOn: MakeDate(2026, 11, 5)}, StageStarted},
		{fx.dSZ, Placement{ReferredOn: MakeDate(2026, 11, 1), HiredOn: MakeDate(2026, 11, 2), StartedOn: MakeDate(2026, 11, 4)}, StageStarted},
		{fx.dSZ, Placement{ReferredOn: MakeDate(2026, 11, 20)}, StageReferred},
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
		f    PlacementFilter
		r    DateRange
		want int64
	}{
		{"all", PlacementFilter{}, DateRange{}, 4},
		{"employer", PlacementFilter{EmployerID: fx.suzhou.ID}, DateRange{}, 2},
		{"city 南京", PlacementFilter{Region: "320100"}, DateRange{}, 2},
		{"province 江苏", PlacementFilter{Region: "320000"}, DateRange{}, 4},
		{"county 昆山", PlacementFilter{Region: "320583"}, DateRange{}, 2},
		{"stage", PlacementFilter{Stage: StageReferred}, DateRange{}, 1},
		{"range November", PlacementFilter{}, MonthRange(MakeDate(2026, 11, 22)), 3},
		{"range and stage and city", PlacementFilter{Stage: StageStarted, Region: "320100"}, MonthRange(MakeDate(2026, 11, 1)), 1},
		{"range September only start", PlacementFilter{}, DateRange{From: MakeDate(2026, 9, 10), To: MakeDate(2026, 9, 10)}, 1},
	}
	for _, c := range cases {
		n, err := s.CountPlacementsIn(c.f, c.r)
		must(t, err)
		rows, _, err := s.ListPlacementsIn(c.f, c.r, Page{})
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
	must(t, s.EachPlacement(PlacementFilter{Region: "320100"}, DateRange{}, func(*Placement) error { n++; return nil }))
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
	if got := p.LaterStages(); len(got) != 5 || got[0] != StageInterviewed {
		t.Fatalf("later stages: %v", got)
	}
	p.Stage, p.CloseReason = StageReturned, "family"
	p.SetStageDate(StageReturned, MakeDate(2026, 11, 21))
	must(t, fx.s.Update(p))
	if got := timelineText(p); got != "referred 2026-11-20, returned 2026-11-21" {
		t.Fatalf("returned: %s", got)
	}
	if p.StageDate() != MakeDate(2026, 11, 21) || p.LaterStages() != nil {
		t.Fatalf("stage date %s, later %v", p.StageDate(), p.LaterStages())
	}
	started := fx.placements[0]
	if got := timelineText(started); got != "referred 2026-09-01, interviewed , hired 2026-09-05, started 2026-09-10" {
		t.Fatalf("started: %s", got)
	}
}

func timelineText(p *Placement) string {
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
	f := &FollowUp{WorkerID: w, Kind: KindArrears, DueOn: MakeDate(2026, 11, 1), Amount: Yuan(3000),
		ResponsibleOffice: "0190aaaa-partner-office"}
	must(t, s.Create(f)) // logging a case for the partner is allowed
	f.Notes = "已电话告知对方工会"
	must(t, s.Update(f))
	f.Status, f.Outcome = FollowUpDone, "已追回"
	err := s.Update(f)
	fe, ok := AsFieldError(err)
	if !ok || !strings.Contains(fe.Reason, "由对方工会负责，我方只能添加备注") {
		t.Fatalf("closing a partner's case: %v", err)
	}
	got, _ := s.FollowUp(f.ID)
	if got.Status != FollowUpOpen || got.Notes != "已电话告知对方工会" {
		t.Fatalf("stored %+v", got)
	}
	// Our own case closes.
	own := &FollowUp{WorkerID: w, Kind: KindWarmth, DueOn: MakeDate(2026, 11, 1)}
	must(t, s.Create(own))
	own.Status, own.Outcome, own.Amount = FollowUpDone, "送去慰问金", Yuan(500)
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
	for _, f := range []*FollowUp{
		{WorkerID: w, Kind: KindArrears, DueOn: MakeDate(2026, 11, 30), Amount: Yuan(3000)},
		{WorkerID: w, Kind: KindArrears, DueOn: MakeDate(2026, 11, 1), Amount: Yuan(1500)},
		{WorkerID: w, Kind: KindArrears, Status: FollowUpDone, DueOn: MakeDate(2026, 10, 1), Amount: Yuan(999)},
	} {
		must(t, s.Create(f))
	}
	d, err := s.Dashboard(today)
	must(t, err)
	// Three started placements each got check-ins at +7, +30, +90 days:
	// overdue on 11-22 are 09-17, 10-10 (from 09-10), 11-11 (from 11-04),
	// 11-12 (from 11-05), plus the arrears case due 11-01.
	if d.Workers != 4 || d.Employed != 3 || d.Idle != 0 || d.StartedThisMonth != 2 || d.Overdue != 5 ||
		d.OpenArrears != 2 || d.ArrearsOwed != Yuan(4500) {
		t.Fatalf("counts %+v", d)
	}
	if len(d.PerMonth) != 12 || d.PerMonth[11].Month != 11 || d.PerMonth[11].N != 2 || d.PerMonth[9].N != 1 || d.PerMonth[0].Month != 12 {
		t.Fatalf("per month %+v", d.PerMonth)
	}
	if len(d.ByCity) != 2 || d.ByCity[0] != (CodeCount{"320100", 2}) || d.ByCity[1] != (CodeCount{"320500", 1}) {
		t.Fatalf("by city %+v", d.ByCity)
	}
	if d.ByKind[0].Kind != KindCheckIn || d.ByKind[0].N != 9 || d.ByKind[2].Kind != KindArrears || d.ByKind[2].N != 3 || d.ByKind[2].Open != 2 {
		t.Fatalf("by kind %+v", d.ByKind)
	}
	n, err := s.CountFollowUps(FollowUpFilter{OverdueOn: today})
	must(t, err)
	rows, _, err := s.ListFollowUpsFull(FollowUpFilter{Status: FollowUpOpen}, Page{})
	must(t, err)
	// 待办 by due date: the overdue ones come first.
	for i, r := range rows {
		if (int64(i) < n) != r.Overdue(today) {
			t.Fatalf("row %d due %s out of order", i, r.DueOn)
		}
	}
}
