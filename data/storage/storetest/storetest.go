// Package storetest opens a Store for the tests of the packages built on
// data/storage (sheet, report, ...): a database with a sending office set
// up, on a fixed clock. data/storage's own tests cannot use it (it imports
// storage) and keep their own helpers.
package storetest

import (
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// Now is the clock the tests run on: 2026-11-22 10:00 Beijing time.
var Now = time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)

// Office opens a Store on a fresh test database (testdb) whose clock
// stands at Now, with the office set up (see setUp); the Store is closed
// when the test ends.
func Office(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.OpenWith(testdb.Location(t), storage.Options{Now: clock, BackupDir: testdb.BackupDir(t)})
	return setUp(t, s, err)
}

// OfficeAt is Office on the SQLite file at path, its backups beside it.
func OfficeAt(t testing.TB, path string) *storage.Store {
	t.Helper()
	s, err := storage.OpenWith(path, storage.Options{Now: clock})
	return setUp(t, s, err)
}

func clock() time.Time { return Now }

// setUp makes the opened Store the office 榆中县总工会 (620123, sending
// side, clerk 李娟) and closes it when the test ends.
func setUp(t testing.TB, s *storage.Store, err error) *storage.Store {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	return s
}
