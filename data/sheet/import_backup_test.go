package sheet

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"duikou/data"
	"duikou/data/storage"
)

// rosterCSV writes a CSV roster of n workers numbered from first.
func rosterCSV(t *testing.T, path string, first, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("姓名,身份证号,联系电话,户籍地\n")
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "劳动者%d,%s,1389311%s,榆中县\n", i, idNumber(i, i%2 == 0), pad4(i))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// backupsIn lists the files in a backups folder.
func backupsIn(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A second import of the same roster writes nothing, so it takes no backup
// (it used to copy the whole database each time); the first one did.
func TestImportThatWritesNothingTakesNoBackup(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "名单.csv")
	rosterCSV(t, path, 1, 5)
	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil || rep.New != 5 || rep.Backup == "" {
		t.Fatalf("first import: %v %+v", err, rep)
	}
	// The backups folder: beside a file, or the clerk's for a server.
	dir := filepath.Dir(rep.Backup)
	if got := backupsIn(t, dir); len(got) != 1 || got[0] != rep.Backup {
		t.Fatalf("backups after the first import: %v", got)
	}
	again, err := Import(s, Workers, path, Skip, nil)
	if err != nil || again.New != 0 || again.Skipped != 5 {
		t.Fatalf("second import: %v %+v", err, again)
	}
	if again.Backup != "" {
		t.Fatalf("a no-op import reported a backup %s", again.Backup)
	}
	if got := backupsIn(t, dir); len(got) != 1 {
		t.Fatalf("backups after the no-op import: %v", got)
	}
	log, _ := s.AuditLog(5)
	if len(log) == 0 || log[0].Action != data.ActImport || !strings.Contains(log[0].Summary, "未备份") {
		t.Fatalf("the no-op import is not audited: %+v", log)
	}
}

// Twenty rounds of imports at the same moment, two into one database and
// one into another database in the same folder (so one backups folder), on
// clocks that give them all the same second:
// every backup reported is a distinct file that opens and passes
// integrity_check, is readable by this account only, and nothing is left
// half-written. Before, both of a pair wrote the same name through the
// same .partial file: a 0-byte "backup" reported as taken, or raw errors.
func TestSimultaneousImportsEachReportASoundBackup(t *testing.T) {
	dir := t.TempDir()
	a, b := newStoreAt(t, filepath.Join(dir, "a.db")), newStoreAt(t, filepath.Join(dir, "b.db"))
	stores := []*storage.Store{a, a, b}
	const rounds = 20
	reported := map[string]bool{}
	for round := 0; round < rounds; round++ {
		var wg sync.WaitGroup
		start := make(chan struct{})
		reps := make([]*Report, len(stores))
		errs := make([]error, len(stores))
		for i, s := range stores {
			path := filepath.Join(t.TempDir(), fmt.Sprintf("名单%d-%d.csv", round, i))
			rosterCSV(t, path, 1000*i+3*round+1, 3)
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				reps[i], errs[i] = Import(s, Workers, path, Skip, nil)
			}()
		}
		close(start)
		wg.Wait()
		for i := range stores {
			if errs[i] != nil {
				t.Fatalf("round %d, import %d: %v", round, i, errs[i])
			}
			b := reps[i].Backup
			if b == "" || reported[b] {
				t.Fatalf("round %d, import %d: backup %q (reported before: %v)", round, i, b, reported[b])
			}
			reported[b] = true
		}
	}
	for b := range reported {
		st, err := os.Stat(b)
		if err != nil || st.Size() == 0 {
			t.Fatalf("reported backup %s: %v", b, err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("backup %s has mode %v, want 0600", filepath.Base(b), st.Mode().Perm())
		}
		db, err := sql.Open("sqlite3", b+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		var res string
		err = db.QueryRow("PRAGMA integrity_check").Scan(&res)
		db.Close()
		if err != nil || res != "ok" {
			t.Fatalf("backup %s: integrity_check %q, %v", filepath.Base(b), res, err)
		}
	}
	if got := backupsIn(t, filepath.Join(dir, "backups")); len(got) != len(stores)*rounds {
		t.Fatalf("%d files in the backups folder, want %d (no .partial left): %v", len(got), len(stores)*rounds, got)
	}
}
