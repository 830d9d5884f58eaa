package storage

import (
	"database/sql"
	"duikou/data"
	"duikou/data/dblock"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// loadFixture builds a database file from an SQL dump in testdata.
func loadFixture(t *testing.T, dump string) string {
	t.Helper()
	script, err := os.ReadFile(filepath.Join("testdata", dump))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(string(script)); err != nil {
		t.Fatalf("load %s: %v", dump, err)
	}
	return path
}

func TestMigrateFromV1KeepsEveryRowAndBacksUpFirst(t *testing.T) {
	path := loadFixture(t, "schema_v1.sql")
	s, err := OpenWith(path, Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("open v1 database: %v", err)
	}
	defer s.Close()
	want := map[any]int64{&data.Worker{}: 12, &data.Employer{}: 1, &data.Demand{}: 1, &data.Placement{}: 3, &data.FollowUp{}: 3}
	for m, n := range want {
		if got := count(t, s, m); got != n {
			t.Fatalf("%T: %d rows after migration, want %d", m, got, n)
		}
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
	// The new columns were filled from the old data: 工种 filters work.
	n, err := s.CountWorkers(data.WorkerFilter{Occupation: "cleaner"})
	if err != nil || n != 3 { // workers 3, 6 and 9 hold 保洁员 as a second skill (12 was made an electrician)
		t.Fatalf("workers holding cleaner = %d, %v", n, err)
	}
	n, _ = s.CountWorkers(data.WorkerFilter{Occupation: "electrician"})
	if n != 3 { // workers 4, 8, 12
		t.Fatalf("electricians = %d", n)
	}
	// The backup beside it is the untouched old database.
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*before-migrate-v1-*.db"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	old, err := sql.Open("sqlite3", backups[0]+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var version string
	var workers int
	old.QueryRow("SELECT value FROM settings WHERE key = 'schema_version'").Scan(&version)
	old.QueryRow("SELECT COUNT(*) FROM workers").Scan(&workers)
	if version != "1" || workers != 12 {
		t.Fatalf("backup holds version %q with %d workers", version, workers)
	}
	// The office and its keys survived, so writing continues its op sequence.
	if s.Office() == nil || s.Office().Name != "榆中县总工会" {
		t.Fatalf("office after migration: %+v", s.Office())
	}
	if err := s.Create(validWorker(40)); err != nil {
		t.Fatal(err)
	}
	log, _ := s.AuditLog(5)
	found := false
	for _, e := range log {
		found = found || (e.Action == data.ActMigrate && strings.Contains(e.Summary, fmt.Sprintf("版本 1 升级到 %d", SchemaVersion)))
	}
	if !found {
		t.Fatal("migration not in the audit log")
	}
}

// Version 3 counts each demand's open referrals from the placements
// already there: two of the fixture's three placements put back to 已推荐
// and 已面试 give the demand 2 referrals in progress.
func TestMigrateCountsOpenReferrals(t *testing.T) {
	path := loadFixture(t, "schema_v1.sql")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE placements SET stage = CASE id
		WHEN '01a20153-50c5-71a5-a21a-618676cd955f' THEN 'referred'
		WHEN '01a20153-50c7-7869-81a5-a5990bb809a5' THEN 'interviewed' ELSE stage END`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenWith(path, Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("open v1 database: %v", err)
	}
	defer s.Close()
	d, err := s.Demand("01a20153-50c2-7a73-8206-44e5a744bd87")
	if err != nil {
		t.Fatal(err)
	}
	if d.Referred != 2 {
		t.Fatalf("referred after migration = %d, want 2", d.Referred)
	}
}

func TestOpenRefusesNewerSchemaAndForeignFiles(t *testing.T) {
	path := loadFixture(t, "schema_v1.sql")
	db, _ := sql.Open("sqlite3", path)
	db.Exec("UPDATE settings SET value = '99' WHERE key = 'schema_version'")
	db.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "较新版本") {
		t.Fatalf("newer schema: %v", err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	db, _ = sql.Open("sqlite3", other)
	db.Exec("CREATE TABLE customers (id integer)")
	db.Close()
	if _, err := Open(other); err == nil || !strings.Contains(err.Error(), "不是对口") {
		t.Fatalf("foreign file: %v", err)
	}
}

func TestBackupIsACheckedCopy(t *testing.T) {
	s := newStore(t)
	for i := 1; i <= 5; i++ {
		if err := s.Create(validWorker(i)); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(dst); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dst + ".partial"); !os.IsNotExist(err) {
		t.Fatal("temporary backup file left behind")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dst)); len(entries) != 1 {
		t.Fatalf("the backup's folder holds %d entries, want the backup alone: %v", len(entries), entries)
	}
	c, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, _ := c.CountWorkers(data.WorkerFilter{}); n != 5 {
		t.Fatalf("backup holds %d workers", n)
	}
	if c.Office() == nil || c.Office().ID != s.Office().ID {
		t.Fatal("backup lost the office")
	}
}

// One daily backup a day, and after 45 days the folder holds the 30 of the
// last 30 days (days 15..44): older than 30 days and beyond the newest 10,
// the first 15 are gone.
func TestDailyBackupOncePerDayAndPruned(t *testing.T) {
	day := fixedNow
	path := filepath.Join(t.TempDir(), "duikou.db")
	s, err := OpenWith(path, Options{Now: func() time.Time { return day }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟")
	const days = 45
	for i := 0; i < days; i++ {
		made, err := s.DailyBackup()
		if err != nil || made == "" {
			t.Fatalf("day %d: %q, %v", i, made, err)
		}
		if again, _ := s.DailyBackup(); again != "" {
			t.Fatalf("day %d: second backup on the same day", i)
		}
		day = day.AddDate(0, 0, 1)
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*-daily-*.db"))
	if len(files) != 30 {
		t.Fatalf("%d daily backups kept, want 30", len(files))
	}
	if !strings.Contains(files[0], fixedNow.AddDate(0, 0, 15).Format("20060102")) {
		t.Fatalf("oldest kept is %s, want day 15", files[0])
	}
	if !strings.Contains(files[len(files)-1], day.AddDate(0, 0, -1).Format("20060102")) {
		t.Fatalf("newest kept is %s", files[len(files)-1])
	}
}

// A reader (a read-only command beside a window) upgrades an old file
// only with the lock: refused, with nothing changed, while someone holds
// it; upgraded once it is free.
func TestReaderUpgradesOnlyWithTheLock(t *testing.T) {
	path := loadFixture(t, "schema_v1.sql")
	held, err := dblock.AcquireWait(path, "对口劳务协作", 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenWith(path, Options{Reader: true, Now: func() time.Time { return fixedNow }})
	if err == nil || !strings.Contains(err.Error(), "才能读取，但现在无法升级") {
		t.Fatalf("reader on a locked old file: %v", err)
	}
	raw, _ := sql.Open("sqlite3", path)
	var version string
	raw.QueryRow("SELECT value FROM settings WHERE key = 'schema_version'").Scan(&version)
	raw.Close()
	if version != "1" {
		t.Fatalf("schema version %q after a refused upgrade", version)
	}
	held.Release()
	s, err := OpenWith(path, Options{Reader: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("reader on a free old file: %v", err)
	}
	defer s.Close()
	if v, _ := s.Setting(schemaVersionKey, ""); v != fmt.Sprint(SchemaVersion) {
		t.Fatalf("schema version %q after the reader's upgrade", v)
	}
}
