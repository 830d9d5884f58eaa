package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"duikou/data"
	"duikou/data/monitor"
)

// riskHarness: on 2026-11-22, 李桂英 (监测对象), 王秀兰 (脱贫户) and 张一般
// (一般) each have an open 欠薪 case; the first two are at risk.
func riskHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, true)
	for i, w := range []struct {
		name string
		pov  data.Poverty
	}{{"王秀兰", data.PovertyLifted}, {"李桂英", data.PovertyMonitored}, {"张一般", data.PovertyGeneral}} {
		wk := testWorker(i+1, w.name)
		wk.Poverty = w.pov
		if err := h.s.Create(wk); err != nil {
			t.Fatal(err)
		}
		if err := h.s.Create(&data.FollowUp{WorkerID: wk.ID, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 11, 1)}); err != nil {
			t.Fatal(err)
		}
	}
	h.goTo(screenHome)
	return h
}

func TestRiskCardOpensTheListAndSchedulesACheckIn(t *testing.T) {
	h := riskHarness(t)
	if got := h.g.home.risk.value.Text; got != "2 人" {
		t.Fatalf("返贫风险 card shows %q, want 2 人", got)
	}
	test.Tap(h.g.home.risk)
	h.settle()
	if !h.dialogOpen() {
		t.Fatal("the card opened no list")
	}
	h.mustShow("共 2 人")
	h.mustShow("李桂英（监测对象）")
	h.mustShow("王秀兰（脱贫户）")
	h.mustShow("欠薪案件未结")
	if h.shows("张一般") {
		t.Error("a 一般 worker is listed")
	}
	h.tap("安排回访") // the first row's: 李桂英
	h.mustShow("已为李桂英安排11月回访")
	if b := h.button("已安排11月回访"); !b.Disabled() {
		t.Error("the row's button is still live after scheduling")
	}
	got, _, err := h.s.ListFollowUpsFull(data.FollowUpFilter{Kind: data.KindCheckIn}, data.Page{Limit: 10})
	if err != nil || len(got) != 1 || got[0].DueOn != data.MakeDate(2026, 11, 22) || got[0].Notes != "返贫风险回访：欠薪案件未结" {
		t.Fatalf("check-ins %+v %v", got, err)
	}
	// 全部安排 adds 王秀兰's alone: 李桂英 has this month's call.
	h.tap("全部安排11月回访")
	h.mustShow("已新安排 1 条11月回访，可在“跟踪服务”中查看。1 人11月已有回访，未重复安排。")
	if n, _ := h.s.CountFollowUps(data.FollowUpFilter{Kind: data.KindCheckIn}); n != 2 {
		t.Errorf("%d check-ins after 全部安排, want 2", n)
	}
	if !h.button("全部安排11月回访").Disabled() {
		t.Error("全部安排 is live with every row done")
	}
}

func TestMonitorThresholdsAreEditedInSettings(t *testing.T) {
	h := newHarness(t, true)
	h.goTo(screenSettings)
	var entries []*textEntry
	for _, o := range test.LaidOutObjects(h.w.Content()) {
		if e, ok := o.(*textEntry); ok && (e.Text == "30" || e.Text == "90") {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("found %d threshold entries", len(entries))
	}
	h.typeInto(entries[0], "45")
	h.typeInto(entries[1], "abc")
	h.tap("保存监测天数")
	h.mustShow("未保存：在岗无回访天数“abc”应为整数天数")
	if r := h.s.MonitorRule(); r != monitor.DefaultRule() {
		t.Fatalf("saved %+v after an error", r)
	}
	h.typeInto(entries[1], "60")
	h.tap("保存监测天数")
	h.mustShow("已保存：离职或返乡超过45天未再上岗、在岗超过60天无回访")
	if r := h.s.MonitorRule(); r != (monitor.Rule{OutOfWorkDays: 45, QuietDays: 60}) {
		t.Fatalf("saved %+v", r)
	}
}
