package sheet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
	"duikou/data/subsidy"
)

// ReadLines reads the first sheet of a spreadsheet (.xlsx, or .csv in
// UTF-8 or GB18030/GBK, told apart by content) as numbered rows of text,
// for a file that is not a roster of records: a subsidy rules table. A
// file that cannot be read is a *FileError.
func ReadLines(path string) ([]subsidy.Line, error) {
	t, err := openTable(path)
	if err != nil {
		return nil, err
	}
	defer t.close()
	it, err := t.rows(t.sheets()[0])
	if err != nil {
		return nil, err
	}
	defer it.close()
	var out []subsidy.Line
	for {
		cells, row, err := it.next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fileErr("读取 %s 第 %d 行失败：%v", path, row, err)
		}
		out = append(out, subsidy.Line{Row: row, Cells: append([]string(nil), cells...)})
	}
}

// ReadSubsidyRules reads and checks a rules file: a *FileError when it
// cannot be read, a *subsidy.RulesError (prefixed with the file's name)
// when a row is wrong.
func ReadSubsidyRules(path string) (subsidy.Rules, error) {
	lines, err := ReadLines(path)
	if err != nil {
		return nil, err
	}
	rules, err := subsidy.ParseRules(lines)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", filepath.Base(path), err)
	}
	return rules, nil
}

// The roster workbook's sheets.
const (
	RosterSheet   = "申报花名册"
	ExcludedSheet = "未纳入名单"
)

var rosterColumns = []column{
	{"序号", 6}, {"姓名", 10}, {"身份证号", 21}, {"户籍地", 24}, {"用工单位", 28}, {"务工地", 24},
	{"上岗日期", 12}, {"务工月数", 9}, {"去向", 12}, {"金额（元）", 11},
}

var excludedColumns = []column{
	{"序号", 6}, {"姓名", 10}, {"身份证号", 21}, {"户籍地", 24}, {"原因", 16}, {"说明", 60},
}

// WriteRoster writes a 申报花名册: the workers to be paid, one row each
// with a 合计 row under them, and a second sheet of every worker left off
// and why. ID numbers are masked unless fullIDs. The file appears
// complete or not at all.
func WriteRoster(r *subsidy.Roster, path string, fullIDs bool) error {
	id := func(s string) string {
		if fullIDs || s == "" {
			return s
		}
		return ident.MaskID(s)
	}
	x, err := newXLSXWriter(RosterSheet, "补贴申报花名册（"+r.Program+"）", rosterColumns)
	if err != nil {
		return err
	}
	tmp := path + ".partial"
	fail := func(err error) error {
		x.abort()
		os.Remove(tmp)
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	for i, e := range r.Eligible {
		w, p := e.Worker, e.Placement
		if err := x.write([]any{i + 1, w.Name, id(w.IDNumber), placeName(w.HukouRegion), p.Employer, placeName(p.WorkRegion),
			p.Start, e.Months, e.Destination(), e.Amount()}); err != nil {
			return fail(err)
		}
	}
	if err := x.write([]any{"合计", fmt.Sprintf("%d 人", len(r.Eligible)), "", "", "", "", "", "", "", r.Total}); err != nil {
		return fail(err)
	}
	if err := x.nextSheet(ExcludedSheet, excludedColumns); err != nil {
		return fail(err)
	}
	for i, ex := range r.Excluded {
		w := ex.Worker
		if err := x.write([]any{i + 1, w.Name, id(w.IDNumber), placeName(w.HukouRegion), string(ex.Reason), ex.Detail}); err != nil {
			return fail(err)
		}
	}
	if err := x.finish(tmp); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法保存 %s：%w", path, err)
	}
	return nil
}

// ExportRoster writes a 申报花名册 (WriteRoster) and records the export in
// the audit log, saying whether whole ID numbers went into it.
func ExportRoster(s *storage.Store, r *subsidy.Roster, path string, fullIDs bool) error {
	if err := WriteRoster(r, path, fullIDs); err != nil {
		return err
	}
	how := "身份证号已隐去中间部分"
	if fullIDs {
		how = "含完整身份证号"
	}
	if err := s.Audit(data.ActExport, string(data.TableClaims), len(r.Eligible), fmt.Sprintf("导出“%s”申报花名册 %d 人、未纳入 %d 人，%s（%s）",
		r.Program, len(r.Eligible), len(r.Excluded), filepath.Base(path), how)); err != nil {
		return fmt.Errorf("已导出，但写操作日志失败：%w", err)
	}
	return nil
}

// placeName is a region's full name, or its code when the catalog does
// not know it.
func placeName(code string) string {
	if n := catalog.FullName(code); n != "" {
		return n
	}
	return code
}

// subsidyExample is the 崇信县 table (甘人社通〔2024〕155号): 400 yuan for
// work in 陕西 or 宁夏, 600 elsewhere outside the province, 300 inside the
// province outside the city, 200 inside the city outside the county.
var subsidyExample = [][]string{
	{"一次性交通补贴", "陕西", "400", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
	{"一次性交通补贴", "宁夏", "400", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
	{"一次性交通补贴", "跨省", "600", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
	{"一次性交通补贴", "省内跨市", "300", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
	{"一次性交通补贴", "市内跨县", "200", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
}

var subsidyNotes = [][]string{
	{"列", "怎么填"},
	{"项目", "补贴项目名称，如一次性交通补贴、稳岗补贴；同一文件可有多个项目，每人每个项目只补贴一次"},
	{"去向", "跨省、省内跨市、市内跨县、县内，或省份名称（如陕西、宁夏）、两位省级代码（如 61）；省份行优先于“跨省”行"},
	{"金额（元）", "每人补贴金额，不能为负数"},
	{"最少务工月数", "上岗日期加满这些个月（按日历月，如 8 月 31 日加 3 个月为 12 月 1 日）不晚于离职、返乡日期或核算日才补贴；空为 0"},
	{"对象", "脱贫户、监测对象、脱贫户和监测对象，或全部"},
	{"上岗起、上岗止", "上岗日期在此范围内（含两端）的才补贴；空表示不限。同一项目、同一去向的几行范围不能交叉"},
}

// WriteSubsidyTemplate writes an example rules file: the 崇信县 table on
// the first sheet, what each column means on a second.
func WriteSubsidyTemplate(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const rules, notes = "补贴规则", "填写说明"
	if err := f.SetSheetName("Sheet1", rules); err != nil {
		return err
	}
	if _, err := f.NewSheet(notes); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Border: thinBorder()})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49, Border: thinBorder()}) // dates stay text as typed
	if err != nil {
		return err
	}
	put := func(sheet string, rows [][]string, widths []float64) error {
		for r, cells := range rows {
			for c, v := range cells {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(sheet, cell, v); err != nil {
					return err
				}
				style := text
				if r == 0 {
					style = head
				}
				if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
					return err
				}
			}
		}
		for c, w := range widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(sheet, col, col, w); err != nil {
				return err
			}
		}
		return nil
	}
	if err := put(rules, append([][]string{subsidy.Headers}, subsidyExample...), []float64{18, 12, 11, 13, 18, 12, 12}); err != nil {
		return err
	}
	if err := put(notes, subsidyNotes, []float64{16, 90}); err != nil {
		return err
	}
	tmp := path + ".partial"
	if err := saveWorkbook(f, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法保存 %s：%w", path, err)
	}
	return nil
}
