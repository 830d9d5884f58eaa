package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// placed is the known data of these tests (today is 2026-11-22): 张丽 at
// work since 2026-11-05 (check-ins due 11-12, overdue, then 12-05 and
// 2027-02-03), 李梅 at work since 2026-09-10 (09-17 and 10-10 overdue,
// 12-09), 赵芳 referred on 11-20, and one open 欠薪 case of 3,000 元 due
// 12-01. Four workers in all, one idle.
type placed struct {
	started, older, referred *data.Placement
}

func (h *harness) seedPlacements() placed {
	h.t.Helper()
	s := h.s
	must := func(err error) {
		h.t.Helper()
		if err != nil {
			h.t.Fatal(err)
		}
	}
	e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: testCreditCode("MA1XY2K1"), Region: "320115"}
	must(s.Create(e))
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 5, WorkRegion: "320115"}
	must(s.Create(d))
	var out placed
	for i, pl := range []struct {
		name string
		p    data.Placement
		to   **data.Placement
	}{
		{"张丽", data.Placement{Stage: data.StageStarted, ReferredOn: data.MakeDate(2026, 11, 1), HiredOn: data.MakeDate(2026, 11, 3), StartedOn: data.MakeDate(2026, 11, 5)}, &out.started},
		{"李梅", data.Placement{Stage: data.StageStarted, ReferredOn: data.MakeDate(2026, 9, 1), HiredOn: data.MakeDate(2026, 9, 3), StartedOn: data.MakeDate(2026, 9, 10)}, &out.older},
		{"赵芳", data.Placement{Stage: data.StageReferred, ReferredOn: data.MakeDate(2026, 11, 20)}, &out.referred},
	} {
		w := testWorker(i+1, pl.name)
		must(s.Create(w))
		p := pl.p
		p.WorkerID, p.DemandID = w.ID, d.ID
		must(s.Create(&p))
		*pl.to = &p
	}
	must(s.Create(testWorker(9, "孙静")))
	must(s.Create(&data.FollowUp{WorkerID: out.older.WorkerID, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 12, 1),
		Amount: data.Yuan(3000), Notes: "拖欠两个月工资"}))
	h.settle()
	return out
}

// storedFollowUp is the last of the placement's stored follow-ups that
// is takes, nil when none does.
func (h *harness) storedFollowUp(placementID string, is func(*data.FollowUp) bool) *data.FollowUp {
	h.t.Helper()
	fs, err := h.s.PlacementFollowUps(placementID)
	if err != nil {
		h.t.Fatal(err)
	}
	var found *data.FollowUp
	for i := range fs {
		if is(&fs[i]) {
			found = &fs[i]
		}
	}
	return found
}

// entryWithHint finds the visible entry with this placeholder.
func (h *harness) entryWithHint(hint string) *textEntry {
	h.t.Helper()
	return onScreen(h, fmt.Sprintf("entry %q", hint), func(e *textEntry) bool { return e.PlaceHolder == hint })
}

func TestHomeCountsAndOverdueLink(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.g.home.refresh()
	h.settle()
	home := h.g.home
	for _, c := range []struct {
		card  *statCard
		value string
	}{
		{home.workers, "4 人"}, {home.idle, "1 人"}, {home.employed, "2 人"}, {home.started, "1 人"},
		{home.overdue, "3 条"}, {home.arrears, "1 件"},
	} {
		if c.card.value.Text != c.value {
			t.Errorf("%s shows %q; want %q", c.card.card.Subtitle, c.card.value.Text, c.value)
		}
	}
	h.mustShow("涉及欠薪 3,000 元")
	// The charts have their series: 11 月 has one start, 9 月 one.
	if got := home.perMonth.values; len(got) != 12 || got[11] != 1 || got[9] != 1 {
		t.Fatalf("per month %v", got)
	}
	if home.byCity.labels[0] != "南京市" || home.byCity.values[0] != 2 {
		t.Fatalf("by city %v %v", home.byCity.labels, home.byCity.values)
	}

	test.Tap(home.overdue)
	h.settle()
	fs := h.g.followUps
	if h.g.current != screenFollowUps || fs.status.Selected != statusOverdue {
		t.Fatalf("逾期回访 opened screen %d with %q", h.g.current, fs.status.Selected)
	}
	if fs.rows.length() != 3 {
		t.Fatalf("overdue list has %d rows", fs.rows.length())
	}
	h.mustShow("逾期未办 3 条")
	// 李梅's 7-day call, due 2026-09-17, heads the list.
	if got := fs.table.cellText(0, 1); got != "逾期66天" {
		t.Fatalf("first row says %q", got)
	}
}

// overdueFollowUps opens 跟踪服务 on its 逾期 view.
func (h *harness) overdueFollowUps() *followUpsScreen {
	h.t.Helper()
	h.tap("跟踪服务")
	fs := h.g.followUps
	fs.showFiltered(statusOverdue, "")
	h.settle()
	return fs
}

func TestRecordCallLeavesOverdueList(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	fs := h.overdueFollowUps()
	if fs.rows.length() != 3 {
		t.Fatalf("overdue: %d", fs.rows.length())
	}
	// The list is overdue first: the oldest due date heads it.
	if got := fs.table.cellText(0, 0); got != "2026-09-17" {
		t.Fatalf("first overdue due %s", got)
	}
	// Tap 张丽's call (due 11-12, the last row), type the result, Enter.
	if got := fs.table.cellText(2, 3); got != "张丽" {
		t.Fatalf("row 2 is %s", got)
	}
	fs.table.table.Select(tableCell(2, 0))
	h.settle()
	if fs.form == nil {
		t.Fatal("tapping the row did not open the quick entry")
	}
	if fs.form.method.Selected != "电话" || fs.form.done.Text != "2026-11-22" {
		t.Fatalf("defaults: %q %q", fs.form.method.Selected, fs.form.done.Text)
	}
	test.Type(fs.form.outcome, "情况良好，工资按时发放")
	fs.form.outcome.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle()
	if fs.form != nil {
		t.Fatalf("the entry stayed open: %s", fs.form.errMsg.Text)
	}
	if fs.rows.length() != 2 {
		t.Fatalf("after recording, %d overdue", fs.rows.length())
	}
	for i := 0; i < 2; i++ {
		if fs.table.cellText(i, 3) == "张丽" {
			t.Fatal("张丽's call is still overdue")
		}
	}
	h.mustShow("已记录：张丽 回访")
	h.mustShow("逾期未办 2 条")
	done := h.storedFollowUp(pl.started.ID, func(f *data.FollowUp) bool { return f.DueOn == data.MakeDate(2026, 11, 12) })
	if done == nil || done.Status != data.FollowUpDone || done.DoneOn != data.MakeDate(2026, 11, 22) ||
		done.Method != "phone" || done.Outcome != "情况良好，工资按时发放" || done.HandledBy != "李娟" {
		t.Fatalf("stored %+v", done)
	}
	// Ctrl+S saves too, and an empty result is refused with its reason.
	fs.table.table.Select(tableCell(0, 0))
	h.settle()
	h.g.typedShortcut(shortcutSave)
	h.settle()
	h.mustShow("结果：办结时请填写结果")
	h.typeInto(fs.form.outcome, "电话未接通，已发微信")
	h.g.typedShortcut(shortcutSave)
	h.settle()
	if fs.rows.length() != 1 {
		t.Fatalf("after Ctrl+S, %d overdue", fs.rows.length())
	}
}

func TestPartnerCaseTakesOnlyNotesInTheList(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	if err := h.s.AddPartner(&data.Partner{ID: "0190aaaa-0000-7000-8000-000000000001", Name: "南京市江宁区总工会",
		Region: "320115", Role: data.RoleReceiving}); err != nil {
		t.Fatal(err)
	}
	f := &data.FollowUp{WorkerID: pl.started.WorkerID, Kind: data.KindDispute, DueOn: data.MakeDate(2026, 11, 1)}
	if err := h.s.Create(f); err != nil {
		t.Fatal(err)
	}
	if f.ResponsibleOffice == h.s.Office().ID {
		t.Fatal("a dispute should go to the receiving partner")
	}
	h.tap("跟踪服务")
	fs := h.g.followUps
	fs.showFiltered(statusOpen, data.KindDispute)
	h.settle()
	if fs.rows.length() != 1 || fs.table.cellText(0, 5) != ownerTheirs {
		t.Fatalf("dispute rows %d, owner %q", fs.rows.length(), fs.table.cellText(0, 5))
	}
	fs.table.table.Select(tableCell(0, 0))
	h.settle()
	h.mustShow("该事项由对方工会负责")
	if fs.form.outcome != nil {
		t.Fatal("a partner's case offers the result form")
	}
	h.typeInto(fs.form.note, "已电话告知江宁区总工会")
	h.tap("添加备注")
	got, _ := h.s.FollowUp(f.ID)
	if got.Notes != "已电话告知江宁区总工会" || got.Status != data.FollowUpOpen {
		t.Fatalf("stored %+v", got)
	}
}

func TestPlacementPageMovesStages(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	h.tap("就业安置")
	ps := h.g.placements
	if ps.rows.length() != 3 {
		t.Fatalf("placements: %d", ps.rows.length())
	}
	ps.stage.SetSelected("已推荐")
	h.settle()
	if ps.rows.length() != 1 || ps.table.cellText(0, 0) != "赵芳" {
		t.Fatalf("已推荐 filter: %d rows", ps.rows.length())
	}
	h.mustShow("符合条件的 1 条")
	ps.table.table.Select(tableCell(0, 0))
	h.settle()
	if ps.form == nil {
		t.Fatal("the placement page did not open")
	}
	h.mustShow("劳动者：赵芳")

	// Only valid next steps are offered: 离职 needs 上岗 first.
	for _, o := range h.all() {
		if b, ok := o.(*widget.Button); ok && b.Text == "改为已离职" {
			t.Fatal("改为已离职 is offered on a placement that has not started")
		}
	}
	// 上岗 before 录用 asks for the 录用日期 in the same dialog, and an
	// error names it as the dialog does.
	h.tap("改为已上岗")
	h.mustShow("录用日期")
	h.mustShow("上岗日期")
	hired := h.entryWithHint("如 2026-01-31") // the first date field: 录用日期
	h.typeInto(hired, "2026-11-19")
	h.tap("保存")
	h.mustShow("录用日期有误：2026-11-19早于推荐日期2026-11-20")
	h.tap("取消")
	// A date before the referral is refused.
	h.tap("改为已面试")
	h.typeInto(h.entryWithHint("如 2026-01-31"), "2026-11-01")
	h.tap("保存")
	h.mustShow("早于推荐日期2026-11-20")
	h.tap("取消")
	if got, _ := h.s.Placement(pl.referred.ID); got.Stage != data.StageReferred {
		t.Fatalf("refused moves changed the stage to %s", got.Stage)
	}
	// 录用 on 11-21 goes through.
	h.tap("改为已录用")
	h.typeInto(h.entryWithHint("如 2026-01-31"), "2026-11-21")
	h.tap("保存")
	if h.dialogOpen() {
		t.Fatal("the dialog stayed open after a valid move")
	}
	got, _ := h.s.Placement(pl.referred.ID)
	if got.Stage != data.StageHired || got.HiredOn != data.MakeDate(2026, 11, 21) {
		t.Fatalf("stored stage %s hired %s", got.Stage, got.HiredOn)
	}
	h.mustShow("2026-11-21")
	h.mustShow("劳动者：赵芳（已就业）")
	// 已返乡 needs a closing reason from the list.
	h.tap("改为已返乡")
	h.tap("保存")
	h.mustShow("请选择结束原因")
	onScreen(h, "the 结束原因 choice", func(s *widget.Select) bool { return s.PlaceHolder == "请选择结束原因" }).SetSelected("家庭原因")
	h.typeInto(h.entryWithHint("补充说明（可不填）"), "母亲生病")
	h.tap("保存")
	got, _ = h.s.Placement(pl.referred.ID)
	if got.Stage != data.StageReturned || got.CloseReason != "family" || got.CloseNote != "母亲生病" {
		t.Fatalf("stored %s %s %s", got.Stage, got.CloseReason, got.CloseNote)
	}
	h.mustShow("结束原因：家庭原因：母亲生病")
	// Back on the list the row says so.
	h.g.actions.Cancel()
	h.settle()
	ps.stage.SetSelectedIndex(0)
	h.settle()
	found := false
	for i := 0; i < ps.rows.length(); i++ {
		if ps.table.cellText(i, 0) == "赵芳" && ps.table.cellText(i, 4) == "已返乡" && ps.table.cellText(i, 5) == "2026-11-22" {
			found = true
		}
	}
	if !found {
		t.Fatal("the list does not show 赵芳 已返乡 2026-11-22")
	}
}

func TestCheckInDaysSetting(t *testing.T) {
	h := newHarness(t, true)
	h.tap("设置")
	e := h.entryWithHint("如 7,30,90")
	if e.Text != "7,30,90" {
		t.Fatalf("shows %q", e.Text)
	}
	h.typeInto(e, "10、3，60")
	h.tap("保存回访天数")
	h.mustShow("已保存：上岗后第 3、10、60 天回访")
	if got := h.s.CheckInDays(); len(got) != 3 || got[0] != 3 || got[2] != 60 {
		t.Fatalf("stored %v", got)
	}
	h.typeInto(e, "0")
	h.tap("保存回访天数")
	h.mustShow("应为1到730之间的天数")
}

func TestNewFollowUpFromPlacementPage(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	h.tap("就业安置")
	ps := h.g.placements
	ps.open(pl.started.ID)
	h.settle()
	h.mustShow("劳动者：张丽")
	h.mustShow("上岗后第7天回访")
	h.tap("新增跟踪服务")
	onScreen(h, "the 类别 choice", func(s *widget.Select) bool { return s.Selected == "回访" }).SetSelected("欠薪")
	h.typeInto(h.entryWithHint("如欠薪金额，可不填"), "2,500")
	h.typeInto(h.entryWithHint("情况说明"), "十月工资未发")
	h.tap("保存")
	if h.dialogOpen() {
		t.Fatal("the dialog stayed open")
	}
	got := h.storedFollowUp(pl.started.ID, func(f *data.FollowUp) bool { return f.Kind == data.KindArrears })
	if got == nil || got.Amount != data.Yuan(2500) || got.DueOn != data.MakeDate(2026, 11, 22) || got.WorkerID != pl.started.WorkerID {
		t.Fatalf("stored %+v", got)
	}
	h.mustShow("十月工资未发")
	// A bad due date is named.
	h.tap("新增跟踪服务")
	h.typeInto(h.entryWithHint("如 2026-01-31"), "2026-13-01")
	h.tap("保存")
	h.mustShow("到期日：")
}

func TestNewFollowUpFindsTheWorker(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.tap("跟踪服务")
	h.tap("新增跟踪服务")
	h.tap("保存")
	h.mustShow("劳动者：请先查找并选择劳动者")
	h.typeInto(h.entryWithHint("姓名或身份证号，回车查找"), "孙静")
	h.tap("查找")
	h.tap("保存")
	if h.dialogOpen() {
		t.Fatal("the dialog stayed open")
	}
	fs := h.g.followUps
	if fs.rows.length() != 8 { // the two starts' 3 check-ins each, the arrears case, and this one
		t.Fatalf("待办 %d", fs.rows.length())
	}
	found := false
	for i := 0; i < fs.rows.length(); i++ {
		if fs.table.cellText(i, 3) == "孙静" && fs.table.cellText(i, 1) == "今天到期" && fs.table.cellText(i, 5) == ownerMine {
			found = true
		}
	}
	if !found {
		t.Fatal("孙静's new check-in is not listed as due today, ours")
	}
}
