package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"duikou/data"
)

// openReport shows 统计报表 on October 2026 (today is 2026-11-22, so the
// month chooser opens on October, the last month over).
func (h *harness) openReport() *reportScreen {
	h.t.Helper()
	h.goTo(screenReport)
	s, ok := h.g.screens[screenReport].scr.(*reportScreen)
	if !ok {
		h.t.Fatal("no 统计报表 screen")
	}
	return s
}

// figureRow is the row of the figures table holding the indicator code.
func figureRow(t *testing.T, s *reportScreen, code string) int {
	t.Helper()
	for i, in := range s.r.Indicators {
		if string(in.Code) == code {
			return i
		}
	}
	t.Fatalf("no figure %s", code)
	return -1
}

// The screen counts October on the seed data (李梅 started 2026-09-10,
// 张丽 on 11-05: none in October; so the test adds 王芳, started on
// 10-31), opens the placements behind 上岗人数 in the placement list,
// exports the form, and 报出 stores the figures: the button then turns
// off and the table shows 报出数; a later correction brings in 更正数.
func TestReportScreenFiguresListsExportAndSubmit(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	var d data.Demand
	h.s.EachDemand(data.DemandFilter{}, func(x *data.Demand) error { d = *x; return nil })
	w := testWorker(5, "王芳")
	w.Poverty = data.PovertyLifted
	if err := h.s.Create(w); err != nil {
		t.Fatal(err)
	}
	oct31 := data.MakeDate(2026, 10, 31)
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted, ReferredOn: oct31, HiredOn: oct31, StartedOn: oct31}
	if err := h.s.Create(p); err != nil {
		t.Fatal(err)
	}
	s := h.openReport()
	if s.r == nil || s.r.Period.Label() != "2026年10月" {
		t.Fatalf("report %+v, status %q", s.r, s.status.Text)
	}
	row := figureRow(t, s, "placements_started")
	if got := figureCell(s, row, 1); got != "1 人次" {
		t.Fatalf("上岗人数 shows %q", got)
	}
	if got := figureCell(s, figureRow(t, s, "started_poverty"), 0); got != "其中：脱贫劳动力" {
		t.Fatalf("label %q", got)
	}
	// The list behind the figure: 王芳 alone.
	s.table.OnSelected(tableCell(row, 1))
	h.settle()
	if !s.lists.showing || s.lists.count.Text != "共 1 条就业安置" {
		t.Fatalf("list behind 上岗人数: %q", s.lists.count.Text)
	}
	if got := s.lists.placements.table.cellText(0, 0); got != "王芳" {
		t.Fatalf("first row %q", got)
	}
	h.tap("返回统计表")

	files := useFakeFiles(h)
	files.savePath = filepath.Join(t.TempDir(), "月报.xlsx")
	h.tap("导出")
	h.settle()
	if files.saveName != "统计报表_2026年10月.xlsx" {
		t.Errorf("suggested name %q", files.saveName)
	}
	x, err := excelize.OpenFile(files.savePath)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := x.GetCellValue("统计报表", "B3"); v != "2026年10月" {
		t.Errorf("xlsx 所属期 %q", v)
	}
	x.Close()
	h.mustShow("导出完成")
	h.tap("确定")

	h.tap("报出")
	h.mustShow("确定报出2026年10月吗？")
	h.tap("报出") // the dialog's button
	h.settle()
	if !strings.Contains(s.status.source, "已于 2026-11-22 报出") || !s.submit.Disabled() {
		t.Fatalf("after 报出: %q, button disabled %v", s.status.source, s.submit.Disabled())
	}
	if got := s.columns()[1].title; got != "报出数" {
		t.Fatalf("column %q", got)
	}
	// A correction: 王芳 really started on 11-01.
	p.HiredOn, p.StartedOn = data.MakeDate(2026, 11, 1), data.MakeDate(2026, 11, 1)
	if err := h.s.Update(p); err != nil {
		t.Fatal(err)
	}
	h.tap("统计")
	h.settle()
	if got := figureCell(s, row, 1) + " | " + figureCell(s, row, 2); got != "1 人次 | 0 人次" {
		t.Fatalf("报出数 | 更正数 = %q", got)
	}
	if !strings.Contains(s.status.source, "（更正版）") {
		t.Fatalf("status %q", s.status.source)
	}
}

// figureCell is one cell of the figures table as the screen fills it.
func figureCell(s *reportScreen, row, col int) string {
	l := s.newCell()
	s.updateCell(tableCell(row, col), l)
	return l.(*widget.Label).Text
}

// 设置 holds the form's 负责人 and 联系电话; the 统计报表 header shows them.
func TestSettingsHoldTheReportHeader(t *testing.T) {
	h := newHarness(t, true)
	h.goTo(screenSettings)
	head, phone := h.entryWithHint("如：张建国"), h.entryWithHint("如：0931-5221234")
	h.typeInto(head, "张建国")
	h.typeInto(phone, "0931-5221234")
	phone.OnSubmitted(phone.Text)
	h.mustShow("已保存，之后的统计报表表头按此填写")
	if got, tel, _ := h.s.ReportHeader(); got != "张建国" || tel != "0931-5221234" {
		t.Fatalf("stored %q %q", got, tel)
	}
	h.typeInto(head, "张\u202e建国")
	head.OnSubmitted(head.Text)
	h.mustShow("未保存：")
	s := h.openReport()
	if !strings.Contains(s.header.Text, "负责人：张建国") || !strings.Contains(s.header.Text, "联系电话：0931-5221234") {
		t.Fatalf("header %q", s.header.Text)
	}
}

// The second table: the starts by receiving city, as the form prints it.
func TestReportScreenRegionTable(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements() // 张丽 started in 江宁 on 2026-11-05
	s := h.openReport()
	s.quarter.SetSelectedIndex(0) // 2026年第四季度
	s.kind.SetSelected(kindQuarter)
	h.settle()
	if s.r == nil || s.r.Period.Label() != "2026年第四季度" {
		t.Fatalf("period %v, status %q", s.r, s.status.Text)
	}
	if got := s.tabs.Items[1].Text; got != "按工作地（市）统计" {
		t.Errorf("tab %q", got)
	}
	row := []string{s.regions.cell(0, 0), s.regions.cell(0, 1), s.regions.cell(0, 2), s.regions.cell(0, 4)}
	if strings.Join(row, "|") != "江苏省南京市|320100|1 人次|2 人次" {
		t.Fatalf("first row %q", row)
	}
}
