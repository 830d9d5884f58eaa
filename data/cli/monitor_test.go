package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

// monitorDB is an office with four workers, checked as of 2026-11-22:
// 乙 (脱贫户) left 31 days before, 甲 (脱贫户) exactly 30, 丁 (监测对象) has
// an open 欠薪 case, 庚 (一般) has an open 欠薪 case too.
func monitorDB(t *testing.T) string {
	t.Helper()
	db, s, d := officeWithDemand(t, 10, data.MakeDate(2026, 5, 1))
	defer s.Close()
	must := func(err error) { mustDo(t, err) }
	for i, w := range []struct {
		name  string
		pov   data.Poverty
		left  string
		cases bool
	}{{"乙", data.PovertyLifted, "2026-10-22", false}, {"甲", data.PovertyLifted, "2026-10-23", false},
		{"丁", data.PovertyMonitored, "", true}, {"庚", data.PovertyGeneral, "2026-06-02", true}} {
		wk := &data.Worker{Name: w.name, IDNumber: yuzhongWoman(i + 1),
			HukouRegion: "620123", Phone: "13893112345", Poverty: w.pov, Consent: true}
		must(s.Create(wk))
		if w.left != "" {
			end, _ := data.ParseDate(w.left)
			must(s.Create(&data.Placement{WorkerID: wk.ID, DemandID: d.ID, Stage: data.StageLeft, ReferredOn: data.MakeDate(2026, 5, 2),
				HiredOn: data.MakeDate(2026, 5, 5), StartedOn: data.MakeDate(2026, 5, 6), EndedOn: end, CloseReason: "family"}))
		}
		if w.cases {
			must(s.Create(&data.FollowUp{WorkerID: wk.ID, Kind: data.KindArrears, DueOn: data.MakeDate(2026, 11, 1)}))
		}
	}
	return db
}

func TestMonitorJSONIsTheDocumentedShape(t *testing.T) {
	db := monitorDB(t)
	code, out, errOut := runCLI("monitor", "--db", db, "--as-of", "2026-11-22", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 || string(got["as_of"]) != `"2026-11-22"` {
		t.Fatalf("%v %s", err, out)
	}
	var flags []map[string]any
	if err := json.Unmarshal(got["flags"], &flags); err != nil || len(flags) != 2 {
		t.Fatalf("%v %s", err, got["flags"])
	}
	// 丁 before 乙 (name order); exactly three keys each.
	for i, want := range []struct{ name, reason string }{{"丁", "欠薪案件未结"}, {"乙", "离职已31天未再上岗"}} {
		f := flags[i]
		id, _ := f["worker_id"].(string)
		if len(f) != 3 || f["name"] != want.name || len(id) != 36 || fmt.Sprint(f["reasons"]) != "["+want.reason+"]" {
			t.Errorf("flag %d: %v, want %s %s", i, f, want.name, want.reason)
		}
	}
	// Nobody at risk: an empty list, not null.
	code, out, _ = runCLI("monitor", "--db", sheetNewOfficeDB(t), "--as-of", "2026-05-01", "--json")
	if code != ExitOK || strings.TrimSpace(out) != `{"as_of":"2026-05-01","flags":[]}` {
		t.Errorf("exit %d %s", code, out)
	}
	// The table names them, never an ID number or phone.
	code, out, _ = runCLI("monitor", "--db", db, "--as-of", "2026-11-22")
	if code != ExitOK || !strings.Contains(out, "有返贫风险 2 人") || !strings.Contains(strings.Join(strings.Fields(out), " "), "2 乙 脱贫户 离职已31天未再上岗") ||
		strings.Contains(out, "庚") || strings.Contains(out, "1389") || strings.Contains(out, "620123") {
		t.Errorf("table:\n%s", out)
	}
}

// nextMonth is the month after today's, which a round may always use.
func nextMonth() string {
	today := data.Today()
	m := data.MakeDate(today.Year, today.Month+1, 1)
	return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))
}

func TestMonitorRoundAddsOneCheckInEachOnce(t *testing.T) {
	db := monitorDB(t)
	month := nextMonth()
	code, out, errOut := runCLI("monitor", "--round", "--month", month, "--db", db, "--as-of", "2026-11-22", "--json")
	want := fmt.Sprintf(`{"as_of":"2026-11-22","month":"%s","flagged":2,"added":2}`, month)
	if code != ExitOK || strings.TrimSpace(out) != want {
		t.Fatalf("exit %d %q %s, want %s", code, out, errOut, want)
	}
	code, out, _ = runCLI("monitor", "--round", "--month", month, "--db", db, "--as-of", "2026-11-22")
	if code != ExitOK || !strings.Contains(out, "新安排") || !strings.Contains(out, "回访 0 条（2 人当月已有回访，未重复安排）") {
		t.Fatalf("second round: exit %d %s", code, out)
	}
	conn := openSQL(t, db)
	var notes []string
	rows, err := conn.Query(`SELECT w.name || ' ' || f.notes || ' ' || substr(f.due_on, 1, 7) FROM follow_ups f
		JOIN workers w ON w.id = f.worker_id WHERE f.kind = 'checkin' AND f.deleted = 0 ORDER BY w.name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		notes = append(notes, n)
	}
	rows.Close()
	wantNotes := []string{"丁 返贫风险回访：欠薪案件未结 " + month, "乙 返贫风险回访：离职已31天未再上岗 " + month}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("check-ins %q, want %q", notes, wantNotes)
	}
	var audit string
	conn.QueryRow(`SELECT summary FROM audit_entries WHERE summary LIKE '返贫监测%' ORDER BY id DESC LIMIT 1`).Scan(&audit)
	if !strings.HasPrefix(audit, "返贫监测：为2名劳动者安排") {
		t.Errorf("audit %q", audit)
	}
}

func TestMonitorBadInputIsOneLineExit2NothingWritten(t *testing.T) {
	db := monitorDB(t)
	conn := openSQL(t, db)
	counts := func() string {
		var f, a int
		conn.QueryRow(`SELECT COUNT(*) FROM follow_ups`).Scan(&f)
		conn.QueryRow(`SELECT COUNT(*) FROM audit_entries`).Scan(&a)
		return fmt.Sprint(f, a)
	}
	before := counts()
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--round", "--month", "2026-13"}, "月份“2026-13”格式不对"},
		{[]string{"--round", "--month", "12-2026"}, "格式不对"},
		{[]string{"--round", "--month", "2020-01"}, "已经过去"},
		{[]string{"--round"}, "请用 --month"},
		{[]string{"--month", nextMonth()}, "只用于安排回访"},
		{[]string{"--as-of", "2026/13/01"}, "日期“2026/13/01”格式不对"},
		{[]string{"--as-of", "22.11.2026", "--round", "--month", nextMonth()}, "格式不对"},
		{[]string{"extra"}, "不接受参数"},
	} {
		code, out, errOut := runCLI(append([]string{"monitor", "--db", db}, c.args...)...)
		if code != ExitUsage || out != "" {
			t.Errorf("%v: exit %d %q", c.args, code, out)
		}
		oneLine(t, errOut, c.says)
	}
	code, _, errOut := runCLI("monitor", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != ExitUsage {
		t.Errorf("missing file: exit %d", code)
	}
	oneLine(t, errOut, "不存在")
	if after := counts(); after != before {
		t.Errorf("follow-ups and audit entries %s, were %s", after, before)
	}
}

// officeWithDemand makes a new office's database with one Nanjing
// employer and its 家政服务员 demand for headcount from validFrom, and
// returns it open; the caller closes it before running a command on the
// file.
func officeWithDemand(t *testing.T, headcount int, validFrom data.Date) (string, *storage.Store, *data.Demand) {
	t.Helper()
	db := sheetNewOfficeDB(t)
	s := openStore(t, db)
	e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: ident.MakeCompanyCode("320115", "MA1XY2K1"), Region: "320115"}
	err := s.Create(e)
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: headcount, WorkRegion: "320115", ValidFrom: validFrom}
	if err == nil {
		err = s.Create(d)
	}
	if err != nil {
		s.Close()
		t.Fatal(err)
	}
	return db, s, d
}

// yuzhongWoman is the ID number of the seq-th woman born in Yuzhong on
// 1990-03-14.
func yuzhongWoman(seq int) string {
	return ident.MakeID("620123", time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC), seq, true)
}
