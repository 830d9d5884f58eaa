package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyTable is a widget.Table on which Enter opens the focused row as Space
// does: a clerk moving through a list with the arrow keys expects Enter to
// open what is highlighted, and Fyne's table answers only Space.
type keyTable struct {
	widget.Table
	// base are the columns' widths on a small window (table_widths.go).
	base []float32
}

func newKeyTable(length func() (int, int), create func() fyne.CanvasObject,
	update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey passes keys to the table, Enter as Space, and Esc to the
// window (esc_keys.go).
func (t *keyTable) TypedKey(e *fyne.KeyEvent) {
	if passEscape(t, e) {
		return
	}
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		e = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: e.Physical}
	}
	t.Table.TypedKey(e)
}
