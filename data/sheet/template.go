package sheet

import (
	"duikou/data/filewrite"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/catalog"
)

// textColumns are typed as text in templates, so Excel keeps an 18-digit
// number as the clerk typed it instead of rounding it to 15 digits.
var textColumns = map[string]bool{"id": true, "phone": true, "code": true, "employer_code": true, "cert": true}

// dropLists offer the accepted labels as a drop-down in templates.
func dropLists(kind Kind) map[string][]string {
	yesNo := []string{"是", "否"}
	switch kind {
	case Workers:
		return map[string][]string{
			"education": pickLabels(data.Educations), "poverty": pickLabels(data.Poverties),
			"status": pickLabels(data.WorkerStatuses), "consent": yesNo, "level": levelLabels(),
		}
	case Employers:
		return map[string][]string{"union": yesNo}
	case Demands:
		return map[string][]string{
			"sex": {"不限", "限男性", "限女性"}, "board": yesNo, "lodging": yesNo,
			"status": pickLabels(data.DemandStatuses), "level": levelLabels(),
		}
	}
	return nil
}

func pickLabels(list []data.Labelled) []string {
	out := make([]string, len(list))
	for i, l := range list {
		out[i] = l.Label
	}
	return out
}

func levelLabels() []string {
	var out []string
	for _, l := range catalog.SkillLevels() {
		out = append(out, l.Label())
	}
	return out
}

// templateRows is how far down drop-downs and text formats reach.
const templateRows = 5000

// WriteTemplate writes an import template for a kind to path (.xlsx): the
// header row (required columns in red), one example row, drop-downs for
// columns with fixed choices, ID and phone columns formatted as text, and
// a sheet of notes on every column.
func WriteTemplate(kind Kind, path string) error {
	rk, err := kindOf(kind)
	if err != nil {
		return err
	}
	spec := rk.spec()
	var fields []field
	for _, f := range spec.fields {
		if !f.alt {
			fields = append(fields, f)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := kind.Label()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, _ := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border:    thinBorder(),
	})
	required, _ := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "C00000"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border:    thinBorder(),
	})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	example, _ := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Italic: true, Color: "7F7F7F"}})
	lists := dropLists(kind)
	for i, fd := range fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := float64(max(10, 2*utf8.RuneCountInString(fd.header)+4, utf8.RuneCountInString(fd.example)+6))
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
		if textColumns[fd.key] {
			if err := f.SetColStyle(sheet, col, text); err != nil {
				return err
			}
		}
		style := head
		if fd.required {
			style = required
		}
		if err := f.SetCellStr(sheet, col+"1", fd.header); err != nil {
			return err
		}
		f.SetCellStyle(sheet, col+"1", col+"1", style)
		if fd.example != "" {
			f.SetCellStr(sheet, col+"2", fd.example)
			f.SetCellStyle(sheet, col+"2", col+"2", example)
		}
		if choices, ok := lists[fd.key]; ok {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, templateRows))
			if err := dv.SetDropList(choices); err != nil {
				return err
			}
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := writeTemplateNotes(f, kind, fields); err != nil {
		return err
	}
	a4, landscape, one, any, fit := 9, "landscape", 1, 0, true
	for _, sh := range f.GetSheetList() {
		f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any})
		f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit})
	}
	f.SetActiveSheet(0)
	if err := saveWorkbook(f, filewrite.TempName(path)); err != nil {
		return filewrite.Abandon(path, err)
	}
	return filewrite.Commit(path)
}

// writeTemplateNotes adds the 填写说明 sheet.
func writeTemplateNotes(f *excelize.File, kind Kind, fields []field) error {
	const notes = "填写说明"
	if _, err := f.NewSheet(notes); err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Border: thinBorder()})
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: thinBorder()})
	f.SetColWidth(notes, "A", "A", 18)
	f.SetColWidth(notes, "B", "B", 8)
	f.SetColWidth(notes, "C", "C", 60)
	f.SetColWidth(notes, "D", "D", 40)
	f.SetCellStr(notes, "A1", kind.Label()+"导入模板填写说明")
	f.SetCellStyle(notes, "A1", "A1", bold)
	general := []string{
		"1. 在“" + kind.Label() + "”工作表中填写，每人（每条）一行；第2行是示例，请覆盖或删除（原样留下的示例行不会导入）。",
		"2. 红色列名为必填列。列的顺序可以调整；表头上方可以有标题行；也可以用本程序能识别的其他列名（见D列）。",
		"3. 导入前会先预览，逐行列出有误的地方（第几行、哪一列、原因），确认后才写入；已登记过的可选择跳过或更新。",
		"4. 可保存为 .xlsx，或“CSV（逗号分隔）”；不支持旧版 .xls，请另存为 .xlsx。",
	}
	for i, g := range general {
		f.SetCellStr(notes, fmt.Sprintf("A%d", i+2), g)
	}
	row := len(general) + 3
	for i, h := range []string{"列名", "必填", "填写说明", "也可使用的列名"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		f.SetCellStr(notes, cell, h)
		f.SetCellStyle(notes, cell, cell, head)
	}
	for _, fd := range fields {
		row++
		req := ""
		if fd.required {
			req = "必填"
		}
		note := fd.note
		if fd.example != "" {
			if note != "" {
				note += " "
			}
			note += "例：" + fd.example
		}
		vals := []string{fd.header, req, note, strings.Join(fd.aliases, "、")}
		for i, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			f.SetCellStr(notes, cell, v)
			f.SetCellStyle(notes, cell, cell, wrap)
		}
	}
	return nil
}
