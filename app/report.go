package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/stats"
)

// reportScreen is 统计报表: the figures of a month, a quarter or any span
// of days, each with its definition; a figure opens the list of records
// behind it (report_lists.go); 导出 writes the xlsx form, 打印 the PDF,
// and 报出 stores the figures as submitted (report_actions.go). A period
// submitted and corrected since shows the submitted figure beside each
// figure counted now, and is titled 更正版.
type reportScreen struct {
	g    *GUI
	st   ReportStore
	jobs *latest // counts a period off the UI thread

	kind           *widget.Select
	month, quarter *widget.Select
	from, to       *textEntry
	pickers        *fyne.Container
	count          *widget.Button
	status         *cjkLabel
	header         *widget.Label
	table          *widget.Table
	regions        *regionTable // the second table, by region (report_regions.go)
	tabs           *container.AppTabs
	export, print  *widget.Button
	submit         *widget.Button

	period stats.Period
	r      *stats.Report // the figures shown; nil until counted
	months []string      // the month choices' "2026-11", in the Select's order
	quarts []string      // the quarter choices' "2026Q4"

	lists   *figureLists
	stack   *fyne.Container // the figures, or the list behind one
	figures fyne.CanvasObject
}

// The period kinds as the screen offers them.
const (
	kindMonth   = "月报"
	kindQuarter = "季报"
	kindRange   = "自定义日期"
)

func newReportScreen(g *GUI, st ReportStore) *reportScreen {
	return &reportScreen{g: g, st: st, jobs: g.newLatest()}
}

func (s *reportScreen) view() fyne.CanvasObject {
	if s.stack != nil {
		return s.stack
	}
	s.buildPickers()
	s.count = widget.NewButtonWithIcon("统计", theme.ViewRefreshIcon(), s.recount)
	s.status = wrapLabel("")
	s.header = widget.NewLabel("")
	s.header.Importance = widget.LowImportance
	s.header.Truncation = fyne.TextTruncateEllipsis
	s.export = widget.NewButtonWithIcon("导出", theme.DocumentSaveIcon(), s.startExport)
	s.print = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), s.startPrint)
	s.submit = widget.NewButtonWithIcon("报出", theme.MailSendIcon(), s.confirmSubmit)
	s.submit.Importance = widget.HighImportance
	s.setActionsEnabled()

	s.table = widget.NewTable(s.tableSize, s.newCell, s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return l
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		cols := s.columns()
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll()
		if s.r != nil && id.Row >= 0 && id.Row < len(s.r.Indicators) {
			s.lists.open(s.r, s.r.Indicators[id.Row])
		}
	}
	s.layoutColumns()
	hint := widget.NewLabel("点一项数字，查看计入这项数字的记录。表头的负责人和联系电话在“设置”中填写。")
	hint.Importance = widget.LowImportance

	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(s.kind, s.pickers, s.count), container.NewHBox(s.export, s.print, s.submit)),
		s.status, s.header)
	s.regions = newRegionTable(func() *stats.Report { return s.r })
	s.tabs = container.NewAppTabs(container.NewTabItem("各项指标", container.NewBorder(nil, hint, nil, nil, s.table)),
		container.NewTabItem("按地区统计", s.regions.table))
	s.figures = container.NewBorder(top, nil, nil, nil, s.tabs)
	s.lists = newFigureLists(s)
	s.stack = container.NewStack(s.figures)
	s.recount()
	return s.stack
}

func (s *reportScreen) shown() {
	if s.lists != nil && s.lists.showing {
		s.g.setHeading("统计报表 › " + s.lists.heading)
	} else if s.r != nil {
		s.recount() // records may have changed on the other screens since
	}
	s.g.setActions(actions{})
}

// buildPickers makes the period choosers: the last 24 months and 8
// quarters (the latest first, starting with the last one over, which is
// the one usually reported), or two dates.
func (s *reportScreen) buildPickers() {
	today := s.st.Today()
	var monthLabels, quarterLabels []string
	y, m := today.Year, int(today.Month)
	for i := 0; i < 24; i++ {
		s.months = append(s.months, fmt.Sprintf("%d-%02d", y, m))
		monthLabels = append(monthLabels, fmt.Sprintf("%d年%d月", y, m))
		if m--; m == 0 {
			y, m = y-1, 12
		}
	}
	y, q := today.Year, (int(today.Month)-1)/3+1
	for i := 0; i < 8; i++ {
		s.quarts = append(s.quarts, fmt.Sprintf("%dQ%d", y, q))
		quarterLabels = append(quarterLabels, fmt.Sprintf("%d年第%s季度", y, [...]string{"一", "二", "三", "四"}[q-1]))
		if q--; q == 0 {
			y, q = y-1, 4
		}
	}
	s.month = widget.NewSelect(monthLabels, func(string) { s.recount() })
	s.quarter = widget.NewSelect(quarterLabels, func(string) { s.recount() })
	s.from = newTextEntry("起始日期")
	s.to = newTextEntry("截止日期")
	s.from.SetText(today.AddDays(-today.Day + 1).String())
	s.to.SetText(today.String())
	s.from.OnSubmitted = func(string) { s.recount() }
	s.to.OnSubmitted = func(string) { s.recount() }
	dates := container.NewHBox(container.NewGridWrap(fyne.NewSize(120, s.from.MinSize().Height), s.from),
		widget.NewLabel("至"), container.NewGridWrap(fyne.NewSize(120, s.to.MinSize().Height), s.to))
	s.pickers = container.NewStack(s.month, s.quarter, dates)
	s.kind = widget.NewSelect([]string{kindMonth, kindQuarter, kindRange}, func(k string) {
		for i, o := range s.pickers.Objects {
			if i == s.kind.SelectedIndex() {
				o.Show()
			} else {
				o.Hide()
			}
		}
		s.recount()
	})
	// The last month over is the one a clerk reports; quietly, so the
	// first count runs once, from view.
	s.month.Selected = monthLabels[1]
	s.quarter.Selected = quarterLabels[1]
	s.kind.Selected = kindMonth
	s.quarter.Hide()
	dates.Hide()
}

// chosen is the period the pickers say, or the reason it is not one.
func (s *reportScreen) chosen() (stats.Period, error) {
	today := s.st.Today()
	switch s.kind.Selected {
	case kindQuarter:
		return stats.ParseQuarter(s.quarts[max(s.quarter.SelectedIndex(), 0)], today)
	case kindRange:
		return stats.ParseRange(s.from.Text, s.to.Text, today)
	}
	return stats.ParseMonth(s.months[max(s.month.SelectedIndex(), 0)], today)
}

// recount counts the chosen period in the background.
func (s *reportScreen) recount() {
	if s.table == nil {
		return // still building
	}
	p, err := s.chosen()
	if err != nil {
		s.r = nil
		s.status.Importance = widget.DangerImportance
		s.status.SetText(err.Error())
		s.afterCount()
		return
	}
	s.period = p
	s.status.Importance = widget.MediumImportance
	s.status.SetText("正在统计" + p.Label() + "…")
	st := s.st
	s.jobs.submit(func() func() {
		r, err := st.Report(p)
		return func() {
			if p != s.period {
				return // the clerk chose another period meanwhile
			}
			if err != nil {
				s.r = nil
				s.status.Importance = widget.DangerImportance
				s.status.SetText("统计出错：" + err.Error())
			} else {
				s.r = r
				s.describe()
			}
			s.afterCount()
		}
	})
}

func (s *reportScreen) afterCount() {
	s.layoutColumns()
	s.table.Refresh()
	s.regions.table.Refresh()
	if s.r != nil {
		s.tabs.Items[1].Text = "按" + s.r.RowsBy + "统计"
		s.tabs.Refresh()
	}
	s.setActionsEnabled()
}

// describe says what the figures are: the period, whether they were
// submitted (报出) and corrected since, and the header the form carries.
func (s *reportScreen) describe() {
	r := s.r
	text := fmt.Sprintf("%s　所属期：%s（%s 至 %s）", r.Title(), r.Period.Label(), r.From, r.To)
	s.status.Importance = widget.MediumImportance
	switch {
	case r.Corrected:
		s.status.Importance = widget.WarningImportance
		text += fmt.Sprintf("　已于 %s 报出；之后有记录更正，%d 项数字与报出数不同", r.ReportedOn, len(r.Corrections()))
	case r.Submitted():
		s.status.Importance = widget.SuccessImportance
		text += "　已于 " + r.ReportedOn.String() + " 报出"
	case !r.To.Before(s.st.Today()):
		text += "　所属期尚未结束，结束后才能报出"
	default:
		text += "　未报出"
	}
	s.status.SetText(text)
	h := r.Header
	s.header.SetText(fmt.Sprintf("表号：%s　填报单位：%s　负责人：%s　填表人：%s　联系电话：%s",
		h.FormNo, h.Union, blankDash(h.Head), blankDash(h.Clerk), blankDash(h.Phone)))
}

// blankDash is a header field as the screen shows it: — when not filled.
func blankDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (s *reportScreen) setActionsEnabled() {
	for _, b := range []*widget.Button{s.export, s.print} {
		if s.r == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if s.r == nil || s.r.Submitted() || !s.r.To.Before(s.st.Today()) {
		s.submit.Disable()
	} else {
		s.submit.Enable()
	}
}

// figureColumn is one column of the figures table.
type figureColumn struct {
	title string
	width float32
	text  func(in stats.Indicator) string
}

// columns are the table's columns: 数值 until the period is submitted;
// then 报出数, and beside it 更正数 (the figures counted now) once a
// record of the period was corrected, as the printed form has them.
func (s *reportScreen) columns() []figureColumn {
	now := figureColumn{"数值", 100, func(in stats.Indicator) string { return figureText(in, in.Value) }}
	cols := []figureColumn{{"指标", 190, func(in stats.Indicator) string { return in.Label }}}
	switch {
	case s.r != nil && s.r.Corrected:
		now.title = "更正数"
		cols = append(cols, figureColumn{"报出数", 100, func(in stats.Indicator) string { return figureText(in, *in.Submitted) }}, now)
	case s.r != nil && s.r.Submitted():
		now.title = "报出数"
		cols = append(cols, now)
	default:
		cols = append(cols, now)
	}
	return append(cols, figureColumn{"指标解释", 520, func(in stats.Indicator) string { return in.Definition }})
}

// figureText is a figure with its unit: 4 人次, 800.50 元, 66.7%.
func figureText(in stats.Indicator, v any) string {
	if in.Unit == "%" {
		return fmt.Sprint(v) + "%"
	}
	return fmt.Sprint(v) + " " + in.Unit
}

func (s *reportScreen) layoutColumns() {
	for i, c := range s.columns() {
		s.table.SetColumnWidth(i, c.width)
	}
}

func (s *reportScreen) tableSize() (int, int) {
	if s.r == nil {
		return 0, len(s.columns())
	}
	return len(s.r.Indicators), len(s.columns())
}

func (s *reportScreen) newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (s *reportScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	cols := s.columns()
	if s.r == nil || id.Row >= len(s.r.Indicators) || id.Col >= len(cols) {
		l.SetText("")
		return
	}
	in := s.r.Indicators[id.Row]
	l.TextStyle = fyne.TextStyle{Bold: id.Col == 1}
	l.Importance = widget.MediumImportance
	if in.Submitted != nil && *in.Submitted != in.Value && cols[id.Col].title == "更正数" {
		l.Importance = widget.WarningImportance // the figures a correction changed
	}
	l.SetText(cols[id.Col].text(in))
}

// figureOf is the data.Figure of an indicator in the shown period.
func figureOf(r *stats.Report, in stats.Indicator) data.Figure {
	return data.Figure{Code: string(in.Code), From: r.From, To: r.To}
}
