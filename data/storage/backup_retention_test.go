package storage

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"
)

// The retention rule per kind, worked by hand: now is 2026-11-22 02:00.
// Twelve before-import backups from 60 days ago and one from today: the
// newest ten stay (today's and nine old ones), three old ones go. Three
// daily backups from 31–33 days ago stay because they are all of their
// kind there is (fewer than ten). A before-restore backup from 29 days ago
// stays with eleven newer ones (all within 30 days). Other files stay.
func TestPruneBackupsKeepsTheLastTenOfEachKindAndTheLast30Days(t *testing.T) {
	dir := t.TempDir()
	now := fixedNow.Local()
	touch := func(at time.Time, kind string) string {
		name, err := backupName(at, kind)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var oldImports []string
	for i := 0; i < 12; i++ {
		oldImports = append(oldImports, touch(now.AddDate(0, 0, -60).Add(time.Duration(i)*time.Minute), BackupBeforeImport))
	}
	touch(now, BackupBeforeImport)
	for d := 31; d <= 33; d++ {
		touch(now.AddDate(0, 0, -d), BackupDaily)
	}
	oldRestore := touch(now.AddDate(0, 0, -29), BackupBeforeRestore)
	for i := 0; i < 11; i++ {
		touch(now.Add(-time.Duration(i)*time.Hour), BackupBeforeRestore)
	}
	legacy := filepath.Join(dir, "duikou-20260101-120000-before-migrate-v1.db") // an old name: kept (the only one of its kind)
	other := filepath.Join(dir, "我的备份.db")
	for _, p := range []string{legacy, other} {
		os.WriteFile(p, []byte("x"), 0o600)
	}

	if n := pruneBackups(dir, now); n != 3 {
		t.Fatalf("removed %d, want 3", n)
	}
	sort.Strings(oldImports)
	for i, p := range oldImports {
		_, err := os.Stat(p)
		if gone := os.IsNotExist(err); gone != (i < 3) {
			t.Errorf("old before-import backup %d: gone=%v", i, gone)
		}
	}
	for _, p := range []string{oldRestore, legacy, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
	if _, kind, ok := parseBackupName(legacy); !ok || kind != BackupBeforeMigrate {
		t.Fatalf("legacy name read as %q %v", kind, ok)
	}
}

// A new database and its backups are readable by this account only.
func TestNewDatabaseAndBackupsArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file modes")
	}
	path := filepath.Join(t.TempDir(), "duikou.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	backup, err := s.BackupBeside(BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", backup} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", filepath.Base(p), st.Mode().Perm())
		}
	}
}
