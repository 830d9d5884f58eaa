package recommend

import (
	"path/filepath"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// eventually polls cond until it holds or 10 s pass: another desktop's
// write reaches this one through the server (LISTEN/NOTIFY), not at a
// moment the test can wait on.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal(what)
		}
	}
}

// Desktop B's matching index on a PostgreSQL office follows A's restore
// of a backup: the worker A registered after the backup ranks for the
// demand on B until the restore, and not after it (the whole index is
// built again), while the backup's worker still does.
func TestTheIndexFollowsARestoreOnAnotherDesktop(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	loc := testdb.Location(t)
	open := func() *storage.Store {
		s, err := storage.OpenWith(loc, storage.Options{Now: func() time.Time { return fixedNow }, BackupDir: testdb.BackupDir(t)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a := open()
	if _, err := a.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	d := newDemand(t, a, newEmployer(t, a, "南京悦家家政服务有限公司"), nil)
	kept := newWorker(t, a, "王秀兰", nil)
	backup := filepath.Join(t.TempDir(), "last-week.db")
	if err := a.Backup(backup); err != nil {
		t.Fatal(err)
	}
	m := newMatcher(t, open()) // desktop B
	later := newWorker(t, a, "马玉兰", nil)
	ranks := func(id string) bool {
		_, ok := find(topWorkers(t, m, d.ID), id)
		return ok
	}
	eventually(t, "B's index never ranked the worker A registered", func() bool { return ranks(later.ID) })

	restored, err := a.RestoreFrom(backup)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	t.Cleanup(func() { restored.Close() })
	eventually(t, "B's index still ranks the worker registered after the backup", func() bool { return !ranks(later.ID) })
	if !ranks(kept.ID) {
		t.Error("B's index lost the backup's worker")
	}
}
