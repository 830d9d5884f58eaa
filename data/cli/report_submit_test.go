package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

// reportJSON runs duikou report … --json and decodes it.
type reportJSON struct {
	ReportedOn string `json:"reported_on"`
	Corrected  bool
	Indicators []struct {
		Code      string
		Value     json.Number
		Submitted *json.Number
	}
}

func runReportJSON(t *testing.T, args ...string) reportJSON {
	t.Helper()
	code, out, errOut := runCLI(append(args, "--json")...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d %s", args, code, errOut)
	}
	var r reportJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

// October is submitted (报出) with the 负责人 and phone given on the
// command line; a second 报出 is refused; then a clerk enters a start she
// had forgotten and corrects the recovered wages from 4,500 to 4,800
// yuan: October's --json, xlsx and PDF show the submitted figure and the
// corrected one, and the reprint says 更正版.
func TestReportSubmitThenCorrection(t *testing.T) {
	db := reportDB(t)
	today := data.Today()
	code, out, errOut := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "--submit",
		"--head", "张建国", "--phone", "0931-5221234")
	if code != ExitOK || !strings.Contains(out, "已报出劳务协作工作统计月报表（2026年10月），报出日期 "+today.String()) {
		t.Fatalf("报出: exit %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI("report", "monthly", "--month", "2026-10", "--db", db, "--submit")
	if code != ExitUsage || out != "" || !strings.Contains(errOut, "已于 "+today.String()+" 报出") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("second 报出: exit %d %q %q", code, out, errOut)
	}
	thisMonth := today.String()[:7]
	if code, _, errOut := runCLI("report", "monthly", "--month", thisMonth, "--db", db, "--submit"); code != ExitUsage ||
		!strings.Contains(errOut, "结束后才能报出") {
		t.Fatalf("报出 of the running month: exit %d %q", code, errOut)
	}
	r := runReportJSON(t, "report", "monthly", "--month", "2026-10", "--db", db)
	if r.ReportedOn != today.String() || r.Corrected {
		t.Fatalf("after 报出: reported_on %q corrected %v", r.ReportedOn, r.Corrected)
	}
	for _, in := range r.Indicators {
		if in.Submitted == nil || *in.Submitted != in.Value {
			t.Fatalf("%s: submitted %v value %s", in.Code, in.Submitted, in.Value)
		}
	}

	correct(t, db)
	r = runReportJSON(t, "report", "monthly", "--month", "2026-10", "--db", db)
	want := map[string][2]string{ // 报出数, 更正数
		"placements_started":     {"1", "2"},
		"started_cross_province": {"1", "2"},
		"started_poverty":        {"1", "1"},
		"contracts_signed_pct":   {"100", "50"},
		"arrears_recovered_yuan": {"4500", "4800"},
		"in_work_end":            {"1", "2"},
	}
	if !r.Corrected {
		t.Error("not marked corrected")
	}
	for _, in := range r.Indicators {
		if w, ok := want[in.Code]; ok && (in.Submitted == nil || string(*in.Submitted) != w[0] || string(in.Value) != w[1]) {
			t.Errorf("%s: submitted %v value %s, want %s → %s", in.Code, in.Submitted, in.Value, w[0], w[1])
		}
	}

	dir := t.TempDir()
	xlsx := filepath.Join(dir, "更正.xlsx")
	if code, out, errOut := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "-o", xlsx); code != ExitOK ||
		!strings.Contains(out, "（更正版）") {
		t.Fatalf("xlsx: exit %d %q %q", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cell := func(ref string) string { v, _ := f.GetCellValue("统计报表", ref); return v }
	if cell("A1") != "劳务协作工作统计月报表（更正版）" || cell("E3") != "张建国" || cell("E4") != "0931-5221234" ||
		cell("B5") != today.String() || cell("D7") != "报出数" || cell("E7") != "更正数" {
		t.Errorf("header: %q %q %q %q %q %q", cell("A1"), cell("E3"), cell("E4"), cell("B5"), cell("D7"), cell("E7"))
	}
	rows, _ := f.GetRows("统计报表")
	byCode := map[string][]string{}
	for _, row := range rows {
		if len(row) == 7 {
			byCode[row[6]] = row
		}
	}
	if row := byCode["placements_started"]; row == nil || row[3] != "1" || row[4] != "2" {
		t.Errorf("placements_started row %q", row)
	}
	if row := byCode["arrears_recovered_yuan"]; row == nil || row[3] != "4,500" || row[4] != "4,800" {
		t.Errorf("arrears_recovered_yuan row %q", row)
	}

	pdf := filepath.Join(dir, "更正.pdf")
	if code, _, errOut := runCLI("report", "monthly", "--month", "2026-10", "--db", db, "-o", pdf); code != ExitOK {
		t.Fatalf("pdf: exit %d %s", code, errOut)
	}
	s := openStore(t, db)
	log, _ := s.AuditLog(50)
	s.Close()
	var submitted, printed bool
	noted := 0
	for _, e := range log {
		submitted = submitted || (e.Action == data.ActSubmit && strings.Contains(e.Summary, "2026年10月"))
		printed = printed || (e.Action == data.ActPrint && strings.Contains(e.Summary, "更正版：上岗人数 1→2"))
		if strings.HasPrefix(e.Summary, "报出后更正：") && strings.Contains(e.Summary, "追回欠薪金额 4500→4800") {
			noted++
		}
	}
	if !submitted || !printed || noted != 1 {
		t.Errorf("audit: 报出 %v, reprint with its corrections %v, correction noted %d times", submitted, printed, noted)
	}
	text := pdfRaw(t, pdf)
	for _, want := range []string{"劳务协作工作统计月报表（更正版）", "报出日期：" + today.String(), "负责人：张建国",
		"报出数", "更正数", "上岗人数人次1*2", "追回欠薪金额元4,500*4,800", "其中：脱贫劳动力人次11"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}

// correct is a clerk's late entry in reportDB's October: a second worker
// who started on 2026-10-15 without a contract, and the recovered wages
// of the 欠薪 case corrected to 4,800 yuan.
func correct(t *testing.T, db string) {
	t.Helper()
	s := openStore(t, db)
	defer s.Close()
	var d *data.Demand
	s.EachDemand(data.DemandFilter{}, func(x *data.Demand) error { d = x; return nil })
	w := &data.Worker{Name: "李建军", IDNumber: ident.MakeID("620123", time.Date(1988, 6, 1, 0, 0, 0, 0, time.UTC), 2, false),
		HukouRegion: "620123", Consent: true}
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	oct15 := data.MakeDate(2026, 10, 15)
	if err := s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted, ReferredOn: oct15,
		HiredOn: oct15, StartedOn: oct15}); err != nil {
		t.Fatal(err)
	}
	var fu *data.FollowUp
	s.EachFollowUp(data.FollowUpFilter{Kind: data.KindArrears}, storage.DateRange{}, func(x *data.FollowUp) error { fu = x; return nil })
	fu.Amount = data.Yuan(4800)
	if err := s.Update(fu); err != nil {
		t.Fatal(err)
	}
}
