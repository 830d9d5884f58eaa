package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"duikou/data"
	"duikou/data/storage"
)

// demoRules is the rules table of the demo test: a 江苏 row (the demo's
// workers all went to 南京) for starts from June, beating the 跨省 row for
// the whole year, and the in-province bands. The same table is written
// into the SQL below.
var demoRules = [][]string{
	{"项目", "去向", "金额（元）", "最少务工月数", "对象", "上岗起", "上岗止"},
	{"稳岗补贴", "江苏", "500", "3", "脱贫户和监测对象", "2026-08-01", "2026-12-31"},
	{"稳岗补贴", "跨省", "1500", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
	{"稳岗补贴", "省内跨市", "600", "3", "全部", "2026-01-01", "2026-12-31"},
	{"稳岗补贴", "市内跨县", "300", "2", "脱贫户", "2026-01-01", "2026-12-31"},
}

// ruleSQL is the same table for sqlite3: kind 'p' a province row, 'b' a
// band; targets as the poverty codes they pay.
const ruleSQL = `rules(kind, prov, band, amount, months, targets, f, t) AS (VALUES
  ('p', '32', NULL, 500, 3, ',lifted,monitored,', '2026-08-01', '2026-12-31'),
  ('b', NULL, 'xp', 1500, 3, ',lifted,monitored,', '2026-01-01', '2026-12-31'),
  ('b', NULL, 'xc', 600, 3, ',lifted,monitored,general,', '2026-01-01', '2026-12-31'),
  ('b', NULL, 'xk', 300, 2, ',lifted,', '2026-01-01', '2026-12-31'))`

// rosterSQL is the rule written independently in SQL: placements started
// by the 核算日 of live, unclaimed, not withdrawn workers; the province
// row when the worker crossed into a province that has one, else the
// band's; the 上岗 date in the window, the household a target, and
// date(start, '+N months') on or before the end (离职/返乡 date, or the
// 核算日); the first such placement per worker pays.
func rosterSQL(asOf string) string {
	return fmt.Sprintf(`WITH %s,
p AS (
  SELECT p.id, p.worker_id, p.started_on AS s, w.poverty AS pov,
         CASE WHEN p.stage IN ('left', 'returned') AND p.ended_on IS NOT NULL AND p.ended_on < '%[2]s'
              THEN p.ended_on ELSE '%[2]s' END AS e,
         substr(d.work_region, 1, 2) AS wp,
         CASE WHEN substr(w.hukou_region, 1, 2) <> substr(d.work_region, 1, 2) THEN 'xp'
              WHEN substr(w.hukou_region, 1, 4) <> substr(d.work_region, 1, 4) THEN 'xc'
              WHEN w.hukou_region <> d.work_region THEN 'xk' ELSE 'in' END AS band
  FROM placements p JOIN workers w ON w.id = p.worker_id JOIN demands d ON d.id = p.demand_id
  WHERE p.deleted = 0 AND w.deleted = 0 AND p.started_on IS NOT NULL AND p.started_on <= '%[2]s'
    AND length(w.hukou_region) = 6 AND length(d.work_region) = 6
    AND w.field_ops NOT LIKE '%%erased(%%'
    AND w.id NOT IN (SELECT worker_id FROM subsidy_claims WHERE deleted = 0 AND program = '稳岗补贴')
),
q AS (
  SELECT p.worker_id, r.amount, ROW_NUMBER() OVER (PARTITION BY p.worker_id ORDER BY p.s, p.id) AS n
  FROM p JOIN rules r ON
       ((r.kind = 'p' AND p.band = 'xp' AND r.prov = p.wp)
     OR (r.kind = 'b' AND r.band = p.band
         AND NOT (p.band = 'xp' AND EXISTS (SELECT 1 FROM rules x WHERE x.kind = 'p' AND x.prov = p.wp))))
   AND p.s BETWEEN r.f AND r.t
   AND instr(r.targets, ',' || p.pov || ',') > 0
   AND date(p.s, '+' || r.months || ' months') <= p.e
)
SELECT COUNT(*) || ' ' || COALESCE(SUM(amount), 0) FROM q WHERE n = 1;`, ruleSQL, asOf)
}

// gbkCSV writes rows as Excel on Chinese Windows saves a CSV: GBK.
func gbkCSV(t *testing.T, path string, rows [][]string) {
	t.Helper()
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, ","))
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Join(lines, "\r\n") + "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

type rosterOut struct {
	Program   string `json:"program"`
	AsOf      string `json:"as_of"`
	Count     int    `json:"count"`
	TotalYuan int64  `json:"total_yuan"`
	Eligible  []struct {
		WorkerID    string `json:"worker_id"`
		Name        string `json:"name"`
		Destination string `json:"destination"`
		Months      int    `json:"months"`
		AmountYuan  int64  `json:"amount_yuan"`
	} `json:"eligible"`
	Excluded []struct {
		WorkerID string `json:"worker_id"`
		Reason   string `json:"reason"`
	} `json:"excluded"`
}

func subsidyJSONRun(t *testing.T, args ...string) rosterOut {
	t.Helper()
	code, out, errOut := runCLI(append([]string{"subsidy"}, args...)...)
	if code != ExitOK {
		t.Fatalf("subsidy %v: exit %d %s", args, code, errOut)
	}
	var r rosterOut
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

func sqlite3(t *testing.T, db, query string) string {
	t.Helper()
	out, err := exec.Command("sqlite3", db, query).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// On the demo database the --json count and total are what an
// independent sqlite3 query implementing the rule says; --apply records
// them, and a second run adds nothing and lists them as 已申报.
func TestSubsidyOnTheDemoEqualsSQLAndApplyIsOnce(t *testing.T) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("sqlite3 is not on PATH (apt-get install sqlite3)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI("demo", "--db", db, "--workers", "2000", "--seed", "7"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	rules := filepath.Join(dir, "规则.csv")
	gbkCSV(t, rules, demoRules)
	const asOf = "2026-11-30"

	r := subsidyJSONRun(t, "--rules", rules, "--db", db, "--as-of", asOf, "--json")
	want := sqlite3(t, db, rosterSQL(asOf))
	if got := fmt.Sprintf("%d %d", r.Count, r.TotalYuan); got != want {
		t.Fatalf("--json says %s (count total), sqlite3 says %s", got, want)
	}
	if r.Count < 10 || r.Program != "稳岗补贴" || r.AsOf != asOf || len(r.Eligible) != r.Count {
		t.Fatalf("roster: %d eligible of program %q on %s", r.Count, r.Program, r.AsOf)
	}
	var sum int64
	reasons := map[string]int{}
	for _, e := range r.Eligible {
		sum += e.AmountYuan
		if e.Destination != "江苏省" && e.Destination != "跨省" || e.Months < 3 {
			t.Errorf("eligible %+v", e)
		}
	}
	for _, x := range r.Excluded {
		reasons[x.Reason]++
	}
	if sum != r.TotalYuan || reasons["不是补贴对象"] == 0 || reasons["月数不足"] == 0 || reasons["上岗日期不在范围"] == 0 {
		t.Errorf("sum %d of total %d; reasons %v", sum, r.TotalYuan, reasons)
	}

	applied := subsidyJSONRun(t, "--rules", rules, "--db", db, "--as-of", asOf, "--json", "--apply")
	if applied.Count != r.Count {
		t.Fatalf("applied roster %d, want %d", applied.Count, r.Count)
	}
	if got := sqlite3(t, db, "SELECT COUNT(*) || ' ' || (SUM(amount) / 100) FROM subsidy_claims WHERE deleted = 0 AND program = '稳岗补贴'"); got != want {
		t.Fatalf("claims stored: %s, want %s", got, want)
	}
	again := subsidyJSONRun(t, "--rules", rules, "--db", db, "--as-of", asOf, "--json", "--apply")
	if again.Count != 0 || again.TotalYuan != 0 {
		t.Fatalf("second run adds %d (%d yuan)", again.Count, again.TotalYuan)
	}
	claimed := 0
	for _, x := range again.Excluded {
		if x.Reason == "已申报" {
			claimed++
		}
	}
	if claimed != r.Count || len(again.Excluded) != len(r.Excluded)+r.Count {
		t.Fatalf("second run lists %d as 已申报 of %d excluded, want %d of %d", claimed, len(again.Excluded), r.Count, len(r.Excluded)+r.Count)
	}
	if got := sqlite3(t, db, "SELECT COUNT(*) FROM subsidy_claims"); got != fmt.Sprint(r.Count) {
		t.Fatalf("after the second --apply: %s claims", got)
	}
	if got := sqlite3(t, db, "SELECT COUNT(*) FROM audit_entries WHERE tbl = 'subsidy_claims' AND action = 'create' AND summary LIKE '确认申报%'"); got != "2" {
		t.Fatalf("%s audit entries for the two --apply runs", got)
	}
}

// subsidyDB is an office with three 榆中 workers in 南京: a 脱贫户 four
// months in work, a 监测对象 two months in, and a 一般 worker.
func subsidyDB(t *testing.T) string {
	t.Helper()
	db := reportDB(t) // 王秀兰, 监测对象, started 2026-10-31 in 南京
	s := openStore(t, db)
	defer s.Close()
	ds, _, err := s.ListDemands(data.DemandFilter{}, data.Page{Limit: 1})
	if err != nil || len(ds) != 1 {
		t.Fatalf("demand: %v", err)
	}
	for i, p := range []data.Poverty{data.PovertyLifted, data.PovertyGeneral} {
		w := &data.Worker{Name: []string{"李春花", "张建国"}[i], IDNumber: sheetRosterID(10+i, i == 0), HukouRegion: "620123", Poverty: p, Consent: true}
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
		start := data.MakeDate(2026, 7, 15)
		if err := s.Create(&data.Placement{WorkerID: w.ID, DemandID: ds[0].ID, Stage: data.StageStarted, ReferredOn: start, HiredOn: start, StartedOn: start}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func subsidyRulesFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "规则.xlsx")
	if code, _, errOut := runCLI("subsidy", "--template", "-o", path); code != ExitOK {
		t.Fatalf("template: %s", errOut)
	}
	return path
}

var fullID = regexp.MustCompile(`\d{17}[\dX]`)

// The template is the 崇信县 table; the roster workbook has the columns
// of the issue with masked IDs and a sheet of the excluded with reasons;
// the 公示名单 shows masked IDs only; the 签领表 has a signature column.
func TestSubsidyTemplateRosterAndPrints(t *testing.T) {
	db := subsidyDB(t)
	rules := subsidyRulesFile(t)
	tf, err := excelize.OpenFile(rules)
	if err != nil {
		t.Fatal(err)
	}
	trows, _ := tf.GetRows("补贴规则")
	tf.Close()
	if len(trows) != 6 || strings.Join(trows[0], "|") != "项目|去向|金额（元）|最少务工月数|对象|上岗起|上岗止" ||
		trows[1][1] != "陕西" || trows[1][2] != "400" || trows[2][1] != "宁夏" || trows[3][2] != "600" || trows[4][2] != "300" || trows[5][2] != "200" {
		t.Fatalf("template rows %q", trows)
	}

	dir := t.TempDir()
	xlsx := filepath.Join(dir, "申报花名册.xlsx")
	code, out, errOut := runCLI("subsidy", "--rules", rules, "--db", db, "--as-of", "2026-11-30", "-o", xlsx)
	if code != ExitOK || !strings.Contains(out, "可申报 1 人，金额合计 600 元；未纳入 2 人") {
		t.Fatalf("exit %d %s%s", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "申报花名册|未纳入名单" {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows("申报花名册")
	if len(rows) != 3 || strings.Join(rows[0], "|") != "序号|姓名|身份证号|户籍地|用工单位|务工地|上岗日期|务工月数|去向|金额（元）" {
		t.Fatalf("roster rows %q", rows)
	}
	li := rows[1]
	if li[1] != "李春花" || li[2] != "620123********"+sheetRosterID(10, true)[14:] || li[3] != "甘肃省兰州市榆中县" ||
		li[4] != "南京悦家家政服务有限公司" || li[5] != "江苏省南京市江宁区" || li[6] != "2026-07-15" || li[7] != "4" || li[8] != "跨省" || li[9] != "600" {
		t.Errorf("roster row %q", li)
	}
	if rows[2][0] != "合计" || rows[2][9] != "600" {
		t.Errorf("total row %q", rows[2])
	}
	ex, _ := f.GetRows("未纳入名单")
	got := map[string]string{}
	for _, r := range ex[1:] {
		got[r[1]] = r[4]
	}
	if len(ex) != 3 || got["王秀兰"] != "月数不足" || got["张建国"] != "不是补贴对象" {
		t.Errorf("excluded %q", ex)
	}
	for _, r := range append(rows, ex...) {
		if fullID.MatchString(strings.Join(r, " ")) {
			t.Errorf("a full ID in the masked roster: %q", r)
		}
	}

	notice := filepath.Join(dir, "公示名单.pdf")
	if code, _, errOut := runCLI("subsidy", "--rules", rules, "--db", db, "--as-of", "2026-11-30", "--pdf", "公示名单", "-o", notice); code != ExitOK {
		t.Fatalf("公示名单: %s", errOut)
	}
	receipt := filepath.Join(dir, "签领表.pdf")
	if code, _, errOut := runCLI("subsidy", "--rules", rules, "--db", db, "--as-of", "2026-11-30", "--pdf", "签领表", "-o", receipt, "--full-ids"); code != ExitOK {
		t.Fatalf("签领表: %s", errOut)
	}
	text := pdfRaw(t, notice)
	for _, want := range []string{"一次性交通补贴公示名单", "李春花", "620123********" + sheetRosterID(10, true)[14:], "跨省", "合计1人，金额合计600元。"} {
		if !strings.Contains(text, want) {
			t.Errorf("公示名单 lacks %q:\n%s", want, text)
		}
	}
	if fullID.MatchString(text) {
		t.Errorf("公示名单 shows a full ID:\n%s", text)
	}
	text = pdfRaw(t, receipt)
	for _, want := range []string{"一次性交通补贴签领表", "领取人签名", "领取日期", sheetRosterID(10, true)} {
		if !strings.Contains(text, want) {
			t.Errorf("签领表 lacks %q:\n%s", want, text)
		}
	}
	if a := sheetLastAudit(t, db); a.Action != data.ActPrint || !strings.Contains(a.Summary, "含完整身份证号") {
		t.Errorf("the full-ID 签领表 is not audited: %+v", a)
	}
}

func TestSubsidyFullIDsRosterIsAudited(t *testing.T) {
	db := subsidyDB(t)
	xlsx := filepath.Join(t.TempDir(), "花名册.xlsx")
	if code, _, errOut := runCLI("subsidy", "--rules", subsidyRulesFile(t), "--db", db, "--as-of", "2026-11-30", "-o", xlsx, "--full-ids"); code != ExitOK {
		t.Fatal(errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("申报花名册", "C2"); v != sheetRosterID(10, true) {
		t.Errorf("C2 = %q, want the full ID", v)
	}
	if a := sheetLastAudit(t, db); a.Action != data.ActExport || !strings.Contains(a.Summary, "含完整身份证号") {
		t.Errorf("audit %+v", a)
	}
}

// Bad input: one Chinese line on stderr, exit 2, no file, no claim.
func TestSubsidyBadInputOneLineExit2NothingWritten(t *testing.T) {
	db := subsidyDB(t)
	good := subsidyRulesFile(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	gbkCSV(t, bad, [][]string{demoRules[0], {"稳岗补贴", "火星", "500", "3", "全部", "", ""}})
	reversed := filepath.Join(dir, "reversed.csv")
	gbkCSV(t, reversed, [][]string{demoRules[0], {"稳岗补贴", "跨省", "500", "3", "全部", "2026-12-31", "2026-01-01"}})
	two := filepath.Join(dir, "two.csv")
	gbkCSV(t, two, [][]string{demoRules[0], demoRules[1], {"交通补贴", "跨省", "500", "3", "全部", "", ""}})
	out := filepath.Join(dir, "out.xlsx")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--rules", bad, "--db", db, "-o", out, "--apply"}, "第 2 行“去向”：“火星”无法识别"},
		{[]string{"--rules", reversed, "--db", db, "-o", out, "--apply"}, "第 2 行“上岗止”"},
		{[]string{"--rules", two, "--db", db, "-o", out, "--apply"}, "请用 --program 选一个"},
		{[]string{"--rules", good, "--db", db, "--program", "稳岗补贴", "--apply"}, "没有项目“稳岗补贴”"},
		{[]string{"--rules", filepath.Join(dir, "none.xlsx"), "--db", db, "--apply"}, "找不到文件"},
		{[]string{"--rules", good, "--db", filepath.Join(dir, "none.db"), "--apply"}, "不存在"},
		{[]string{"--rules", good, "--db", db, "--as-of", "明天", "--apply"}, "--as-of"},
		{[]string{"--rules", good, "--db", db, "--as-of", "2099-01-01", "-o", out, "--apply"}, "核算日 2099-01-01 晚于今天"},
		{[]string{"--rules", good, "--db", db, "-o", filepath.Join(dir, "x.pdf"), "--apply"}, "--pdf"},
		{[]string{"--rules", good, "--db", db, "--pdf", "公示名单", "-o", filepath.Join(dir, "x.pdf"), "--full-ids", "--apply"}, "不能打印完整身份证号"},
		{[]string{"--rules", good, "--db", db, "--pdf", "名单", "-o", filepath.Join(dir, "x.pdf")}, "公示名单 或 签领表"},
		{[]string{"--db", db, "--apply"}, "--rules"},
		{[]string{"--template"}, "-o"},
	} {
		code, stdout, errOut := runCLI(append([]string{"subsidy"}, c.args...)...)
		if code != ExitUsage || stdout != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %q %q, want %q", c.args, code, stdout, errOut, c.want)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 { // the three rules files
		t.Errorf("written: %v", ents)
	}
	s, err := storage.OpenWith(db, storage.Options{Reader: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	claimed, _ := s.SubsidyClaimed("一次性交通补贴")
	ws, _ := s.SubsidyWorkers(data.MakeDate(2026, 11, 30))
	for _, w := range ws {
		if _, ok := claimed(w.ID); ok {
			t.Errorf("%s was claimed by a refused run", w.Name)
		}
	}
}

// The 慰问金签领表 lists the 送温暖 and 困难帮扶 items with amounts in the
// range, with the total and a column to sign.
func TestPrintReliefReceipt(t *testing.T) {
	db := subsidyDB(t)
	s := openStore(t, db)
	ws, _ := s.SubsidyWorkers(data.MakeDate(2026, 11, 30))
	byName := map[string]string{}
	for _, w := range ws {
		byName[w.Name] = w.ID
	}
	for _, f := range []*data.FollowUp{
		{WorkerID: byName["李春花"], Kind: data.KindWarmth, DueOn: data.MakeDate(2026, 11, 3), DoneOn: data.MakeDate(2026, 11, 5),
			Status: data.FollowUpDone, Method: "visit", Amount: data.Yuan(500), Outcome: "中秋慰问"},
		{WorkerID: byName["张建国"], Kind: data.KindHardship, DueOn: data.MakeDate(2026, 11, 20), Amount: data.Yuan(1200), Outcome: "家属住院"},
		{WorkerID: byName["王秀兰"], Kind: data.KindWarmth, DueOn: data.MakeDate(2026, 11, 8), DoneOn: data.MakeDate(2026, 11, 8),
			Status: data.FollowUpDone, Method: "visit"}, // no money: not on the receipt
		{WorkerID: byName["王秀兰"], Kind: data.KindWarmth, DueOn: data.MakeDate(2026, 12, 1), Amount: data.Yuan(300)}, // after the range
	} {
		if err := s.Create(f); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	pdf := filepath.Join(t.TempDir(), "慰问金.pdf")
	code, out, errOut := runCLI("print", "relief", "--db", db, "--from", "2026-11-01", "--to", "2026-11-30", "-o", pdf)
	if code != ExitOK || !strings.Contains(out, "慰问金签领表") || !strings.Contains(out, "2 条") {
		t.Fatalf("exit %d %s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI("print", "relief", "--db", db, "-o", pdf); code != ExitUsage || !strings.Contains(errOut, "--from 和 --to") {
		t.Errorf("relief without dates: exit %d %q", code, errOut)
	}
	text := pdfRaw(t, pdf)
	for _, want := range []string{"慰问金签领表", "李春花", "送温暖慰问", "2026-11-05", "中秋慰问", "500", "张建国", "困难帮扶", "1,200",
		"领取人签名", "合计2人次，金额合计1,700元。"} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q:\n%s", want, text)
		}
	}
	if fullID.MatchString(text) {
		t.Errorf("full ID on a masked receipt:\n%s", text)
	}
}
