package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"duikou/data"
)

// saveOverPlacementChange opens the page's dialog under button, types
// text into its entry with this hint, lets another desktop save the
// placement with change, and presses 保存.
func (h *harness) saveOverPlacementChange(button, hint, text, id string, change func(p *data.Placement)) {
	h.t.Helper()
	h.tap(button)
	h.typeInto(h.entryWithHint(hint), text)
	saveStored(h, h.s.Placement, id, change)
	h.tap("保存")
}

// openPlacement opens p's page from the 就业安置 list.
func (h *harness) openPlacement(p *data.Placement) *placementPage {
	h.t.Helper()
	h.tap("就业安置")
	ps := h.g.placements
	ps.open(p.ID)
	h.settle()
	if ps.form == nil {
		h.t.Fatal("the placement page did not open")
	}
	return ps.form
}

// 赵芳 was referred on 11-20. The clerk opens 改为已录用 and types 11-21;
// meanwhile another desktop records her interview on 11-21 (已面试). 保存
// writes nothing and asks about the one field both set: 进度, 已面试
// (theirs) beside 已录用 (the clerk's). The interview date is not asked
// about (the clerk's dialog does not hold it) and is kept. 保存 with the
// clerk's value stores 已录用 with both dates and closes the dialog.
func TestPlacementStageMoveOverAChangeMeanwhileAsks(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	h.openPlacement(pl.referred)

	h.saveOverPlacementChange("改为已录用", "如 2026-01-31", "2026-11-21", pl.referred.ID, func(p *data.Placement) {
		p.Stage, p.InterviewedOn = data.StageInterviewed, data.MakeDate(2026, 11, 21)
	})
	h.mustShow("记录已被其他经办人修改")
	h.mustShow("进度")
	h.mustShow("已面试")
	h.mustShow("已录用")
	if h.shows("面试日期") {
		t.Error("the choice lists the interview date, which the clerk's dialog does not hold")
	}
	if got, _ := h.s.Placement(pl.referred.ID); got.Stage != data.StageInterviewed || !got.HiredOn.IsZero() {
		t.Fatalf("the refused save wrote: stage %s hired %s", got.Stage, got.HiredOn)
	}
	h.tap("保存") // 进度: 您填写的值, the default
	if h.dialogOpen() {
		t.Fatal("a dialog stayed open after the merged save")
	}
	got, _ := h.s.Placement(pl.referred.ID)
	if got.Stage != data.StageHired || got.HiredOn != data.MakeDate(2026, 11, 21) || got.InterviewedOn != data.MakeDate(2026, 11, 21) {
		t.Fatalf("stored stage %s interviewed %s hired %s; want 已录用 with the other clerk's interview date",
			got.Stage, got.InterviewedOn, got.HiredOn)
	}
	h.mustShow("劳动者：赵芳（已就业）") // the page reloaded
}

// The contract dialog holds the contract and the insurances. Another
// desktop moves the placement on meanwhile: nothing the two set
// differs, so the contract goes in at once on the new version and the
// other clerk's stage stays. Then a second change meanwhile that does
// collide (the other clerk records 12 months, the clerk 36): Esc on the
// choice writes nothing and leaves the dialog open saying so.
func TestPlacementContractOverAChangeMeanwhile(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	h.openPlacement(pl.referred)

	h.saveOverPlacementChange("合同与保险", "合同期限（月）", "24", pl.referred.ID, func(p *data.Placement) {
		p.Stage, p.HiredOn = data.StageHired, data.MakeDate(2026, 11, 21)
	})
	if h.dialogOpen() {
		t.Fatal("a save that collides with nothing asked or stayed open")
	}
	got, _ := h.s.Placement(pl.referred.ID)
	if got.Stage != data.StageHired || got.ContractMonths != 24 {
		t.Fatalf("stored stage %s, %d months; want the other clerk's 已录用 and the clerk's 24", got.Stage, got.ContractMonths)
	}

	h.saveOverPlacementChange("合同与保险", "合同期限（月）", "36", pl.referred.ID, func(p *data.Placement) { p.ContractMonths = 12 })
	h.mustShow("合同期限（月）")
	h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.settle()
	h.mustShow("尚未保存") // back in the contract dialog
	if got, _ := h.s.Placement(pl.referred.ID); got.ContractMonths != 12 {
		t.Fatalf("Esc on the choice wrote %d months", got.ContractMonths)
	}
}

// 张丽's check-in call is open in the quick entry; meanwhile another
// desktop records it by 微信 with its own result. The clerk's 电话 result
// is refused and both sides are shown; keeping the other clerk's result
// for 结果 and the clerk's 方式 stores that mix, done.
func TestFollowUpResultOverAChangeMeanwhileAsks(t *testing.T) {
	h := newHarness(t, true)
	pl := h.seedPlacements()
	fs := h.overdueFollowUps()
	fs.table.table.Select(tableCell(2, 0)) // 张丽's call due 11-12
	h.settle()
	if fs.form == nil || fs.form.f.PlacementID == nil || *fs.form.f.PlacementID != pl.started.ID {
		t.Fatal("the quick entry did not open on 张丽's call")
	}
	id := fs.form.f.ID
	saveStored(h, h.s.FollowUp, id, func(other *data.FollowUp) {
		other.Method, other.Outcome = "wechat", "微信联系，适应良好"
	})
	h.typeInto(fs.form.outcome, "电话回访，情况良好")
	h.tap("保存结果")
	h.mustShow("记录已被其他经办人修改")
	h.mustShow("微信联系，适应良好")
	h.mustShow("电话回访，情况良好")
	if got, _ := h.s.FollowUp(id); got.Outcome != "微信联系，适应良好" || got.Status != data.FollowUpOpen {
		t.Fatalf("the refused save wrote %q, %s", got.Outcome, got.Status)
	}
	// 方式 comes first (the record's order), then 结果.
	h.chooseSide(theirsWord, 1)
	h.tap("保存")
	if h.dialogOpen() || fs.form != nil {
		t.Fatal("the merged save did not close the choice and the entry")
	}
	got, _ := h.s.FollowUp(id)
	if got.Outcome != "微信联系，适应良好" || got.Method != "phone" || got.Status != data.FollowUpDone {
		t.Fatalf("stored %q by %s, %s; want the other clerk's result by the clerk's 电话, done", got.Outcome, got.Method, got.Status)
	}
}
