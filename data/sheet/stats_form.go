package sheet

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/stats"
	"duikou/data/storage"
)

// statsSheet is the one worksheet of the 统计报表 workbook.
const statsSheet = "统计报表"

// WriteStats writes a 统计报表 as an .xlsx form a clerk can submit as it
// is: the title, the header block (表号, 填报单位, 所属期, 负责人, 填表人,
// 联系电话, 报出日期) in merged cells, the indicator table with a
// definition each, the table by region, borders throughout, A4 portrait
// fitted to one page wide with the print area set. The file appears
// complete or not at all.
func WriteStats(r *stats.Report, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", statsSheet); err != nil {
		return err
	}
	if err := fillStats(f, r); err != nil {
		return fmt.Errorf("生成报表失败：%w", err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("生成报表失败：%w", err)
	}
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法保存 %s：%w", path, err)
	}
	return nil
}

// ExportStats writes the form to path (WriteStats) and records the export
// in the audit log, with the figures a correction changed when the report
// is a 更正版.
func ExportStats(s *storage.Store, r *stats.Report, path string) error {
	if err := WriteStats(r, path); err != nil {
		return err
	}
	if err := s.Audit(data.ActExport, "report", len(r.Indicators),
		fmt.Sprintf("导出%s（%s）%s%s", r.Title(), r.Period.Label(), filepath.Base(path), r.CorrectionNote())); err != nil {
		return fmt.Errorf("已导出，但写操作日志失败：%w", err)
	}
	return nil
}

func fillStats(f *excelize.File, r *stats.Report) error {
	sh := statsSheet
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			panic("sheet: " + err.Error()) // the styles below are constant
		}
		return id
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	title := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: center})
	label := style(&excelize.Style{Font: &excelize.Font{Size: 10}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	value := style(&excelize.Style{Font: &excelize.Font{Size: 10}, Alignment: left,
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	head := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 10}, Alignment: center, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6E6E6"}}})
	cell := style(&excelize.Style{Font: &excelize.Font{Size: 10}, Alignment: left, Border: border})
	mid := style(&excelize.Style{Font: &excelize.Font{Size: 10}, Alignment: center, Border: border})
	// Figures show as many decimals as they have (money's fen, the
	// percent's tenth): a format like #,##0.## would leave Excel showing
	// "12." for a whole number.
	figureStyles := map[[2]int]int{}
	figureStyle := func(decimals int, bold bool) int {
		b := 0
		if bold {
			b = 1
		}
		if id, ok := figureStyles[[2]int{decimals, b}]; ok {
			return id
		}
		format := "#,##0"
		if decimals > 0 {
			format += "." + strings.Repeat("0", decimals)
		}
		id := style(&excelize.Style{Font: &excelize.Font{Size: 10, Bold: bold}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"},
			Border: border, CustomNumFmt: ptr(format)})
		figureStyles[[2]int{decimals, b}] = id
		return id
	}
	num := figureStyle(0, false)
	small := style(&excelize.Style{Font: &excelize.Font{Size: 9, Color: "555555"}, Alignment: left})

	// A corrected report (更正版) has a 更正数 column beside the submitted
	// figure (报出数), in E; the definitions and codes move one right.
	widths := []float64{6, 24, 8, 12, 46, 24}
	if r.Corrected {
		widths = slices.Insert(widths, 4, 12)
	}
	last, _ := excelize.ColumnNumberToName(len(widths))
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	set := func(ref string, v any, st int) {
		f.SetCellValue(sh, ref, v)
		f.SetCellStyle(sh, ref, ref, st)
	}
	merge := func(a, b string, v any, st int) error {
		set(a, v, st)
		if err := f.MergeCell(sh, a, b); err != nil {
			return err
		}
		return f.SetCellStyle(sh, a, b, st)
	}
	h := r.Header
	if err := merge("A1", last+"1", r.Title(), title); err != nil {
		return err
	}
	f.SetRowHeight(sh, 1, 30)
	// The header block: label in A..B or D, the value merged beside it.
	for i, kv := range [][4]string{
		{"表号：", h.FormNo, "填报单位：", h.Union},
		{"所属期：", h.Period, "负责人：", h.Head},
		{"填表人：", h.Clerk, "联系电话：", h.Phone},
		{"报出日期：", h.Reported, "", ""},
	} {
		row := i + 2
		set(fmt.Sprintf("A%d", row), kv[0], label)
		if err := merge(fmt.Sprintf("B%d", row), fmt.Sprintf("C%d", row), kv[1], value); err != nil {
			return err
		}
		if kv[2] != "" {
			set(fmt.Sprintf("D%d", row), kv[2], label)
			if err := merge(fmt.Sprintf("E%d", row), fmt.Sprintf("%s%d", last, row), kv[3], value); err != nil {
				return err
			}
		}
		f.SetRowHeight(sh, row, 20)
	}
	row := 7
	heads := []string{"序号", "指标", "单位", "数值", "指标解释", "代码"}
	if r.Corrected {
		heads = []string{"序号", "指标", "单位", "报出数", "更正数", "指标解释", "代码"}
	}
	for i, hd := range heads {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		set(ref, hd, head)
	}
	number := func(ref string, v json.Number, bold bool) {
		decimals := 0
		if _, frac, ok := strings.Cut(string(v), "."); ok {
			decimals = len(frac)
		}
		st := figureStyle(decimals, bold)
		if x, err := strconv.ParseFloat(string(v), 64); err == nil {
			set(ref, x, st)
		} else {
			set(ref, string(v), st)
		}
	}
	for i, in := range r.Indicators {
		row++
		set(fmt.Sprintf("A%d", row), i+1, mid)
		set(fmt.Sprintf("B%d", row), in.Label, cell)
		set(fmt.Sprintf("C%d", row), in.Unit, mid)
		col := 4
		if r.Corrected {
			number(fmt.Sprintf("D%d", row), *in.Submitted, false)
			// The figures a correction changed stand out.
			number(fmt.Sprintf("E%d", row), in.Value, *in.Submitted != in.Value)
			col++
		} else {
			number(fmt.Sprintf("D%d", row), in.Value, false)
		}
		ref, _ := excelize.CoordinatesToCellName(col+1, row)
		set(ref, in.Definition, cell)
		ref, _ = excelize.CoordinatesToCellName(col+2, row)
		set(ref, string(in.Code), cell)
	}
	// The second table, by region (the figures as counted now).
	row += 2
	if err := merge(fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), "按"+r.RowsBy+"统计", head); err != nil {
		return err
	}
	row++
	for i, hd := range []string{"序号", r.RowsBy, "地区代码", "上岗人数", "其中：脱贫劳动力", "期末在岗人数"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		set(ref, hd, head)
	}
	for i, x := range r.Rows {
		row++
		set(fmt.Sprintf("A%d", row), i+1, mid)
		set(fmt.Sprintf("B%d", row), x.Name, cell)
		set(fmt.Sprintf("C%d", row), x.Region, mid)
		set(fmt.Sprintf("D%d", row), x.Started, num)
		set(fmt.Sprintf("E%d", row), x.Poverty, num)
		set(fmt.Sprintf("F%d", row), x.InWorkEnd, num)
	}
	row += 2
	note := "说明：各项指标按所属期末的记录日期计算，已删除的记录不计；金额单位为元。由对口劳务协作系统生成。"
	if r.Corrected {
		note = "说明：本表为更正版，报出后有记录更正；更正数为按现有记录重新计算的数字，与报出数不同的加粗；按地区统计为更正后的数字。" + note[len("说明："):]
	}
	if err := merge(fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), note, small); err != nil {
		return err
	}
	size, one, zero, portrait, fit := 9, 1, 0, "portrait", true
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &portrait, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, last, row), Scope: sh})
}

func ptr[T any](v T) *T { return &v }
