package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a record table.
type column[T any] struct {
	title string
	width float32
	// sort is the Store's sort key for this column; "" when the column
	// cannot be sorted.
	sort string
	// flip inverts the Store's order, for a column shown the other way
	// round from its key (年龄 ascending is birth date descending).
	flip bool
	text func(*T) string
}

// recordTable is a widget.Table over pagedRows: a header row whose titles
// sort the list when tapped (again to reverse), one label per cell, and a
// tap on a row that opens the record. Row heights are all the same, so the
// table lays out only the rows on screen however long the list is.
type recordTable[T any, F comparable] struct {
	rows  *pagedRows[T, F]
	cols  []column[T]
	table *keyTable
	// sortCol is the column the list is sorted by, -1 for the default
	// order (newest first).
	sortCol int
	desc    bool
	onOpen  func(row T)
}

func newRecordTable[T any, F comparable](rows *pagedRows[T, F], cols []column[T]) *recordTable[T, F] {
	t := &recordTable[T, F]{rows: rows, cols: cols, sortCol: -1}
	t.table = newKeyTable(
		func() (int, int) { return rows.length(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		t.updateCell)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.table.UpdateHeader = t.updateHeader
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if r, ok := rows.row(id.Row); ok && t.onOpen != nil {
			t.onOpen(r)
		}
	}
	t.table.setColumnWidths(columnWidths(cols))
	return t
}

// columnWidths are the columns' widths in order.
func columnWidths[T any](cols []column[T]) []float32 {
	out := make([]float32, len(cols))
	for i, c := range cols {
		out[i] = c.width
	}
	return out
}

func (t *recordTable[T, F]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	r, ok := t.rows.row(id.Row)
	if !ok || id.Col >= len(t.cols) {
		l.SetText("")
		return
	}
	l.SetText(t.cols[id.Col].text(&r))
}

func (t *recordTable[T, F]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(t.cols) {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	c := t.cols[id.Col]
	text := c.title
	if id.Col == t.sortCol {
		if t.desc {
			text += " ▼"
		} else {
			text += " ▲"
		}
	}
	b.SetText(text)
	if c.sort == "" {
		b.OnTapped = nil
		return
	}
	col := id.Col
	b.OnTapped = func() { t.sortBy(col) }
}

// sortBy sorts by column col; the same column again reverses the order.
func (t *recordTable[T, F]) sortBy(col int) {
	if col == t.sortCol {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	q := t.rows.query()
	q.sort, q.desc = t.cols[col].sort, t.desc != t.cols[col].flip
	t.rows.setQuery(q)
	t.table.Refresh()
}

// setFilter shows the rows matching f in the current order.
func (t *recordTable[T, F]) setFilter(f F) {
	q := t.rows.query()
	q.filter = f
	t.rows.setQuery(q)
}

// refreshAfterReset is the pagedRows onReset hook.
func (t *recordTable[T, F]) refreshAfterReset(moved bool) {
	if moved {
		t.table.ScrollToTop()
	}
	t.table.Refresh()
}

// cellText is the text shown at row, col (for tests and the measurement).
func (t *recordTable[T, F]) cellText(row, col int) string {
	r, ok := t.rows.row(row)
	if !ok {
		return ""
	}
	return t.cols[col].text(&r)
}
