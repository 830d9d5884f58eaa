package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"duikou/data/stats"
)

// regionTable is the 统计报表's second table on screen: the starts, the
// 脱贫劳动力 among them and those in work at the end, by receiving city
// (a sending office) or by sending county (a receiving one), as the xlsx
// and PDF print it.
type regionTable struct {
	r     func() *stats.Report
	table *widget.Table
}

var regionHeaders = []struct {
	title string
	width float32
}{{"", 230}, {"地区代码", 100}, {"上岗人数", 100}, {"其中：脱贫劳动力", 150}, {"期末在岗人数", 120}}

func newRegionTable(r func() *stats.Report) *regionTable {
	t := &regionTable{r: r}
	t.table = widget.NewTable(
		func() (int, int) {
			if rep := r(); rep != nil {
				return len(rep.Rows), len(regionHeaders)
			}
			return 0, len(regionHeaders)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.cell(id.Row, id.Col)) })
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		title := ""
		if id.Col >= 0 && id.Col < len(regionHeaders) {
			title = regionHeaders[id.Col].title
		}
		if id.Col == 0 && r() != nil {
			title = r().RowsBy
		}
		o.(*widget.Label).SetText(title)
	}
	for i, h := range regionHeaders {
		t.table.SetColumnWidth(i, h.width)
	}
	return t
}

// cell is one cell's text.
func (t *regionTable) cell(row, col int) string {
	rep := t.r()
	if rep == nil || row >= len(rep.Rows) {
		return ""
	}
	x := rep.Rows[row]
	switch col {
	case 0:
		return x.Name
	case 1:
		return x.Region
	case 2:
		return fmt.Sprintf("%d 人次", x.Started)
	case 3:
		return fmt.Sprintf("%d 人次", x.Poverty)
	case 4:
		return fmt.Sprintf("%d 人次", x.InWorkEnd)
	}
	return ""
}
