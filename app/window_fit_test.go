package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"duikou/data"
)

// smallWindow is the window on a 1,024 × 768 office screen once the
// taskbar and the title bar are taken off: the content must fit it, or
// the window grows past the screen's edge and the right-hand side is lost.
var smallWindow = fyne.NewSize(1000, 690)

// windowNeeds is the size the real window grows to for its content: the
// content's minimum plus the window's padding.
func (h *harness) windowNeeds() fyne.Size {
	min := h.w.Content().MinSize()
	if h.w.Padded() {
		min = min.Add(fyne.NewSquareSize(2 * theme.Padding()))
	}
	return min
}

// fits fails the test when the window would grow past smallWindow with
// what it shows now.
func (h *harness) fits(what string) {
	h.t.Helper()
	need := h.windowNeeds()
	if need.Width > smallWindow.Width {
		h.t.Errorf("%s needs %.0f pixels across, more than the %.0f of a 1,024 × 768 screen", what, need.Width, smallWindow.Width)
	}
	if need.Height > smallWindow.Height {
		h.t.Errorf("%s needs %.0f pixels down, more than the %.0f of a 1,024 × 768 screen", what, need.Height, smallWindow.Height)
	}
}

// Every screen, with a full list, fits the window of a 1,024 × 768 screen.
func TestEveryScreenFitsASmallScreen(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	for i := 10; i <= 40; i++ {
		if err := h.s.Create(testWorker(i, "劳动者")); err != nil {
			t.Fatal(err)
		}
	}
	h.w.Resize(smallWindow)
	for i, sc := range h.g.screens {
		h.g.navigate(i)
		h.settle()
		h.fits(sc.title)
	}

	// The forms that replace a list.
	h.g.navigate(screenWorkers)
	h.g.workers.openNew()
	h.fits("登记新劳动者")
	h.g.workers.closeForm()
	h.g.workers.table.table.Select(tableCell(0, 0))
	h.settle()
	h.fits("a worker's form")
	h.g.workers.closeForm()
	h.g.navigate(screenEmployers)
	es := h.g.employers
	es.openNewEmployer()
	h.fits("新增用工单位")
	es.closeForm("")
	es.openNewDemand(nil)
	h.fits("新增用工需求")
	es.closeForm("")
}

// Opening a panel inside a screen (the quick entry of 跟踪服务, a
// placement's page) does not make the window bigger than it was.
func TestPanelsDoNotGrowTheWindow(t *testing.T) {
	h, fs := followUpsOnASmallScreen(t)
	fs.showFiltered(statusOverdue, "")
	h.settle()
	before := h.windowNeeds()
	fs.table.table.Select(tableCell(0, 0))
	h.settle()
	if fs.form == nil {
		t.Fatal("tapping an overdue row did not open 记录结果")
	}
	if after := h.windowNeeds(); after.Height > before.Height || after.Width > before.Width {
		t.Errorf("记录结果 grows the window from %v to %v", before, after)
	}
	h.fits("跟踪服务 with 记录结果 open")
	// Its buttons stay below the panel's scrolling part, in sight
	// without scrolling.
	h.endsInside("取消", h.button("取消"), fs.form.built, "记录结果")
	h.endsInside("保存结果", h.button("保存结果"), fs.form.built, "记录结果")
	h.endsInside("已办结", fs.form.closeIt, fs.form.built, "记录结果")

	h.openPlacementPage()
	h.fits("a placement's page")
}

// 记录结果 on a 1,024 × 768 screen shows every field it asks for without
// scrolling, down to 完成日期 and the amount of a kind that carries one
// (欠薪's 追回工资), even with the item's notes above them: a field cut
// by the panel's edge looks like there is nothing below it.
func TestRecordResultShowsEveryFieldOnASmallScreen(t *testing.T) {
	h, fs := followUpsOnASmallScreen(t)
	for _, c := range []struct {
		status string
		kind   data.FollowUpKind
	}{{statusOverdue, ""}, {statusOpen, data.KindArrears}} {
		fs.showFiltered(c.status, c.kind)
		h.settle()
		fs.table.table.Select(tableCell(0, 0))
		h.settle()
		q := fs.form
		if q == nil || q.done == nil {
			t.Fatalf("%s %s: tapping the first row did not open 记录结果 with its fields", c.status, c.kind)
		}
		what := "记录结果's scrolling part (" + q.f.Kind.Label() + ")"
		inView := scrollIn(t, q.built)
		h.endsInside("完成日期", q.done, inView, what)
		if c.kind == data.KindArrears {
			if q.amount == nil {
				t.Fatal("欠薪 without its 追回工资 field")
			}
			h.endsInside("追回工资", q.amount, inView, what)
		}
	}
}

// followUpsOnASmallScreen is 跟踪服务 with placements and their
// follow-ups (seedPlacements), in the window of a 1,024 × 768 screen.
func followUpsOnASmallScreen(t *testing.T) (*harness, *followUpsScreen) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.w.Resize(smallWindow)
	h.tap("跟踪服务")
	return h, h.g.followUps
}

// scrollIn is the scrolling part of o.
func scrollIn(t *testing.T, o fyne.CanvasObject) *container.Scroll {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if s, ok := c.(*container.Scroll); ok {
			return s
		}
	}
	t.Fatal("no scrolling part")
	return nil
}

// The first-run set-up with every error showing still fits, and its
// 开始使用 stays inside the window.
func TestSetUpWithErrorsFits(t *testing.T) {
	h := newHarness(t, false)
	h.w.Resize(smallWindow)
	h.tap("开始使用")
	h.mustShow("未保存：工会名称")
	h.fits("the set-up form with its error")
	h.endsInside("开始使用", h.button("开始使用"), h.w.Content(), "the window")
}

// endsInside fails the test when o (called name) ends below the bottom of
// area (called what), where the clerk cannot see it without scrolling.
func (h *harness) endsInside(name string, o, area fyne.CanvasObject, what string) {
	h.t.Helper()
	bottom := fyneAbsolute(h, o).Y + o.Size().Height
	if end := fyneAbsolute(h, area).Y + area.Size().Height; bottom > end {
		h.t.Errorf("%s ends %.0f pixels down, below the bottom of %s at %.0f", name, bottom, what, end)
	}
}

// fyneAbsolute is where o is on the window's canvas.
func fyneAbsolute(h *harness, o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// A size saved on a large monitor is cut to the screen the window opens
// on; a small saved size is kept, and never below the minimum.
func TestSavedSizeFitsTheScreen(t *testing.T) {
	for _, c := range []struct{ saved, screen, want fyne.Size }{
		{fyne.NewSize(1900, 1000), fyne.NewSize(1000, 690), fyne.NewSize(1000, 690)},
		{fyne.NewSize(1240, 700), fyne.NewSize(1342, 690), fyne.NewSize(1240, 690)},
		{fyne.NewSize(950, 600), fyne.NewSize(1896, 1002), fyne.NewSize(950, 600)},
		{fyne.NewSize(400, 300), fyne.NewSize(1896, 1002), minWindowSize},
	} {
		if got := fitToScreen(c.saved, c.screen); got != c.want {
			t.Errorf("saved %v on a screen of %v opens at %v, want %v", c.saved, c.screen, got, c.want)
		}
	}
}
