package storage

import (
	"duikou/data"
	"strings"
	"testing"
)

// placementFixture: an employer, a demand for n people, and a worker.
func placementFixture(t *testing.T, s *Store, headcount int) (*data.Demand, *data.Worker) {
	t.Helper()
	emp := validEmployer(t, s)
	d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: headcount, WorkRegion: "320115"}
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
	fe, ok := data.AsFieldError(err)
	if !ok || fe.Field != field || !strings.Contains(fe.Reason, reason) {
		t.Fatalf("got %v; want %s error containing %q", err, field, reason)
	}
}

func TestPlacementPathAndBookkeeping(t *testing.T) {
	s := newStore(t) // today is 2026-11-22
	d, w := placementFixture(t, s, 1)
	status := func() data.WorkerStatus { got, _ := s.Worker(w.ID); return got.Status }
	filled := func() int { got, _ := s.Demand(d.ID); return got.Filled }

	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, ReferredOn: data.MakeDate(2026, 10, 1)}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	if p.Stage != data.StageReferred || status() != data.WorkerReferred || filled() != 0 {
		t.Fatalf("after referral: stage %s, status %s, filled %d", p.Stage, status(), filled())
	}
	// 上岗 without 录用 is refused.
	p.Stage = data.StageStarted
	wantStageErr(t, s.Update(p), "HiredOn", "未录用不能上岗")
	// A date before the previous stage's is refused.
	p.Stage, p.HiredOn = data.StageHired, data.MakeDate(2026, 9, 30)
	wantStageErr(t, s.Update(p), "HiredOn", "早于推荐日期2026-10-01")
	// A date after today is refused.
	p.HiredOn = data.MakeDate(2026, 12, 1)
	wantStageErr(t, s.Update(p), "HiredOn", "晚于今天")
	p.HiredOn = data.MakeDate(2026, 10, 5) // skipping 面试 is allowed
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if status() != data.WorkerEmployed || filled() != 1 {
		t.Fatalf("after hire: status %s, filled %d", status(), filled())
	}
	// The only position is taken: a second worker cannot be hired.
	w2 := validWorker(2)
	s.Create(w2)
	p2 := &data.Placement{WorkerID: w2.ID, DemandID: d.ID, Stage: data.StageHired, ReferredOn: data.MakeDate(2026, 10, 2), HiredOn: data.MakeDate(2026, 10, 6)}
	wantStageErr(t, s.Create(p2), "Stage", "已招满（1/1人）")

	p.Stage, p.StartedOn = data.StageStarted, data.MakeDate(2026, 10, 10)
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	// Check-ins at 7, 30 and 90 days, owned by the placement's office.
	checkins, _, _ := s.ListFollowUps(data.FollowUpFilter{PlacementID: p.ID, Kind: data.KindCheckIn}, data.Page{Sort: "due"})
	var dues []string
	for _, f := range checkins {
		dues = append(dues, f.DueOn.String())
		if f.ResponsibleOffice != s.Office().ID || f.Status != data.FollowUpOpen {
			t.Fatalf("check-in %+v", f)
		}
	}
	if strings.Join(dues, ",") != "2026-10-17,2026-11-09,2027-01-08" {
		t.Fatalf("check-ins due %v", dues)
	}
	// Two of them are overdue on 2026-11-22.
	if n, _ := s.CountFollowUps(data.FollowUpFilter{OverdueOn: s.Today()}); n != 2 {
		t.Fatalf("overdue = %d", n)
	}
	// Going backwards is refused.
	p.Stage = data.StageReferred
	wantStageErr(t, s.Update(p), "Stage", "不能倒退")
	// Leaving needs a reason; then the position frees up and the worker is 待业 again.
	p.Stage = data.StageLeft
	wantStageErr(t, s.Update(p), "CloseReason", "请选择")
	p.CloseReason, p.EndedOn = "wage", data.MakeDate(2026, 11, 20)
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if status() != data.WorkerIdle || filled() != 0 {
		t.Fatalf("after leaving: status %s, filled %d", status(), filled())
	}
	// An ended placement stays ended.
	p.Stage = data.StageStarted
	wantStageErr(t, s.Update(p), "Stage", "已结束")
	// Re-saving an ended placement does not schedule more check-ins.
	if n, _ := s.CountFollowUps(data.FollowUpFilter{PlacementID: p.ID}); n != 3 {
		t.Fatalf("%d follow-ups after leaving", n)
	}
}

func TestWorkerCannotWorkInTwoPlacesOrBeReferredTwice(t *testing.T) {
	s := newStore(t)
	d, w := placementFixture(t, s, 5)
	emp2 := &data.Employer{Name: "南京安居养老服务中心", CreditCode: testCreditCode("MA1XY3K2"), Region: "320106"}
	s.Create(emp2)
	d2 := &data.Demand{EmployerID: emp2.ID, Occupation: "elder_carer", Headcount: 3, WorkRegion: "320106"}
	s.Create(d2)
	first := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted,
		ReferredOn: data.MakeDate(2026, 10, 1), HiredOn: data.MakeDate(2026, 10, 2), StartedOn: data.MakeDate(2026, 10, 3)}
	if err := s.Create(first); err != nil {
		t.Fatal(err)
	}
	wantStageErr(t, s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID}), "DemandID", "请勿重复推荐")
	wantStageErr(t, s.Create(&data.Placement{WorkerID: w.ID, DemandID: d2.ID, Stage: data.StageStarted,
		ReferredOn: data.MakeDate(2026, 10, 1), HiredOn: data.MakeDate(2026, 10, 2), StartedOn: data.MakeDate(2026, 10, 3)}), "Stage", "已在另一单位上岗")
	// A referral elsewhere while at work is fine (changing jobs), and the status stays 已就业.
	if err := s.Create(&data.Placement{WorkerID: w.ID, DemandID: d2.ID}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Worker(w.ID)
	if got.Status != data.WorkerEmployed {
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
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted,
		ReferredOn: data.MakeDate(2026, 11, 1), HiredOn: data.MakeDate(2026, 11, 2), StartedOn: data.MakeDate(2026, 11, 3)}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountFollowUps(data.FollowUpFilter{PlacementID: p.ID}); n != 2 {
		t.Fatalf("%d check-ins with days 3,30", n)
	}
	p.Stage, p.CloseReason = data.StageReturned, "family"
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Worker(w.ID)
	if got.Status != data.WorkerReturned || p.EndedOn != s.Today() {
		t.Fatalf("status %s, ended %s", got.Status, p.EndedOn)
	}
}

func TestResponsibilityFollowsTheSplit(t *testing.T) {
	s := newStore(t) // a sending office
	_, w := placementFixture(t, s, 1)
	mk := func(kind data.FollowUpKind) string {
		f := &data.FollowUp{WorkerID: w.ID, Kind: kind}
		if err := s.Create(f); err != nil {
			t.Fatal(err)
		}
		return f.ResponsibleOffice
	}
	self := s.Office().ID
	if mk(data.KindArrears) != self {
		t.Fatal("with no partner the case stays here")
	}
	partner := &data.Partner{ID: data.NewID(), Name: "南京市总工会", Region: "320100", Role: data.RoleReceiving}
	if err := s.db.Create(partner).Error; err != nil {
		t.Fatal(err)
	}
	if got := mk(data.KindArrears); got != partner.ID {
		t.Fatalf("欠薪 owned by %s, want the receiving partner", got)
	}
	if got := mk(data.KindDispute); got != partner.ID {
		t.Fatalf("劳动争议 owned by %s", got)
	}
	if got := mk(data.KindHardship); got != self {
		t.Fatalf("困难帮扶 owned by %s, want this sending office", got)
	}
	if got := mk(data.KindWarmth); got != self {
		t.Fatalf("送温暖 owned by %s", got)
	}
	if n, _ := s.CountFollowUps(data.FollowUpFilter{Responsible: data.ResponsibleTheirs}); n != 2 {
		t.Fatalf("对方负责 = %d", n)
	}
	if n, _ := s.CountFollowUps(data.FollowUpFilter{Responsible: data.ResponsibleMine}); n != 3 {
		t.Fatalf("我方负责 = %d", n)
	}
}
