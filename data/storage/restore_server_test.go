package storage

import (
	"path/filepath"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// Two desktops on one PostgreSQL office. After A's backup, the office's
// 经办人 is changed and B registers a worker; then A restores the
// backup. B, still open, hears one notice that everything was replaced
// (not a row at a time, and nothing about its own earlier write again),
// its reads show the backup's records and 经办人, and its next op is
// numbered above the one it wrote before the restore, so no number the
// partners may hold is used twice.
func TestARestoreOnTheServerTellsTheOtherDesktops(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	a, loc := openTemp(t)
	if _, err := a.SetupOffice("兰州市总工会", "620100", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	kept := validWorker(1)
	if err := a.Create(kept); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "last-week.db")
	if err := a.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if err := a.SetClerk("王芳"); err != nil {
		t.Fatal(err)
	}
	b, err := OpenWith(loc, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	byB := listenTo(b)
	waitListening(t, b)
	later := validWorker(2)
	if err := b.Create(later); err != nil {
		t.Fatal(err)
	}
	if got := byB.collect(1, 5*time.Second); len(got) != 1 || got[0].ID != later.ID {
		t.Fatalf("B heard %v for its own write", got)
	}
	used, err := b.SeqFloor()
	if err != nil {
		t.Fatal(err)
	}

	ra, err := a.RestoreFrom(backup)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	defer ra.Close()
	got := byB.collect(1, 5*time.Second)
	if len(got) != 1 || got[0] != (data.Change{Replaced: true}) {
		t.Fatalf("B heard %v after the restore, want one Replaced notice", got)
	}
	if _, err := b.Worker(later.ID); err == nil {
		t.Error("B still reads the worker registered after the backup")
	}
	if _, err := b.Worker(kept.ID); err != nil {
		t.Errorf("B cannot read the backup's worker: %v", err)
	}
	if clerk := b.Office().ClerkName; clerk != "李娟" {
		t.Errorf("B's office says 经办人 %q after the restore, want the backup's 李娟", clerk)
	}
	if err := b.Create(validWorker(3)); err != nil {
		t.Fatal(err)
	}
	var seq int64
	if err := b.db.Model(&Op{}).Select("MAX(seq)").Where("origin = ?", b.Office().ID).Scan(&seq).Error; err != nil {
		t.Fatal(err)
	}
	if seq <= used {
		t.Errorf("B's op after the restore is numbered %d, not above the %d used before it", seq, used)
	}
}
