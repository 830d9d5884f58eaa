package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// duikou list demands --json gives the ids that match --demand takes, so
// a script needs no sqlite3 to find them.
func TestListDemandsGivesIDsThatMatchAccepts(t *testing.T) {
	f := newMatchFixture(t)
	code, out, errOut := runCLI("list", "demands", "--db", f.path, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []listed
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	byName := map[string]listed{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	hk, el := byName["住家保姆"], byName["电工"]
	if len(rows) != 2 || hk.ID != f.housekeeping || el.ID != f.electrician ||
		hk.Detail != "南京悦家家政服务有限公司" || hk.Left == nil || *hk.Left != 2 || *el.Left != 1 {
		t.Fatalf("rows %+v", rows)
	}
	for _, r := range rows {
		code, out, errOut := runCLI("match", "--db", f.path, "--demand", r.ID, "--json")
		if code != ExitOK || !strings.HasPrefix(out, "[") {
			t.Errorf("match --demand %s (%s): exit %d %s", r.ID, r.Name, code, errOut)
		}
	}
}

// The table names each record once with its id; --search narrows it.
func TestListWorkersTableAndSearch(t *testing.T) {
	f := newMatchFixture(t)
	code, out, _ := runCLI("list", "workers", "--db", f.path)
	if code != ExitOK || !strings.Contains(out, f.xiulan+"  王秀兰") || !strings.Contains(out, "共 4 条") ||
		!strings.HasPrefix(out, "编号") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI("list", "workers", "--db", f.path, "--search", "海燕")
	if code != ExitOK || !strings.Contains(out, f.haiyan) || strings.Contains(out, f.xiulan) || !strings.Contains(out, "共 1 条") {
		t.Fatalf("--search 海燕: exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI("list", "employers", "--db", f.path, "--json")
	if code != ExitOK || !strings.Contains(out, `"name": "南京悦家家政服务有限公司"`) {
		t.Fatalf("employers: exit %d:\n%s", code, out)
	}
}

// Placements are found by the worker's or the employer's name; an empty
// result is an empty JSON list, not null.
func TestListPlacementsSearchesWorkerAndEmployer(t *testing.T) {
	f := newMatchFixture(t)
	if code, _, errOut := runCLI("allocate", "--db", f.path, "--apply"); code != ExitOK {
		t.Fatalf("allocate: %s", errOut)
	}
	code, out, _ := runCLI("list", "placements", "--db", f.path, "--search", "王秀兰", "--json")
	var rows []listed
	if err := json.Unmarshal([]byte(out), &rows); code != ExitOK || err != nil || len(rows) != 1 ||
		rows[0].Name != "王秀兰" || rows[0].Detail != "南京悦家家政服务有限公司·住家保姆" || rows[0].Status != "已推荐" {
		t.Fatalf("exit %d %v:\n%s", code, err, out)
	}
	code, out, _ = runCLI("list", "placements", "--db", f.path, "--search", "悦家", "--json")
	if err := json.Unmarshal([]byte(out), &rows); code != ExitOK || err != nil || len(rows) != 3 {
		t.Fatalf("by employer: exit %d %v:\n%s", code, err, out)
	}
	code, out, _ = runCLI("list", "placements", "--db", f.path, "--search", "没有的人", "--json")
	if code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Fatalf("none: exit %d %q", code, out)
	}
	if code, _, errOut := runCLI("list", "followups", "--db", f.path); code != ExitUsage || !strings.Contains(errOut, "不能列出") {
		t.Fatalf("followups: exit %d %q", code, errOut)
	}
}
