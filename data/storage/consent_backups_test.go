package storage

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// backupsHolding lists the files in o's backups folder whose bytes hold
// any of the secrets, and checks each still passes integrity_check.
func backupsHolding(t *testing.T, o *office, secrets ...string) (holding []string, files int) {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(o.s.backupsDir(), "*"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				holding = append(holding, filepath.Base(n)+" holds "+s)
			}
		}
		if err := integrityCheck(n); err != nil {
			t.Fatalf("%s: %v", filepath.Base(n), err)
		}
	}
	return holding, len(names)
}

// After a withdrawal of consent, at the office where it was entered and at
// the partner that applies it, no file in the backups folder holds the
// worker's ID number, phone, address or notes any more (the files' bytes
// are read), every backup is still sound and holds the husk, and the audit
// log says how many files were scrubbed. Backups that never held the
// worker are left as they were.
func TestAWithdrawalErasesTheWorkerFromEveryBackup(t *testing.T) {
	offs, w, _ := withdrawnSetup(t, 2)
	a, b := offs[0], offs[1]
	secrets := []string{w.IDNumber, w.Phone, "栖云路", "丈夫在兰州务工"}
	// Backups before the withdrawal: two at A (one under a name of the
	// clerk's own), one at B; and one at A taken before the worker existed.
	emptyBefore := filepath.Join(a.s.backupsDir(), "空库.db")
	if err := os.MkdirAll(a.s.backupsDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	other := newOffices(t, 1)[0]
	if err := other.s.Backup(emptyBefore); err != nil {
		t.Fatal(err)
	}
	untouched, _ := os.ReadFile(emptyBefore)
	for _, o := range []*office{a, a, b} {
		if _, err := o.s.BackupBeside(BackupManual); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.s.Backup(filepath.Join(a.s.backupsDir(), "我的备份.db")); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*office{a, b} {
		if held, _ := backupsHolding(t, o, secrets...); len(held) == 0 {
			t.Fatalf("%s: the test proves nothing: no backup holds the worker", o.name)
		}
	}

	setConsent(t, a, w.ID, false)
	mustReceive(t, a, b)

	for _, c := range []struct {
		o     *office
		files int
		audit string
	}{
		{a, 4, "已从3份备份中删除其个人信息（备份文件夹共4份）"},
		{b, 1, "已从1份备份中删除其个人信息（备份文件夹共1份）"},
	} {
		held, files := backupsHolding(t, c.o, secrets...)
		if len(held) > 0 {
			t.Errorf("%s: %s", c.o.name, strings.Join(held, "; "))
		}
		if files != c.files {
			t.Errorf("%s: %d files in the backups folder, want %d (no working copies left)", c.o.name, files, c.files)
		}
		log, _ := c.o.s.AuditLog(10)
		found := false
		for _, e := range log {
			found = found || strings.Contains(e.Summary, c.audit)
		}
		if !found {
			t.Errorf("%s: no audit entry %q in %+v", c.o.name, c.audit, log)
		}
	}
	if got, _ := os.ReadFile(emptyBefore); !bytes.Equal(got, untouched) {
		t.Error("a backup that never held the worker was rewritten")
	}
	// The backup holds the husk, not a hole: the placement still has its worker.
	db, err := sql.Open("sqlite3", filepath.Join(a.s.backupsDir(), "我的备份.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name, id string
	if err := db.QueryRow("SELECT name, id_number FROM workers WHERE id = ?", w.ID).Scan(&name, &id); err != nil {
		t.Fatal(err)
	}
	if name != "王某（已撤回同意）" || id != "" {
		t.Fatalf("the backup's worker is %q %q", name, id)
	}
	if _, err := InspectBackup(filepath.Join(a.s.backupsDir(), "我的备份.db")); err != nil {
		t.Fatal(err)
	}
}
