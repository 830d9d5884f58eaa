package storage

import (
	"duikou/data"
	"duikou/data/dbconn"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A clerk restores last week's backup: the records made since are gone,
// the database as it was before the restore is kept as a backup, the
// restore is in the audit log, and new ops are numbered above every op
// the office had already used (partners may hold them).
func TestRestoreFromABackup(t *testing.T) {
	s := newStore(t)
	kept := validWorker(1)
	if err := s.Create(kept); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "last-week.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	later := validWorker(2)
	if err := s.Create(later); err != nil {
		t.Fatal(err)
	}
	floor, err := s.SeqFloor()
	if err != nil {
		t.Fatal(err)
	}

	info, err := InspectBackup(backup)
	if err != nil {
		t.Fatal(err)
	}
	if info.Workers != 1 || info.OfficeName != "榆中县总工会" {
		t.Fatalf("inspect: %+v", info)
	}
	ns, err := s.RestoreFrom(backup)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	t.Cleanup(func() { ns.Close() })
	if _, err := ns.Worker(kept.ID); err != nil {
		t.Fatalf("worker from before the backup is gone: %v", err)
	}
	if _, err := ns.Worker(later.ID); err == nil {
		t.Fatal("worker made after the backup is still there")
	}
	if ns.Office() == nil || ns.Office().Name != "榆中县总工会" {
		t.Fatalf("office after restore: %+v", ns.Office())
	}

	files, err := ns.BackupFiles()
	if err != nil {
		t.Fatal(err)
	}
	var before string
	for _, f := range files {
		if strings.Contains(f.Path, "-before-restore-") {
			before = f.Path
		}
	}
	if before == "" {
		t.Fatalf("no before-restore backup among %v", files)
	}
	if b, err := InspectBackup(before); err != nil || b.Workers != 2 {
		t.Fatalf("before-restore backup: %+v, %v", b, err)
	}

	log, err := ns.AuditLog(5)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) == 0 || log[0].Action != data.ActRestore || !strings.Contains(log[0].Summary, "last-week.db") {
		t.Fatalf("newest audit entry: %+v", log)
	}

	fresh := validWorker(3)
	if err := ns.Create(fresh); err != nil {
		t.Fatal(err)
	}
	var seq int64
	if err := ns.db.Model(&Op{}).Select("MAX(seq)").Where("origin = ?", ns.Office().ID).Scan(&seq).Error; err != nil {
		t.Fatal(err)
	}
	if seq <= floor {
		t.Fatalf("new op numbered %d, not above the %d already used", seq, floor)
	}
}

// A backup of another office, a file that is not a database and a damaged
// one are each refused with a reason, and the database is left as it was.
func TestRestoreRefusesWrongFiles(t *testing.T) {
	s := newStore(t)
	if err := s.Create(validWorker(1)); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	other, err := OpenWith(filepath.Join(dir, "other.db"), Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.SetupOffice("南京市总工会", "320100", data.RoleReceiving, "周静"); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	if err := other.Backup(foreign); err != nil {
		t.Fatal(err)
	}
	other.Close()

	text := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(text, []byte("这不是数据库"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(good); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "damaged.db")
	if err := os.WriteFile(damaged, raw[:len(raw)/3], 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct{ file, says string }{
		{foreign, "南京市总工会"},
		{text, "notes.db"},
		{damaged, "damaged.db"},
		{filepath.Join(dir, "missing.db"), "找不到"},
	}
	if s.Engine() == dbconn.SQLite { // a server's database is no file to pick
		cases = append(cases, struct{ file, says string }{s.Path(), "正在使用"})
	}
	for _, c := range cases {
		ns, err := s.RestoreFrom(c.file)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Fatalf("%s: want a refusal naming %q, got %v", filepath.Base(c.file), c.says, err)
		}
		if ns != s {
			t.Fatalf("%s: a refused restore replaced the store", filepath.Base(c.file))
		}
		if n := count(t, s, &data.Worker{}); n != 1 {
			t.Fatalf("%s: %d workers after a refused restore", filepath.Base(c.file), n)
		}
	}
	if files, _ := s.BackupFiles(); len(files) != 0 {
		t.Fatalf("a refused restore left backups: %v", files)
	}
}
