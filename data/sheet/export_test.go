package sheet

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/ident"
)

// readXLSX reads an export back with excelize: its rows as Excel would
// show them.
func readXLSX(t *testing.T, path string) (*excelize.File, [][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

func columnOf(t *testing.T, header []string, name string) int {
	t.Helper()
	i := slices.Index(header, name)
	if i < 0 {
		t.Fatalf("no column %s in %v", name, header)
	}
	return i
}

func TestExportXLSXHasChineseHeadersLabelsAndMaskedNumbers(t *testing.T) {
	s := newStore(t)
	r := populate(t, s, 12)
	dir := t.TempDir()
	want := map[Kind]int{Workers: 12, Employers: 2, Demands: 2, Placements: 6}
	for _, k := range Kinds {
		path := filepath.Join(dir, string(k)+".xlsx")
		n, err := Export(s, k, path, ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[k]; ok && n != w {
			t.Fatalf("%s: exported %d rows, want %d", k, n, w)
		}
		f, rows := readXLSX(t, path)
		if len(rows) != n+1 {
			t.Fatalf("%s: %d rows read back for %d exported", k, len(rows), n)
		}
		spec, _ := exportSpecOf(k)
		for i, c := range spec.columns {
			if rows[0][i] != c.header {
				t.Fatalf("%s header %v", k, rows[0])
			}
		}
		sheet := f.GetSheetName(0)
		if sheet != k.Label() {
			t.Fatalf("sheet named %q", sheet)
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Fatalf("%s: header not frozen: %+v", k, panes)
		}
		if w, _ := f.GetColWidth(sheet, "A"); w != spec.columns[0].width {
			t.Fatalf("%s: column A width %v", k, w)
		}
		all := flatten(rows)
		for _, w := range r.workers {
			if strings.Contains(all, w.IDNumber) || strings.Contains(all, w.Phone) {
				t.Fatalf("%s export holds a full ID number or phone", k)
			}
		}
	}

	_, rows := readXLSX(t, filepath.Join(dir, "workers.xlsx"))
	h := rows[0]
	first := rows[1]
	if first[columnOf(t, h, "姓名")] != r.workers[0].Name ||
		first[columnOf(t, h, "身份证号")] != ident.MaskID(r.workers[0].IDNumber) ||
		first[columnOf(t, h, "联系电话")] != ident.MaskPhone(r.workers[0].Phone) ||
		first[columnOf(t, h, "户籍地")] != "甘肃省兰州市榆中县" ||
		first[columnOf(t, h, "工种")] != "家政服务员" ||
		first[columnOf(t, h, "技能等级")] != "四级/中级工" ||
		first[columnOf(t, h, "状态")] != "已就业" ||
		first[columnOf(t, h, "出生日期")] != r.workers[0].Birth.String() {
		t.Fatalf("worker row %v", first)
	}
	_, rows = readXLSX(t, filepath.Join(dir, "placements.xlsx"))
	h = rows[0]
	if rows[1][columnOf(t, h, "阶段")] != "已上岗" || rows[1][columnOf(t, h, "用工单位")] != "南京悦家家政服务有限公司" ||
		rows[1][columnOf(t, h, "上岗日期")] != "2026-04-05" || rows[1][columnOf(t, h, "工作地点")] != "江苏省南京市江宁区" {
		t.Fatalf("placement row %v", rows[1])
	}
	_, rows = readXLSX(t, filepath.Join(dir, "followups.xlsx"))
	h = rows[0]
	found := false
	for _, row := range rows[1:] {
		if row[columnOf(t, h, "类别")] == "送温暖慰问" {
			found = row[columnOf(t, h, "金额（元）")] == "500" && row[columnOf(t, h, "方式")] == "上门"
		}
	}
	if !found {
		t.Fatalf("no 送温暖慰问 row with 500 yuan: %v", rows)
	}

	log, _ := s.AuditLog(10)
	if log[0].Action != data.ActExport || !strings.Contains(log[0].Summary, "隐去") {
		t.Fatalf("last audit entry %+v", log[0])
	}
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestExportCSVIsUTF8WithBOM(t *testing.T) {
	s := newStore(t)
	r := populate(t, s, 4)
	path := filepath.Join(t.TempDir(), "劳动者.csv")
	if _, err := Export(s, Workers, path, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !bytes.HasPrefix(b, utf8BOM) || !bytes.Contains(b, []byte("\r\n")) {
		t.Fatalf("no BOM or no CRLF: %q", b[:20])
	}
	rows, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "姓名" || rows[1][0] != r.workers[0].Name || rows[1][3] != ident.MaskID(r.workers[0].IDNumber) {
		t.Fatalf("rows %v", rows[:2])
	}
}

// TestFullIDExportIsAuditedAndImportsElsewhere: with full numbers, the
// export of each importable kind imports into another office's database
// unchanged, and the audit log says full numbers left the building.
func TestFullIDExportIsAuditedAndImportsElsewhere(t *testing.T) {
	s := newStore(t)
	r := populate(t, s, 6)
	r.workers[1].DesiredRegions = []string{"320000", "320100"}
	r.workers[1].DesiredOccupations = []string{"housekeeper", "nanny"}
	r.workers[1].Skills = append(r.workers[1].Skills, data.Skill{Occupation: "nanny", Level: 1})
	if err := s.Update(r.workers[1]); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	other := newStore(t)
	for _, format := range []string{".xlsx", ".csv"} {
		for _, k := range []Kind{Employers, Demands, Workers} {
			path := filepath.Join(dir, string(k)+format)
			if _, err := Export(s, k, path, ExportOptions{FullIDs: true}); err != nil {
				t.Fatal(err)
			}
			log, _ := s.AuditLog(1)
			if log[0].Action != data.ActExport || !strings.Contains(log[0].Summary, "完整身份证号") {
				t.Fatalf("audit %+v", log[0])
			}
			rep, err := Import(other, k, path, Update, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Refused != 0 || len(rep.Ignored) != 0 {
				t.Fatalf("%s%s does not import cleanly:\n%s", k, format, rep.Text())
			}
			if format == ".csv" && (rep.New != 0 || rep.Updated != 0) {
				t.Fatalf("the csv of %s differs from the xlsx:\n%s", k, rep.Text())
			}
		}
	}
	for i, w := range r.workers {
		got, _, err := other.ListWorkers(data.WorkerFilter{Text: w.IDNumber}, data.Page{})
		if err != nil || len(got) != 1 {
			t.Fatalf("worker %d not found in the other office", i)
		}
		g := got[0]
		if g.Name != w.Name || g.Phone != w.Phone || g.HukouRegion != w.HukouRegion || g.Address != w.Address ||
			!slices.Equal(g.DesiredRegions, w.DesiredRegions) || !slices.Equal(g.DesiredOccupations, w.DesiredOccupations) ||
			!slices.Equal(g.Skills, w.Skills) || g.Consent != w.Consent {
			t.Fatalf("worker %d came across as\n%+v\nnot\n%+v", i, g, w)
		}
	}
}

// The default export keeps a home address down to the township; with full
// numbers asked for it carries the whole address (and the audit says so).
func TestExportMasksTheAddressBelowTheTownship(t *testing.T) {
	s := newStore(t)
	r := populate(t, s, 2)
	w := r.workers[0]
	w.Address = "甘肃省兰州市榆中县城关镇兴隆村3社"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	addressOf := func(path string) string {
		_, rows := readXLSX(t, path)
		col := columnOf(t, rows[0], "详细住址")
		for _, row := range rows[1:] {
			if row[columnOf(t, rows[0], "姓名")] == w.Name {
				return row[col]
			}
		}
		t.Fatalf("%s not exported", w.Name)
		return ""
	}
	masked := filepath.Join(dir, "masked.xlsx")
	if _, err := Export(s, Workers, masked, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := addressOf(masked); got != "甘肃省兰州市榆中县城关镇****" {
		t.Fatalf("default export address %q", got)
	}
	if log, _ := s.AuditLog(1); !strings.Contains(log[0].Summary, "详细住址只留到乡镇") {
		t.Fatalf("audit %q", log[0].Summary)
	}
	full := filepath.Join(dir, "full.xlsx")
	if _, err := Export(s, Workers, full, ExportOptions{FullIDs: true}); err != nil {
		t.Fatal(err)
	}
	if got := addressOf(full); got != w.Address {
		t.Fatalf("full export address %q", got)
	}
	if log, _ := s.AuditLog(1); !strings.Contains(log[0].Summary, "详细住址") || log[0].Action != data.ActExport {
		t.Fatalf("audit %+v", log[0])
	}
}
