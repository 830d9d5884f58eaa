package app

import (
	"testing"

	"duikou/data"
)

// The quick entry keeps the method an item was recorded with (a home
// visit stays 上门); only an item without one starts as 电话.
func TestQuickEntryKeepsTheRecordedMethod(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.tap("跟踪服务")
	fs := h.g.followUps
	fs.showFiltered(statusOverdue, "")
	h.settle()
	first, ok := fs.rows.row(0)
	if !ok {
		t.Fatal("no overdue item")
	}
	saveStored(h, h.s.FollowUp, first.ID, func(f *data.FollowUp) { f.Method = "visit" })
	h.settle()
	fs.table.table.Select(tableCell(0, 0))
	h.settle()
	if fs.form == nil || fs.form.method.Selected != labelForCode(data.Methods, "visit") {
		t.Fatalf("the entry for a home visit offers %q", fs.form.method.Selected)
	}
}
