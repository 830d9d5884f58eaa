package cli

import (
	"bytes"
	"database/sql"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/storage"
)

// runCLI runs a command line as main does and returns its exit code,
// stdout and stderr.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// openStore opens the database file for a test's own reads and writes;
// the caller closes it before a command needs the file's lock.
func openStore(t *testing.T, path string) *storage.Store {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// countIn opens the database file and returns what count counts in it.
func countIn(t *testing.T, path string, count func(s *storage.Store) (int64, error)) int64 {
	t.Helper()
	s := openStore(t, path)
	defer s.Close()
	n, err := count(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// openSQL opens the file with database/sql alone, for checks that do not
// go through the Store.
func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// officeDB makes a database file for a fresh office run by clerk, as the
// first-run screen would.
func officeDB(t *testing.T, name, region string, role data.OfficeRole, clerk string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "duikou.db")
	s := openStore(t, path)
	defer s.Close()
	if _, err := s.SetupOffice(name, region, role, clerk); err != nil {
		t.Fatal(err)
	}
	return path
}

// setupOffice is officeDB with the clerk 张敏.
func setupOffice(t *testing.T, name, region string, role data.OfficeRole) string {
	t.Helper()
	return officeDB(t, name, region, role, "张敏")
}

// sheetNewOfficeDB is the sending office 榆中县总工会, clerk 李娟.
func sheetNewOfficeDB(t *testing.T) string {
	t.Helper()
	return officeDB(t, "榆中县总工会", "620123", data.RoleSending, "李娟")
}

// mustDo stops the test at an error from its own set-up.
func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// demoDB makes a demo office's database file with makeDemo.
func demoDB(t *testing.T, args ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	makeDemo(t, db, args...)
	return db
}

// makeDemo runs duikou demo onto db (a file or a server's database) with
// the extra arguments (--workers, --seed), stopping the test if it fails.
func makeDemo(t *testing.T, db string, args ...string) {
	t.Helper()
	if code, _, errOut := runCLI(append([]string{"demo", "--db", db}, args...)...); code != ExitOK {
		t.Fatalf("demo --db %s: exit %d: %s", db, code, errOut)
	}
}

// pdfRaw is a PDF's text in content order with white space dropped.
func pdfRaw(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not on PATH (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}
