package storage

import (
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/monitor"
)

// monitorFixture is an office on 2026-11-22 (fixedNow) with one worker
// per edge of the rule; the day counts are worked by hand (October has
// 31 days).
type monitorFixture struct {
	s       *Store
	demands []*data.Demand
	seq     int
}

func newMonitorFixture(t *testing.T) *monitorFixture {
	t.Helper()
	s := newStore(t)
	emp := validEmployer(t, s)
	fx := &monitorFixture{s: s}
	for i := 0; i < 2; i++ {
		d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Headcount: 20, WorkRegion: "320115",
			ValidFrom: data.MakeDate(2026, 1, 1)}
		if err := s.Create(d); err != nil {
			t.Fatal(err)
		}
		fx.demands = append(fx.demands, d)
	}
	return fx
}

func (fx *monitorFixture) worker(t *testing.T, name string, pov data.Poverty) *data.Worker {
	t.Helper()
	fx.seq++
	w := validWorker(fx.seq)
	w.Name, w.Poverty = name, pov
	w.IDNumber = ident.MakeID("620123", time.Date(1988, 5, 1, 0, 0, 0, 0, time.UTC), fx.seq, fx.seq%2 == 0)
	if err := fx.s.Create(w); err != nil {
		t.Fatal(err)
	}
	return w
}

// placement records w at stage with the given start and end ("" for none).
func (fx *monitorFixture) placement(t *testing.T, w *data.Worker, demand int, stage data.Stage, started, ended string) *data.Placement {
	t.Helper()
	p := &data.Placement{WorkerID: w.ID, DemandID: fx.demands[demand].ID, Stage: stage}
	if started != "" {
		p.StartedOn = mustDate(t, started)
		p.ReferredOn, p.HiredOn = p.StartedOn.AddDays(-10), p.StartedOn.AddDays(-3)
	} else {
		p.ReferredOn = data.MakeDate(2026, 7, 1)
	}
	if ended != "" {
		p.EndedOn, p.CloseReason = mustDate(t, ended), "family"
	}
	if err := fx.s.Create(p); err != nil {
		t.Fatalf("%s: %v", w.Name, err)
	}
	return p
}

func (fx *monitorFixture) followUp(t *testing.T, w *data.Worker, kind data.FollowUpKind, status data.FollowUpStatus) {
	t.Helper()
	f := &data.FollowUp{WorkerID: w.ID, Kind: kind, Status: status, DueOn: data.MakeDate(2026, 11, 1)}
	if status == data.FollowUpDone {
		f.DoneOn = data.MakeDate(2026, 11, 2)
	}
	if err := fx.s.Create(f); err != nil {
		t.Fatal(err)
	}
}

func mustDate(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func flagText(fs []monitor.Flag) map[string]string {
	out := map[string]string{}
	for _, f := range fs {
		out[f.Name] = strings.Join(f.Reasons, "；")
	}
	return out
}

func TestMonitorFlagsOnARealDatabase(t *testing.T) {
	fx := newMonitorFixture(t)
	s := fx.s
	fx.placement(t, fx.worker(t, "甲三十天", data.PovertyLifted), 0, data.StageLeft, "2026-06-01", "2026-10-23")
	fx.placement(t, fx.worker(t, "乙三十一天", data.PovertyLifted), 0, data.StageLeft, "2026-06-01", "2026-10-22")
	w := fx.worker(t, "丙又上岗", data.PovertyMonitored)
	fx.placement(t, w, 0, data.StageLeft, "2026-03-01", "2026-09-01")
	fx.placement(t, w, 1, data.StageStarted, "2026-10-01", "")
	fx.followUp(t, fx.worker(t, "丁欠薪未结", data.PovertyLifted), data.KindArrears, data.FollowUpOpen)
	fx.followUp(t, fx.worker(t, "戊欠薪已结", data.PovertyLifted), data.KindArrears, data.FollowUpDone)
	fx.followUp(t, fx.worker(t, "己工伤未结", data.PovertyMonitored), data.KindInjury, data.FollowUpOpen)
	w = fx.worker(t, "庚一般", data.PovertyGeneral)
	fx.placement(t, w, 0, data.StageReturned, "2026-01-05", "2026-02-01")
	fx.followUp(t, w, data.KindArrears, data.FollowUpOpen)
	fx.followUp(t, w, data.KindInjury, data.FollowUpOpen)
	// A placement deleted (entered by mistake) is no 离职.
	w = fx.worker(t, "辛已删除", data.PovertyLifted)
	if err := s.Delete(fx.placement(t, w, 1, data.StageLeft, "2026-02-01", "2026-03-01")); err != nil {
		t.Fatal(err)
	}

	flags, err := s.MonitorFlags(s.Today())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"乙三十一天": "离职已31天未再上岗", "丁欠薪未结": "欠薪案件未结", "己工伤未结": "工伤案件未结"}
	if got := flagText(flags); len(got) != len(want) || got["乙三十一天"] != want["乙三十一天"] ||
		got["丁欠薪未结"] != want["丁欠薪未结"] || got["己工伤未结"] != want["己工伤未结"] {
		t.Fatalf("flags %v, want %v", got, want)
	}
	// Ordered by name (Unicode order), as the list and --json print them.
	if flags[0].Name != "丁欠薪未结" || flags[1].Name != "乙三十一天" || flags[2].Name != "己工伤未结" {
		t.Errorf("order %v", flagText(flags))
	}

	// 设置 moves the edge: with 29 days 甲 (30 days ago) is flagged too.
	if err := s.SetMonitorRule(monitor.Rule{OutOfWorkDays: 29, QuietDays: 90}); err != nil {
		t.Fatal(err)
	}
	if flags, _ = s.MonitorFlags(s.Today()); flagText(flags)["甲三十天"] != "离职已30天未再上岗" {
		t.Errorf("with 29 days: %v", flagText(flags))
	}
	if err := s.SetMonitorRule(monitor.Rule{OutOfWorkDays: 0, QuietDays: 90}); err == nil {
		t.Error("0 days accepted")
	}
	if r := s.MonitorRule(); r != (monitor.Rule{OutOfWorkDays: 29, QuietDays: 90}) {
		t.Errorf("rule after a refused change: %+v", r)
	}
}

func TestRiskRoundSchedulesOneCheckInPerWorkerOnce(t *testing.T) {
	fx := newMonitorFixture(t)
	s := fx.s
	fx.placement(t, fx.worker(t, "乙三十一天", data.PovertyLifted), 0, data.StageLeft, "2026-06-01", "2026-10-22")
	dw := fx.worker(t, "丁欠薪未结", data.PovertyLifted)
	// Starting work on 10-15 scheduled the usual calls on 10-22, 11-14
	// and 2027-01-13: none in December.
	fx.placement(t, dw, 1, data.StageStarted, "2026-10-15", "")
	fx.followUp(t, dw, data.KindArrears, data.FollowUpOpen)
	// 戊 started on 11-01: the 30-day call is due on 12-01 already.
	ew := fx.worker(t, "戊已有回访", data.PovertyMonitored)
	fx.placement(t, ew, 0, data.StageStarted, "2026-11-01", "")
	fx.followUp(t, ew, data.KindInjury, data.FollowUpOpen)
	flags, err := s.MonitorFlags(s.Today())
	if err != nil || len(flags) != 3 {
		t.Fatalf("%v %v", flagText(flags), err)
	}
	dec := MonthRange(data.MakeDate(2026, 12, 1))
	n, err := s.ScheduleRiskCheckIns(flags, dec)
	if err != nil || n != 2 {
		t.Fatalf("added %d, %v", n, err)
	}
	var got []data.FollowUp
	if err := s.db.Where("kind = ? AND notes LIKE ?", data.KindCheckIn, "返贫风险回访%").Order("notes").Find(&got).Error; err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].DueOn != data.MakeDate(2026, 12, 1) || got[0].Status != data.FollowUpOpen ||
		got[0].Notes != "返贫风险回访：欠薪案件未结" || got[1].Notes != "返贫风险回访：离职已31天未再上岗" {
		t.Fatalf("%+v", got)
	}
	// 丁 is at work: the call is filed under the placement; 乙's under none.
	if got[0].PlacementID == nil || got[1].PlacementID != nil {
		t.Errorf("placements %v %v", got[0].PlacementID, got[1].PlacementID)
	}
	if n, err := s.ScheduleRiskCheckIns(flags, dec); err != nil || n != 0 {
		t.Errorf("second round added %d, %v", n, err)
	}
	// The current month: due today, for 乙 alone (丁's 11-14 and 戊's
	// 11-08 calls are this month's); a past month is refused, nothing
	// written.
	before := count(t, s, &data.FollowUp{})
	if n, err := s.ScheduleRiskCheckIns(flags, MonthRange(s.Today())); err != nil || n != 1 {
		t.Fatalf("November: %d %v", n, err)
	}
	var due data.FollowUp
	s.db.Where("kind = ? AND due_on < ?", data.KindCheckIn, data.MakeDate(2026, 12, 1)).Order("due_on DESC").First(&due)
	if due.DueOn != s.Today() {
		t.Errorf("due %s, want today", due.DueOn)
	}
	if _, err := s.ScheduleRiskCheckIns(flags, MonthRange(data.MakeDate(2026, 10, 1))); err == nil ||
		err.Error() != "2026年10月已经过去，回访只能安排在本月或以后的月份" {
		t.Errorf("October: %v", err)
	}
	if after := count(t, s, &data.FollowUp{}); after != before+1 {
		t.Errorf("%d follow-ups, want %d", after, before+1)
	}
	log, _ := s.AuditLog(20)
	found := false
	for _, e := range log {
		found = found || e.Summary == "返贫监测：为2名劳动者安排2026年12月回访"
	}
	if !found {
		t.Error("no summary audit entry")
	}
}

// A partner's placement counts at the registering office, and a worker
// whose consent was withdrawn shows at the partner by the husk's name.
func TestMonitorReadsPartnersPlacementsAndShowsHusks(t *testing.T) {
	offs, w, p := withdrawnSetup(t, 2)
	a, b := offs[0], offs[1]
	wa, _ := a.s.Worker(w.ID)
	wa.Poverty = data.PovertyLifted
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	// B (the receiving side) records the start and the 离职 on its placement.
	pb := *p
	if err := b.s.db.Where("id = ?", p.ID).First(&pb).Error; err != nil {
		t.Fatal(err)
	}
	pb.Stage, pb.HiredOn, pb.StartedOn = data.StageStarted, data.MakeDate(2026, 8, 1), data.MakeDate(2026, 8, 3)
	pb.ReferredOn = data.MakeDate(2026, 7, 20)
	if err := b.s.Update(&pb); err != nil {
		t.Fatal(err)
	}
	pb.Stage, pb.EndedOn, pb.CloseReason = data.StageLeft, data.MakeDate(2026, 10, 1), "wage"
	if err := b.s.Update(&pb); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, b, a)
	flags, err := a.s.MonitorFlags(a.s.Today())
	if err != nil || len(flags) != 1 || flags[0].Name != "王秀兰" || flags[0].Reasons[0] != "离职已52天未再上岗" {
		t.Fatalf("at A: %+v %v", flags, err)
	}
	// The worker withdraws consent at A; B keeps only the husk.
	wa, _ = a.s.Worker(w.ID)
	wa.Consent = false
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	flags, err = b.s.MonitorFlags(b.s.Today())
	if err != nil || len(flags) != 1 || flags[0].Name != "王某（已撤回同意）" || flags[0].WorkerID != w.ID {
		t.Fatalf("at B: %+v %v", flags, err)
	}
}
