package sheet

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"duikou/data"
)

// TestXLSXAsExcelSavesIt reads a workbook the way Excel leaves a roster:
// the data on the second sheet (active), a merged title row and a blank row
// above the header, dates as date cells, phones and wages as numbers, one
// ID number typed into a General cell (so stored as a rounded number) and
// one as text with a trailing space.
func TestXLSXAsExcelSavesIt(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	f := excelize.NewFile()
	f.NewSheet("花名册")
	f.SetCellStr("Sheet1", "A1", "说明：本表为示例")
	sh := "花名册"
	f.SetCellStr(sh, "A1", "榆中县外出务工人员花名册")
	f.MergeCell(sh, "A1", "G1")
	headers := []string{"序号", "姓名", "身份证号码", "联系电话", "户籍地", "可出行日期", "期望月薪"}
	for i, h := range headers {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		f.SetCellStr(sh, cell, h)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{1, "王秀兰", idNumber(41, true) + " ", 13893112345, "榆中县", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 5000},
		{2, "李建国", 6.20123199003141e17, 13993154321, "620123", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 5500.5},
		{3, "张丽", idNumber(43, true), "13893100003", "兰州市 榆中县", "2026年3月5日", "4,800"},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+4)
			f.SetCellValue(sh, cell, v)
			if c == 5 {
				f.SetCellStyle(sh, cell, cell, dateStyle)
			}
		}
	}
	idx, _ := f.GetSheetIndex(sh)
	f.SetActiveSheet(idx)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.HeaderRow != 3 || rep.New != 2 || rep.Refused != 1 || !strings.Contains(rep.Format, "花名册") {
		t.Fatalf("%s", rep.Text())
	}
	if p := rep.Problems[0]; p.Row != 5 || p.Column != "身份证号码" || p.Reason != msgIDRounded {
		t.Fatalf("problem %s", p)
	}
	ws, _, _ := s.ListWorkers(data.WorkerFilter{}, data.Page{})
	if ws[0].AvailableFrom != data.MakeDate(2026, 3, 1) || ws[0].Phone != "13893112345" || ws[0].ExpectedWage != data.Yuan(5000) {
		t.Fatalf("王秀兰 read as available %s phone %s wage %s", ws[0].AvailableFrom, ws[0].Phone, ws[0].ExpectedWage)
	}
	if ws[1].AvailableFrom != data.MakeDate(2026, 3, 5) || ws[1].ExpectedWage != data.Yuan(4800) || ws[1].HukouRegion != "620123" {
		t.Fatalf("张丽 read as %+v", ws[1])
	}
}

// TestXLSXTemplateRoundTrip: a template filled in by a clerk imports, and
// its example row is left out.
func TestXLSXTemplateRoundTrip(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	for _, k := range []Kind{Workers, Employers, Demands} {
		path := filepath.Join(dir, string(k)+".xlsx")
		if err := WriteTemplate(k, path); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[0] != k.Label() || sheets[1] != "填写说明" {
			t.Fatalf("%s template sheets %v", k, sheets)
		}
		head, _ := f.GetRows(k.Label())
		if len(head) != 2 {
			t.Fatalf("%s template has %d rows", k, len(head))
		}
		panes, _ := f.GetPanes(k.Label())
		if !panes.Freeze || panes.YSplit != 1 {
			t.Fatalf("%s template header not frozen: %+v", k, panes)
		}
		f.Close()
	}

	// Fill in the worker template below the example row.
	path := filepath.Join(dir, string(Workers)+".xlsx")
	f, _ := excelize.OpenFile(path)
	head, _ := f.GetRows(Workers.Label())
	col := map[string]string{}
	for i, h := range head[0] {
		col[h], _ = excelize.ColumnNumberToName(i + 1)
	}
	for r := 3; r <= 5; r++ {
		n := strconv.Itoa(r)
		f.SetCellStr(Workers.Label(), col["姓名"]+n, "工人"+n)
		f.SetCellStr(Workers.Label(), col["身份证号"]+n, idNumber(50+r, r%2 == 0))
		f.SetCellStr(Workers.Label(), col["户籍地"]+n, "甘肃省兰州市榆中县")
		f.SetCellStr(Workers.Label(), col["技能等级"]+n, "三级/高级工")
		f.SetCellStr(Workers.Label(), col["工种"]+n, "育婴员")
	}
	f.Save()
	f.Close()
	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 3 || rep.Refused != 0 || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "第2行是模板里的示例") {
		t.Fatalf("%s", rep.Text())
	}
}
