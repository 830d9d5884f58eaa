package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"duikou/data"
)

// reportDB is an office with one worker who started work in Nanjing on
// 2026-10-31 with a contract, and one 欠薪 case recovered in October.
func reportDB(t *testing.T) string {
	t.Helper()
	db, s, d := officeWithDemand(t, 4, data.MakeDate(2026, 10, 8))
	defer s.Close()
	must := func(err error) { mustDo(t, err) }
	w := &data.Worker{Name: "王秀兰", IDNumber: yuzhongWoman(1),
		HukouRegion: "620123", Poverty: data.PovertyMonitored, Consent: true}
	must(s.Create(w))
	oct31 := data.MakeDate(2026, 10, 31)
	must(s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted, ReferredOn: data.MakeDate(2026, 10, 1),
		HiredOn: oct31, StartedOn: oct31, ContractSigned: true, ContractDate: oct31}))
	must(s.Create(&data.FollowUp{WorkerID: w.ID, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 10, 3),
		DoneOn: data.MakeDate(2026, 10, 20), Status: data.FollowUpDone, Method: "phone", Amount: data.Yuan(4500)}))
	return db
}

func TestReportJSONShape(t *testing.T) {
	db := reportDB(t)
	code, out, errOut := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		From, To, Office string
		Indicators       []struct {
			Code, Label string
			Value       json.Number
		}
		Rows []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.From != "2026-10-01" || got.To != "2026-10-31" || got.Office != "榆中县总工会" || got.Rows == nil {
		t.Fatalf("%s", out)
	}
	want := map[string]string{"placements_started": "1", "started_cross_province": "1", "started_poverty": "1",
		"in_work_end": "1", "contracts_signed_pct": "100", "arrears_cases_opened": "1", "arrears_cases_closed": "1",
		"arrears_recovered_yuan": "4500", "arrears_owed_yuan": "0", "demands_new": "1", "positions_new": "4",
		"workers_registered": "0", "followups_done_arrears": "1"}
	seen := map[string]bool{}
	for _, in := range got.Indicators {
		seen[in.Code] = true
		if w, ok := want[in.Code]; ok && string(in.Value) != w {
			t.Errorf("%s = %s, want %s", in.Code, in.Value, w)
		}
		if in.Label == "" {
			t.Errorf("%s has no label", in.Code)
		}
	}
	for c := range want {
		if !seen[c] {
			t.Errorf("no %s", c)
		}
	}
	// The same figures by quarter and by range.
	for _, args := range [][]string{
		{"report", "quarterly", "--quarter", "2026Q4", "--db", db, "--json"},
		{"report", "--from", "2026-10-31", "--to", "2026-10-31", "--db", db, "--json"},
	} {
		code, out, errOut := runCLI(args...)
		if code != ExitOK || !strings.Contains(out, `{"code":"placements_started","label":"上岗人数","value":1}`) {
			t.Errorf("%v: exit %d %s%s", args, code, out, errOut)
		}
	}
}

func TestReportBadInputOneLineExit2NothingWritten(t *testing.T) {
	db := reportDB(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report", "monthly", "--month", "2026-13"},
		{"report", "monthly", "--month", "2099-01"},
		{"report", "monthly"},
		{"report", "quarterly", "--quarter", "2026Q5"},
		{"report", "quarterly", "--quarter", "2099Q1"},
		{"report", "--from", "2026-10-02", "--to", "2026-10-01"},
		{"report", "--from", "2099-01-01", "--to", "2099-01-31"},
		{"report", "--from", "2026-10-01"},
		{"report", "yearly", "--month", "2026-10"},
	} {
		args = append(args, "--db", db, "-o", filepath.Join(dir, "报表.xlsx"))
		code, out, errOut := runCLI(args...)
		if code != ExitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("%v: exit %d %q %q", args, code, out, errOut)
		}
	}
	if code, _, _ := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "-o", filepath.Join(dir, "报表.doc")); code != ExitUsage {
		t.Errorf(".doc: exit %d", code)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("written: %v", ents)
	}
}

func TestReportXLSXAndPDFReadBack(t *testing.T) {
	db := reportDB(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "月报.xlsx")
	if code, out, errOut := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "-o", xlsx); code != ExitOK {
		t.Fatalf("exit %d %s%s", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cell := func(ref string) string { v, _ := f.GetCellValue("统计报表", ref); return v }
	if cell("A1") != "劳务协作工作统计月报表" || cell("B2") != "对口劳协统1表" || cell("E2") != "榆中县总工会" ||
		cell("B3") != "2026年10月" || cell("B4") != "李娟" || cell("A5") != "报出日期：" {
		t.Errorf("header: %q %q %q %q %q", cell("A1"), cell("B2"), cell("E2"), cell("B3"), cell("B4"))
	}
	merged, _ := f.GetMergeCells("统计报表")
	if len(merged) < 8 {
		t.Errorf("%d merged ranges", len(merged))
	}
	rows, _ := f.GetRows("统计报表")
	figures := map[string][]string{}
	for _, r := range rows {
		if len(r) == 6 {
			figures[r[5]] = r
		}
	}
	if r := figures["placements_started"]; r == nil || r[1] != "上岗人数" || r[3] != "1" || r[4] == "" {
		t.Errorf("placements_started row %q", r)
	}
	if r := figures["arrears_recovered_yuan"]; r == nil || r[3] != "4,500" {
		t.Errorf("arrears_recovered_yuan row %q", r)
	}
	st, _ := f.GetCellStyle("统计报表", "D8")
	if s, _ := f.GetStyle(st); s == nil || len(s.Border) != 4 {
		t.Errorf("no borders on the figures: %+v", s)
	}
	if names := f.GetDefinedName(); len(names) == 0 || names[0].Name != "_xlnm.Print_Area" {
		t.Errorf("print area %+v", names)
	}

	pdf := filepath.Join(dir, "月报.pdf")
	if code, out, errOut := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "-o", pdf); code != ExitOK {
		t.Fatalf("exit %d %s%s", code, out, errOut)
	}
	text := pdfRaw(t, pdf)
	for _, want := range []string{"劳务协作工作统计月报表", "填报单位：榆中县总工会", "所属期：2026年10月", "表号：对口劳协统1表",
		"填表人：李娟", "上岗人数人次1", "追回欠薪金额元4,500", "劳动合同签订率%100%", "南京市"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}
