package cli

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

// dbChecksum hashes every row of every table, read through its own
// connection: equal sums mean nothing at all was written.
func dbChecksum(t *testing.T, path string) string {
	t.Helper()
	db := openSQL(t, path)
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	for _, table := range tables {
		rs, err := db.Query(fmt.Sprintf("SELECT * FROM %q", table))
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		fmt.Fprintln(h, table)
		for rs.Next() {
			rs.Scan(ptrs...)
			fmt.Fprintln(h, vals...)
		}
		rs.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// count is how many live rows table holds.
func count(t *testing.T, path, table string) int {
	t.Helper()
	var n int
	if err := openSQL(t, path).QueryRow(fmt.Sprintf("SELECT COUNT(*) FROM %q WHERE deleted = 0", table)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// pinBoth exchanges cards between two offices through the CLI.
func pinBoth(t *testing.T, a, b string) {
	t.Helper()
	dir := t.TempDir()
	for _, pair := range [][2]string{{a, b}, {b, a}} {
		card := filepath.Join(dir, "card.json")
		if code, _, errOut := runCLI("partner", "card", "--db", pair[0], "-o", card); code != ExitOK {
			t.Fatal(errOut)
		}
		if code, _, errOut := runCLI("partner", "add", "--db", pair[1], card); code != ExitOK {
			t.Fatal(errOut)
		}
	}
}

var summaryRE = regexp.MustCompile(`新增 (\d+) 条，更新 (\d+) 条，未变 (\d+) 条，冲突 (\d+) 处，拒收 (\d+) 条`)

func summary(t *testing.T, out string) []string {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary in %q", out)
	}
	return m[1:]
}

// A demo office (Lanzhou, with its generated workers, employers, demands,
// placements and follow-ups) and a fresh receiving office exchange both
// ways, through the commands a provincial IT person would script.
func TestTwoOfficesExchangeBothWaysThroughTheCLI(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "lanzhou.db")
	if code, _, errOut := runCLI("demo", "--db", a, "--workers", "200", "--seed", "7"); code != ExitOK {
		t.Fatal(errOut)
	}
	b := setupOffice(t, "南京市江宁区总工会", "320115", data.RoleReceiving)
	pinBoth(t, a, b)
	oa, _ := officeOf(t, a)

	// A → B, by the partner's name.
	f1 := filepath.Join(dir, "兰州至江宁-1.duikou")
	code, out, errOut := runCLI("sync", "export", "--db", a, "--to", "南京市江宁区总工会", "-o", f1)
	if code != ExitOK || !strings.Contains(out, "劳动者") {
		t.Fatalf("export: exit %d\n%s%s", code, out, errOut)
	}
	before := dbChecksum(t, b)
	code, out, errOut = runCLI("sync", "import", "--db", b, f1, "--dry-run")
	if code != ExitOK || !strings.Contains(out, "预览") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	dry := summary(t, out)
	if dbChecksum(t, b) != before {
		t.Fatal("the dry run wrote to the database")
	}
	code, out, errOut = runCLI("sync", "import", "--db", b, f1)
	if code != ExitOK || !strings.Contains(out, "已导入") || !strings.Contains(out, "备份") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if got := summary(t, out); strings.Join(got, " ") != strings.Join(dry, " ") || got[0] == "0" || got[4] != "0" {
		t.Fatalf("import summary %v, dry run said %v", got, dry)
	}
	shared := count(t, a, "workers")
	if got := count(t, b, "workers"); got == 0 || got > shared {
		t.Fatalf("B holds %d workers; A has %d (those with consent travel)", got, shared)
	}

	// The same file again changes nothing.
	after := dbChecksum(t, b)
	code, out, _ = runCLI("sync", "import", "--db", b, f1)
	if code != ExitOK || !strings.Contains(out, "已导入过") || dbChecksum(t, b) != after {
		t.Fatalf("second import: exit %d, %s", code, out)
	}

	// B records something on one of A's workers; B → A by office id.
	s := openStore(t, b)
	ws, _, err := s.ListWorkers(data.WorkerFilter{}, data.Page{Limit: 1})
	if err != nil || len(ws) == 0 {
		t.Fatalf("list at B: %v", err)
	}
	w := ws[0]
	w.Notes = "已到江宁区，住宿已安排"
	if err := s.Update(&w); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f2 := filepath.Join(dir, "江宁至兰州-1.duikou")
	if code, _, errOut := runCLI("sync", "export", "--db", b, "--to", oa.ID, "-o", f2); code != ExitOK {
		t.Fatal(errOut)
	}

	// A tampered copy is refused with one line and nothing written.
	raw, _ := os.ReadFile(f2)
	raw[len(raw)/2] ^= 0x20
	bad := filepath.Join(dir, "江宁至兰州-1（改）.duikou")
	os.WriteFile(bad, raw, 0o644)
	beforeA := dbChecksum(t, a)
	code, _, errOut = runCLI("sync", "import", "--db", a, bad)
	if code != ExitUsage {
		t.Fatalf("tampered: exit %d", code)
	}
	oneLine(t, errOut, "文件已损坏或不完整")
	if dbChecksum(t, a) != beforeA {
		t.Fatal("the tampered file changed A's database")
	}

	code, out, errOut = runCLI("sync", "import", "--db", a, f2)
	if code != ExitOK || summary(t, out)[1] != "1" {
		t.Fatalf("import at A: exit %d\n%s%s", code, out, errOut)
	}
	sa, _ := storage.Open(a)
	defer sa.Close()
	if got, err := sa.Worker(w.ID); err != nil || got.Notes != "已到江宁区，住宿已安排" {
		t.Fatalf("A's worker after B's file: %+v %v", got, err)
	}
}

func TestSyncRefusalsAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	a := setupOffice(t, "榆中县总工会", "620123", data.RoleSending)
	b := setupOffice(t, "南京市江宁区总工会", "320115", data.RoleReceiving)
	c := setupOffice(t, "重庆市渝北区总工会", "500112", data.RoleBoth)
	pinBoth(t, a, b)
	pinBoth(t, a, c)

	// Two workers at A, one of whose ID number is then damaged in A's
	// database behind the Store's back: the receiver must refuse the file.
	s, _ := storage.Open(a)
	var ids []string
	for i := range 2 {
		id := ident.MakeID("620123", time.Date(1985+i, 7, 22, 0, 0, 0, 0, time.UTC), 11+i, i == 0)
		w := &data.Worker{Name: fmt.Sprintf("劳动者%d", i), IDNumber: id, HukouRegion: "620123", Consent: true}
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s.Close()
	wrong := ids[1][:17] + "0"
	if wrong == ids[1] {
		wrong = ids[1][:17] + "1"
	}
	good := filepath.Join(dir, "good.duikou")
	if code, _, errOut := runCLI("sync", "export", "--db", a, "--to", "南京市江宁区总工会", "-o", good); code != ExitOK {
		t.Fatal(errOut)
	}
	toC := filepath.Join(dir, "to-c.duikou")
	if code, _, errOut := runCLI("sync", "export", "--db", a, "--to", "重庆市渝北区总工会", "-o", toC); code != ExitOK {
		t.Fatal(errOut)
	}
	db, err := sql.Open("sqlite3", a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE workers SET id_number = ? WHERE id_number = ?", wrong, ids[1]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	damaged := filepath.Join(dir, "damaged.duikou")
	if code, _, errOut := runCLI("sync", "export", "--db", a, "--to", "南京市江宁区总工会", "-o", damaged); code != ExitOK {
		t.Fatal(errOut)
	}

	before := dbChecksum(t, b)
	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"records refused in a dry run", []string{"sync", "import", "--db", b, damaged, "--dry-run"}, ExitRejected, "未通过校验"},
		{"addressed to another office", []string{"sync", "import", "--db", b, toC}, ExitUsage, "不是发给本单位的"},
		{"missing file", []string{"sync", "import", "--db", b, filepath.Join(dir, "nowhere.duikou")}, ExitUsage, "无法打开"},
		{"two files", []string{"sync", "import", "--db", b, good, damaged}, ExitUsage, "一次只能导入一个"},
		{"no partner given", []string{"sync", "export", "--db", b, "-o", filepath.Join(dir, "x.duikou")}, ExitUsage, "--to"},
		{"unknown partner", []string{"sync", "export", "--db", b, "--to", "苏州市总工会", "-o", filepath.Join(dir, "x.duikou")}, ExitUsage, "苏州市总工会"},
		{"unknown subcommand", []string{"sync", "push", "--db", b}, ExitUsage, "push"},
	} {
		code, out, errOut := runCLI(tc.args...)
		if code != tc.code {
			t.Fatalf("%s: exit %d, want %d\n%s%s", tc.name, code, tc.code, out, errOut)
		}
		oneLine(t, errOut, tc.says)
		if tc.code == ExitRejected && (!strings.Contains(out, "拒收：劳动者") || summary(t, out)[4] != "1") {
			t.Fatalf("%s: stdout does not list the refused record:\n%s", tc.name, out)
		}
	}
	if dbChecksum(t, b) != before {
		t.Fatal("refused files changed the database")
	}
	// Importing it for real refuses it whole (after the usual backup).
	code, out, errOut := runCLI("sync", "import", "--db", b, damaged)
	if code != ExitRejected || !strings.Contains(out, "拒收：劳动者") {
		t.Fatalf("records refused: exit %d\n%s%s", code, out, errOut)
	}
	oneLine(t, errOut, "整个文件未导入")
	if n := count(t, b, "workers"); n != 0 {
		t.Fatalf("%d workers imported from a refused file", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.duikou")); !os.IsNotExist(err) {
		t.Fatal("a refused export wrote a file")
	}
	// The good file still imports.
	if code, out, errOut := runCLI("sync", "import", "--db", b, good); code != ExitOK || summary(t, out)[0] != "2" {
		t.Fatalf("good file: exit %d\n%s%s", code, out, errOut)
	}
}
