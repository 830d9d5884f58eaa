package data

import (
	"strings"
	"testing"
)

// placementFixture: an employer, a demand for n people, and a worker.
func placementFixture(t *testing.T, s *Store, headcount int) (*Demand, *Worker) {
	t.Helper()
	emp := validEmployer(t, s)
	d := &Demand{EmployerID: emp.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: headcount, WorkRegion: "320115"}
	if err := s.Create(d); err != nil {
		t.Fatal(err)
	}
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	return d, w
}

func wantStageErr(t *testing.T, err error, field, reason string) {
	t.Helper()
	fe, ok := AsFieldError(err)
	if !ok || fe.Field != field || !strings.Contains(fe.Reason, reason) {
		t.Fatalf("got %v; want %s error containing %q", err, field, reason)
	}
}

func TestPlacementPathAndBookkeeping(t *testing.T) {
	s := newStore(t) // today is 2026-11-22
	d, w := placementFixture(t, s, 1)
	status := func() WorkerStatus { got, _ := s.Worker(w.ID); return got.Status }
	filled := func() int { got, _ := s.Demand(d.ID); return got.Filled }

	p := &Placement{WorkerID: w.ID, DemandID: d.ID, ReferredOn: MakeDate(2026, 10, 1)}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	if p.Stage != StageReferred || status() != WorkerReferred || filled() != 0 {
		t.Fatalf("after referral: stage %s, status %s, filled %d", p.Stage, status(), filled())
	}
	// 上岗 without 录用 is refused.
	p.Stage = StageStarted
	wantStageErr(t, s.Update(p), "HiredOn", "未录用不能上岗")
	// A date before the previous stage's is refused.
	p.Stage, p.HiredOn = StageHired, MakeDate(2026, 9, 30)
	wantStageErr(t, s.Update(p), "HiredOn", "早于推荐日期2026-10-01")
	// A date after today is refused.
	p.HiredOn = MakeDate(2026, 12, 1)
	wantStageErr(t, s.Update(p), "HiredOn", "晚于今天")
	p.HiredOn = MakeDate(2026, 10, 5) // skipping 面试 is allowed
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if status() != WorkerEmployed || filled() != 1 {
		t.Fatalf("after hire: status %s, filled %d", status(), filled())
	}
	// The only position is taken: a second worker cannot be hired.
	w2 := validWorker(2)
	s.Create(w2)
	p2 := &Placement{WorkerID: w2.ID, DemandID: d.ID, Stage: StageHired, ReferredOn: MakeDate(2026, 10, 2), HiredOn: MakeDate(2026, 10, 6)}
	wantStageErr(t, s.Create(p2), "Stage", "已招满（1/1人）")

	p.Stage, p.StartedOn = StageStarted, MakeDate(2026, 10, 10)
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	// Check-ins at 7, 30 and 90 days, owned by the placement's office.
	checkins, _, _ := s.ListFollowUps(FollowUpFilter{PlacementID: p.ID, Kind: KindCheckIn}, Page{Sort: "due"})
	var dues []string
	for _, f := range checkins {
		dues = append(dues, f.DueOn.String())
		if f.ResponsibleOffice != s.Office().ID || f.Status != FollowUpOpen {
			t.Fatalf("check-in %+v", f)
		}
	}
	if strings.Join(dues, ",") != "2026-10-17,2026-11-09,2027-01-08" {
		t.Fatalf("check-ins due %v", dues)
	}
	// Two of them are overdue on 2026-11-22.
	if n, _ := s.CountFollowUps(FollowUpFilter{OverdueOn: s.Today()}); n != 2 {
		t.Fatalf("overdue = %d", n)
	}
	// Going backwards is refused.
	p.Stage = StageReferred
	wantStageErr(t, s.Update(p), "Stage", "不能倒退")
	// Leaving needs a reason; then the position frees up and the worker is 待业 again.
	p.Stage = StageLeft
	wantStageErr(t, s.Update(p), "CloseReason", "请选择")
	p.CloseReason, p.EndedOn = "wage", MakeDate(2026, 11, 20)
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if status() != WorkerIdle || filled() != 0 {
		t.Fatalf("after leaving: status %s, filled %d", status(), filled())
	}
	// An ended placement stays ended.
	p.Stage = StageStarted
	wantStageErr(t, s.Update(p), "Stage", "已结束")
	// Re-saving an ended placement does not schedule more check-ins.
	if n, _ := s.CountFollowUps(FollowUpFilter{PlacementID: p.ID}); n != 3 {
		t.Fatalf("%d follow-ups after leaving", n)
	}
}

func TestWorkerCannotWorkInTwoPlacesOrBeReferredTwice(t *testing.T) {
	s := newStore(t)
	d, w := placementFixture(t, s, 5)
	emp2 := &Employer{Name: "南京安居养老服务中心", CreditCode: testCreditCode("MA1XY3K2"), Region: "320106"}
	s.Create(emp2)
	d2 := &Demand{EmployerID: emp2.ID, Occupation: "elder_carer", Headcount: 3, WorkRegion: "320106"}
	s.Create(d2)
	first := &Placement{WorkerID: w.ID, DemandID: d.ID, Stage: StageStarted,
		ReferredOn: MakeDate(2026, 10, 1), HiredOn: MakeDate(2026, 10, 2), StartedOn: MakeDate(2026, 10, 3)}
	if err := s.Create(first); err != nil {
		t.Fatal(err)
	}
	wantStageErr(t, s.Create(&Placement{WorkerID: w.ID, DemandID: d.ID}), "DemandID", "请勿重复推荐")
	wantStageErr(t, s.Create(&Placement{WorkerID: w.ID, DemandID: d2.ID, Stage: StageStarted,
		ReferredOn: MakeDate(2026, 10, 1), HiredOn: MakeDate(2026, 10, 2), StartedOn: MakeDate(2026, 10, 3)}), "Stage", "已在另一单位上岗")
	// A referral elsewhere while at work is fine (changing jobs), and the status stays 已就业.
	if err := s.Create(&Placement{WorkerID: w.ID, DemandID: d2.ID}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Worker(w.ID)
	if got.Status != WorkerEmployed {
		t.Fatalf("status %s", got.Status)
	}
}

func TestReturnedHomeAndConfiguredCheckIns(t *testing.T) {
	s := newStore(t)
	if err := s.SetCheckInDays([]int{30, 3, 30}); err != nil {
		t.Fatal(err)
	}
	if got := s.CheckInDays(); len(got) != 2 || got[0] != 3 || got[1] != 30 {
		t.Fatalf("check-in days %v", got)
	}
	if err := s.SetCheckInDays([]int{0}); err == nil {
		t.Fatal("day 0 accepted")
	}
	d, w := placementFixture(t, s, 2)
	p := &Placement{WorkerID: w.ID, DemandID: d.ID, Stage: StageStarted,
		ReferredOn: MakeDate(2026, 11, 1), HiredOn: MakeDate(2026, 11, 2), StartedOn: MakeDate(2026, 11, 3)}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountFollowUps(FollowUpFilter{PlacementID: p.ID}); n != 2 {
		t.Fatalf("%d check-ins with days 3,30", n)
	}
	p.Stage, p.CloseReason = StageReturned, "family"
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Worker(w.ID)
	if got.Status != WorkerReturned || p.EndedOn != s.Today() {
		t.Fatalf("status %s, ended %s", got.Status, p.EndedOn)
	}
}

func TestResponsibilityFollowsTheSplit(t *testing.T) {
	s := newStore(t) // a sending office
	_, w := placementFixture(t, s, 1)
	mk := func(kind FollowUpKind) string {
		f := &FollowUp{WorkerID: w.ID, Kind: kind}
		if err := s.Create(f); err != nil {
			t.Fatal(err)
		}
		return f.ResponsibleOffice
	}
	self := s.Office().ID
	if mk(KindArrears) != self {
		t.Fatal("with no partner the case stays here")
	}
	partner := &Partner{ID: NewID(), Name: "南京市总工会", Region: "320100", Role: RoleReceiving}
	if err := s.db.Create(partner).Error; err != nil {
		t.Fatal(err)
	}
	if got := mk(KindArrears); got != partner.ID {
		t.Fatalf("欠薪 owned by %s, want the receiving partner", got)
	}
	if got := mk(KindDispute); got != partner.ID {
		t.Fatalf("劳动争议 owned by %s", got)
	}
	if got := mk(KindHardship); got != self {
		t.Fatalf("困难帮扶 owned by %s, want this sending office", got)
	}
	if got := mk(KindWarmth); got != self {
		t.Fatalf("送温暖 owned by %s", got)
	}
	if n, _ := s.CountFollowUps(FollowUpFilter{Responsible: ResponsibleTheirs}); n != 2 {
		t.Fatalf("对方负责 = %d", n)
	}
	if n, _ := s.CountFollowUps(FollowUpFilter{Responsible: ResponsibleMine}); n != 3 {
		t.Fatalf("我方负责 = %d", n)
	}
}
