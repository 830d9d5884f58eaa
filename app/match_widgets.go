package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pickList is a search box over a short list of records fetched in the
// background (the first 100 that match): the 匹配推荐 screen picks its
// demand or worker with it. Each item shows two lines.
type pickList[T any] struct {
	entry *textEntry
	list  *widget.List
	info  *cjkLabel
	items []T

	lines  func(T) (title, detail string)
	fetch  func(q string) ([]T, error)
	onPick func(T)
	run    *latest
}

// pickLimit is how many matches a pickList shows: a clerk narrows the
// search rather than scrolls through thousands.
const pickLimit = 100

func newPickList[T any](g *GUI, placeholder string, lines func(T) (string, string),
	fetch func(string) ([]T, error), onPick func(T)) *pickList[T] {
	p := &pickList[T]{lines: lines, fetch: fetch, onPick: onPick, run: g.newLatest()}
	p.entry = newTextEntry(placeholder)
	p.entry.OnChanged = func(string) { p.reload() }
	p.info = wrapLabel("")
	p.info.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject { return newTwoLines() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.items) {
				title, detail := p.lines(p.items[id])
				setTwoLines(o.(*fyne.Container), title, detail)
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.items) && p.onPick != nil {
			p.onPick(p.items[id])
		}
	}
	return p
}

// newTwoLines is a list item of two lines cut to the width: a bold title
// and a quieter detail under it (setTwoLines fills them).
func newTwoLines() *fyne.Container {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.Importance = widget.LowImportance
	return container.NewVBox(title, detail)
}

// setTwoLines shows title and detail in an item made by newTwoLines.
func setTwoLines(item *fyne.Container, title, detail string) {
	item.Objects[0].(*widget.Label).SetText(title)
	item.Objects[1].(*widget.Label).SetText(detail)
}

// view is the search box above the list.
func (p *pickList[T]) view() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(p.entry, p.info), nil, nil, nil, p.list)
}

// reload fetches the matches for the search text again.
func (p *pickList[T]) reload() {
	q := p.entry.Text
	p.run.submit(func() func() {
		items, err := p.fetch(q)
		return func() {
			if err != nil {
				p.info.SetText("查询出错：" + err.Error())
				return
			}
			p.items = items
			p.list.UnselectAll()
			p.list.Refresh()
			switch {
			case len(items) == 0:
				p.info.SetText("没有符合的记录")
			case len(items) >= pickLimit:
				p.info.SetText("只列出前100条，请输入更多文字缩小范围")
			default:
				p.info.SetText("找到 " + intText(len(items)) + " 条")
			}
		}
	})
}

// checkTable is a table of ranked rows, with a tick box in the first
// column when key is set (the rows a clerk selects), and a tap on a row
// that shows its details.
type checkTable[T any] struct {
	table    *keyTable
	rows     []T
	cols     []column[T]
	key      func(T) string
	checked  map[string]bool
	onCheck  func()
	onSelect func(T)
}

const checkColWidth = 44

func newCheckTable[T any](cols []column[T], key func(T) string) *checkTable[T] {
	t := &checkTable[T]{cols: cols, key: key, checked: map[string]bool{}}
	t.table = newKeyTable(
		func() (int, int) { return len(t.rows), t.offset() + len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(widget.NewCheck("", nil), l)
		},
		t.updateCell)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch c := id.Col - t.offset(); {
		case c >= 0 && c < len(t.cols):
			l.SetText(t.cols[c].title)
		case c < 0:
			l.SetText("选")
		default:
			l.SetText("")
		}
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.rows) && t.onSelect != nil {
			t.onSelect(t.rows[id.Row])
		}
	}
	widths := columnWidths(cols)
	if key != nil {
		widths = append([]float32{checkColWidth}, widths...)
	}
	t.table.setColumnWidths(widths)
	return t
}

// offset is 1 when the first column holds the tick boxes.
func (t *checkTable[T]) offset() int {
	if t.key != nil {
		return 1
	}
	return 0
}

func (t *checkTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	check, label := box.Objects[0].(*widget.Check), box.Objects[1].(*widget.Label)
	if id.Row >= len(t.rows) {
		check.Hide()
		label.SetText("")
		return
	}
	r := t.rows[id.Row]
	if id.Col < t.offset() {
		label.Hide()
		check.Show()
		k := t.key(r)
		check.OnChanged = nil
		check.SetChecked(t.checked[k])
		check.OnChanged = func(on bool) { t.setChecked(k, on) }
		return
	}
	check.Hide()
	label.Show()
	c := id.Col - t.offset()
	if c < len(t.cols) {
		label.SetText(t.cols[c].text(&r))
	}
}

// setRows shows new rows, dropping the ticks of rows no longer shown.
func (t *checkTable[T]) setRows(rows []T) {
	t.rows = rows
	keep := map[string]bool{}
	if t.key != nil {
		for _, r := range rows {
			if k := t.key(r); t.checked[k] {
				keep[k] = true
			}
		}
	}
	t.checked = keep
	t.table.UnselectAll()
	t.table.Refresh()
	t.table.ScrollToTop()
	if t.onCheck != nil {
		t.onCheck()
	}
}

// setChecked ticks or unticks the row with key k.
func (t *checkTable[T]) setChecked(k string, on bool) {
	if on {
		t.checked[k] = true
	} else {
		delete(t.checked, k)
	}
	if t.onCheck != nil {
		t.onCheck()
	}
}

// checkedRows are the ticked rows, in the table's order.
func (t *checkTable[T]) checkedRows() []T {
	var out []T
	for _, r := range t.rows {
		if t.checked[t.key(r)] {
			out = append(out, r)
		}
	}
	return out
}

// cellText is the text at row, col of the columns (tests).
func (t *checkTable[T]) cellText(row, col int) string {
	if row >= len(t.rows) || col >= len(t.cols) {
		return ""
	}
	return t.cols[col].text(&t.rows[row])
}
