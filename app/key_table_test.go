package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// With the keyboard alone: focus the 跟踪服务 list, arrow down to a row and
// press Enter; the quick entry opens for that row.
func TestEnterOpensTheHighlightedRow(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.tap("跟踪服务")
	fs := h.g.followUps
	fs.showFiltered(statusOverdue, "")
	h.settle()
	if fs.rows.length() < 2 {
		t.Fatalf("overdue: %d", fs.rows.length())
	}
	table := fs.table.table
	h.w.Canvas().Focus(table)
	table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle()
	if fs.form == nil {
		t.Fatal("Enter on a highlighted row did not open the quick entry")
	}
	if want := fs.table.cellText(1, 3); !h.shows(want) {
		t.Fatalf("the entry is not for the highlighted row (%s)", want)
	}
}
