package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/recommend"
	"duikou/data/storage"
)

// matchFixture is a small database: a Gansu sending office, one Nanjing
// employer with a housekeeping demand (2 places) and an electrician demand
// (1 place), and four workers.
type matchFixture struct {
	path                       string
	housekeeping, electrician  string
	xiulan, haiyan, jianguo, a string // worker ids; a has no consent
}

func newMatchFixture(t *testing.T) matchFixture {
	t.Helper()
	f := matchFixture{path: filepath.Join(t.TempDir(), "duikou.db")}
	s := openStore(t, f.path)
	defer s.Close()
	if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: ident.MakeCompanyCode("320115", "MA1XY2K1"), Region: "320115"}
	must(s.Create(e))
	hk := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 2,
		WorkRegion: "320115", WageMin: data.Yuan(4500), WageMax: data.Yuan(6500)}
	must(s.Create(hk))
	el := &data.Demand{EmployerID: e.ID, Occupation: "electrician", Title: "电工", Headcount: 1,
		WorkRegion: "320115", WageMax: data.Yuan(7000), SexRequirement: data.MaleOnly}
	must(s.Create(el))
	f.housekeeping, f.electrician = hk.ID, el.ID

	worker := func(seq int, name string, female bool, skills []data.Skill, regions []string, consent bool) string {
		t.Helper()
		w := &data.Worker{Name: name, IDNumber: ident.MakeID("620123", time.Date(1988, 5, 1, 0, 0, 0, 0, time.UTC), seq, female),
			HukouRegion: "620123", Skills: skills, DesiredRegions: regions, ExpectedWage: data.Yuan(5000), Consent: consent}
		must(s.Create(w))
		return w.ID
	}
	f.xiulan = worker(1, "王秀兰", true, []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4}}, []string{"320100"}, true)
	f.haiyan = worker(2, "马海燕", true, []data.Skill{{Occupation: "cleaner"}}, []string{"320000"}, true)
	f.jianguo = worker(3, "李建国", false, []data.Skill{{Occupation: "electrician", Level: catalog.Level3}}, []string{"320115"}, true)
	f.a = worker(4, "张丽", true, []data.Skill{{Occupation: "housekeeper", Level: catalog.Level1}}, []string{"320115"}, false)
	return f
}

// matcherOn opens the fixture with the matcher the screen uses.
func matcherOn(t *testing.T, path string) *recommend.Matcher {
	t.Helper()
	s := openStore(t, path)
	t.Cleanup(func() { s.Close() })
	m, err := recommend.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMatchJSONIsTheScreensRanking(t *testing.T) {
	f := newMatchFixture(t)
	code, out, errOut := runCLI("match", "--db", f.path, "--demand", f.housekeeping, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := matcherOn(t, f.path).TopWorkers(f.housekeeping, 20)
	if err != nil {
		t.Fatal(err)
	}
	var got []recommend.Ranked
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got) != 3 || len(want) != 3 {
		t.Fatalf("CLI %d rows, screen %d; want 3 (not the one without consent)", len(got), len(want))
	}
	for i := range want {
		w := want[i]
		w.Band, w.Parts = 0, nil // not in the JSON
		if !jsonEqual(t, got[i], w) {
			t.Fatalf("row %d:\n CLI    %+v\n screen %+v", i, got[i], w)
		}
	}
	if got[0].WorkerID != f.xiulan || got[0].BandLabel != "强匹配" || got[0].Name != "王秀兰" {
		t.Fatalf("first: %+v", got[0])
	}

	// The keys are exactly the documented ones.
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range raw[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"band", "missing", "name", "reasons", "score", "worker_id"}; !slices.Equal(keys, want) {
		t.Fatalf("keys %v, want %v", keys, want)
	}
}

func jsonEqual(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(x, y)
}

func TestMatchForAWorker(t *testing.T) {
	f := newMatchFixture(t)
	code, out, errOut := runCLI("match", "--db", f.path, "--worker", f.jianguo, "--json", "--top", "1")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0]["demand_id"] != f.electrician || got[0]["name"] != "南京悦家家政服务有限公司·电工" {
		t.Fatalf("got %v", got)
	}
	if _, ok := got[0]["worker_id"]; ok {
		t.Fatalf("a demand row carries worker_id: %v", got[0])
	}

	// A worker who did not consent is not put forward, and the table says why.
	code, out, _ = runCLI("match", "--db", f.path, "--worker", f.a)
	if code != ExitOK || !strings.Contains(out, "劳动者：张丽") || !strings.Contains(out, "未同意向合作单位共享信息") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if code, out, _ = runCLI("match", "--db", f.path, "--worker", f.a, "--json"); code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Fatalf("exit %d: %q", code, out)
	}
}

func TestMatchTableIsReadable(t *testing.T) {
	f := newMatchFixture(t)
	code, out, errOut := runCLI("match", "--db", f.path, "--demand", f.housekeeping)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("want a heading, a header and 3 rows:\n%s", out)
	}
	if lines[0] != "用工需求：南京悦家家政服务有限公司·住家保姆（家政服务员，江苏省南京市江宁区，还缺 2 人，推荐中 0 人）" {
		t.Fatalf("heading %q", lines[0])
	}
	for _, want := range []string{"排名", "姓名", "分数", "匹配度", "符合", "欠缺"} {
		if !strings.Contains(lines[1], want) {
			t.Fatalf("header %q lacks %s", lines[1], want)
		}
	}
	if !strings.HasPrefix(lines[2], "1     王秀兰  1.000  强匹配") {
		t.Fatalf("first row %q", lines[2])
	}
	// Columns line up by display width: the score starts at the same
	// column in every row.
	col := displayWidth(lines[2][:strings.Index(lines[2], "1.000")])
	for _, l := range lines[3:] {
		i := strings.Index(l, "0.")
		if i < 0 || displayWidth(l[:i]) != col {
			t.Fatalf("row %q: score not at column %d", l, col)
		}
	}
}

func TestMatchUsageErrors(t *testing.T) {
	f := newMatchFixture(t)
	missing := filepath.Join(t.TempDir(), "nope.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"match", "--demand", f.housekeeping}, "--db"},
		{[]string{"match", "--db", missing, "--demand", f.housekeeping}, "不存在"},
		{[]string{"match", "--db", f.path}, "二选一"},
		{[]string{"match", "--db", f.path, "--demand", f.housekeeping, "--worker", f.xiulan}, "二选一"},
		{[]string{"match", "--db", f.path, "--demand", "0190-no-such"}, "未找到用工需求 0190-no-such"},
		{[]string{"match", "--db", f.path, "--worker", f.housekeeping}, "未找到劳动者"},
		{[]string{"match", "--db", f.path, "--demand", f.housekeeping, "--top", "0"}, "--top"},
		{[]string{"allocate", "--db", f.path, "--demands", f.housekeeping + ",0190-no-such"}, "未找到用工需求 0190-no-such"},
		{[]string{"allocate"}, "--db"},
	} {
		code, out, errOut := runCLI(c.args...)
		msg := strings.TrimSpace(errOut)
		if code != ExitUsage || out != "" || strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q (want one line with %q)", c.args, code, out, errOut, c.want)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("a missing database was created")
	}
}

func TestAllocateJSONAndApply(t *testing.T) {
	f := newMatchFixture(t)
	code, out, errOut := runCLI("allocate", "--db", f.path, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Assignments []struct {
			WorkerID string  `json:"worker_id"`
			DemandID string  `json:"demand_id"`
			Score    float64 `json:"score"`
		} `json:"assignments"`
		TotalScore       float64 `json:"total_score"`
		GreedyTotalScore float64 `json:"greedy_total_score"`
		Unfilled         []struct {
			DemandID string `json:"demand_id"`
			Left     int    `json:"left"`
		} `json:"unfilled"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var pairs []string
	total := 0.0
	for _, a := range got.Assignments {
		pairs = append(pairs, a.WorkerID+">"+a.DemandID)
		total += a.Score
	}
	// 王秀兰 and 马海燕 (a related 工种) to housekeeping, 李建国 to the
	// electrician place; 张丽 gave no consent.
	want := []string{f.xiulan + ">" + f.housekeeping, f.haiyan + ">" + f.housekeeping, f.jianguo + ">" + f.electrician}
	if !slices.Equal(pairs, want) {
		t.Fatalf("assignments %v, want %v", pairs, want)
	}
	if fmt.Sprintf("%.6f", total) != fmt.Sprintf("%.6f", got.TotalScore) || got.GreedyTotalScore > got.TotalScore {
		t.Fatalf("totals %v / greedy %v, sum of scores %v", got.TotalScore, got.GreedyTotalScore, total)
	}
	if got.Unfilled == nil || len(got.Unfilled) != 0 {
		t.Fatalf("unfilled %v (want an empty list)", got.Unfilled)
	}
	if n := placements(t, f.path); n != 0 {
		t.Fatalf("%d placements without --apply", n)
	}

	code, out, errOut = runCLI("allocate", "--db", f.path, "--apply")
	if code != ExitOK || !strings.Contains(out, "已记录 3 条就业安置（已推荐）") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if n := placements(t, f.path); n != 3 {
		t.Fatalf("%d placements after --apply", n)
	}
	// Everyone is referred now: nothing left to allocate, every place open.
	code, out, _ = runCLI("allocate", "--db", f.path, "--json")
	if code != ExitOK || !strings.Contains(out, `"assignments": []`) || !strings.Contains(out, `"left": 2`) {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestAllocateTable(t *testing.T) {
	f := newMatchFixture(t)
	code, out, errOut := runCLI("allocate", "--db", f.path, "--demands", f.electrician+", "+f.housekeeping)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"岗位 3 个，分配 3 人", "南京悦家家政服务有限公司·电工", "李建国", "强匹配", "加 --apply"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The demands named come in the order named.
	if strings.Index(out, "李建国") > strings.Index(out, "王秀兰") {
		t.Fatalf("electrician first:\n%s", out)
	}
}

func placements(t *testing.T, path string) int64 {
	t.Helper()
	return countIn(t, path, func(s *storage.Store) (int64, error) { return s.CountPlacements(data.PlacementFilter{}) })
}
