package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// pressEsc presses Esc as the window does: the focused widget gets it,
// or the window when nothing has the focus.
func (h *harness) pressEsc() {
	h.t.Helper()
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	c := h.w.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(esc)
	} else {
		c.OnTypedKey()(esc)
	}
	h.settle()
}

// openPlacementPage opens the first placement of 就业安置.
func (h *harness) openPlacementPage() *placementsScreen {
	h.t.Helper()
	h.tap("就业安置")
	ps := h.g.placements
	ps.table.table.Select(tableCell(0, 0))
	h.settle()
	if ps.form == nil {
		h.t.Fatal("the placement page did not open")
	}
	return ps
}

// Clicking the navigation item of the screen one is on goes back to its
// list: from a placement's page, and from a worker's form.
func TestNavigationItemReturnsToTheList(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	ps := h.openPlacementPage()
	h.tap("就业安置")
	if ps.form != nil || h.g.heading.Text != "就业安置" {
		t.Fatal("clicking 就业安置 on a placement's page did not go back to the list")
	}

	ws := h.openWorkerList()
	ws.table.table.Select(tableCell(0, 0))
	h.settle()
	if ws.form == nil {
		t.Fatal("the worker form did not open")
	}
	h.tap("劳动者")
	if ws.form != nil {
		t.Fatal("clicking 劳动者 on an unchanged worker form did not go back to the list")
	}
}

// 返回列表 stays where it is when a placement's page scrolls.
func TestBackToListStaysVisible(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.w.Resize(smallWindow)
	ps := h.openPlacementPage()
	back := h.button("返回列表（Esc）")
	before := fyneAbsolute(h, back)
	var scroll *container.Scroll
	for _, o := range test.LaidOutObjects(ps.form.built) {
		if s, ok := o.(*container.Scroll); ok {
			scroll = s
		}
	}
	if scroll == nil {
		t.Fatal("the placement page does not scroll")
	}
	scroll.ScrollToBottom()
	if after := fyneAbsolute(h, back); after != before {
		t.Errorf("返回列表 moved from %v to %v as the page scrolled", before, after)
	}
}

// Esc closes the 打印 dialog even after the clerk ticked its box (which
// then holds the keyboard focus).
func TestEscClosesThePrintDialog(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.tap("就业安置")
	h.tap("打印")
	if !h.dialogOpen() {
		t.Fatal("打印 opened no dialog")
	}
	full := h.check("打印完整身份证号和电话")
	// Esc on the warning about full numbers is its 取消: the box unticks
	// and the 打印 dialog stays.
	test.Tap(full)
	h.settle()
	h.mustShow("属于个人敏感信息")
	h.pressEsc()
	if full.Checked || !h.dialogOpen() || h.shows("属于个人敏感信息") {
		t.Fatalf("after Esc on the warning: ticked %v, a dialog open %v", full.Checked, h.dialogOpen())
	}
	test.Tap(full)
	h.settle()
	h.tap("确认")
	if h.w.Canvas().Focused() == nil {
		t.Fatal("the tick box did not take the focus; this test would not show anything")
	}
	h.pressEsc()
	if h.dialogOpen() {
		t.Fatal("Esc left the 打印 dialog open")
	}
}
