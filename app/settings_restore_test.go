package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// The clerk restores this morning's backup from 设置: the worker entered
// since is gone, the window runs on the restored database, and the
// database as it was is kept as a backup.
func TestRestoreABackupFromSettings(t *testing.T) {
	h := newHarness(t, true)
	if err := h.s.Create(testWorker(1, "王秀兰")); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.BackupBeside("manual"); err != nil {
		t.Fatal(err)
	}
	if err := h.s.Create(testWorker(2, "马建国")); err != nil {
		t.Fatal(err)
	}
	h.goTo(screenSettings)
	h.tap("从备份恢复…")
	var list *widget.List
	for _, o := range h.all() {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil {
		t.Fatal("no list of backups in the restore dialog")
	}
	list.Select(0)
	h.tap("恢复所选备份")
	h.mustShow("劳动者 1 人")
	h.tap("恢复")
	t.Cleanup(func() { h.g.Store().Close() })
	h.mustShow("恢复完成")

	s := h.g.db
	if s == h.s {
		t.Fatal("the window still runs on the database it replaced")
	}
	n, err := s.CountWorkers(data.WorkerFilter{})
	if err != nil || n != 1 {
		t.Fatalf("workers after restore: %d, %v; want 1", n, err)
	}
	files, err := s.BackupFiles()
	if err != nil {
		t.Fatal(err)
	}
	var before bool
	for _, f := range files {
		before = before || strings.Contains(f.Path, "-before-restore-")
	}
	if !before {
		t.Fatalf("no backup of the database as it was: %v", files)
	}
	// The rebuilt window works on the restored database.
	c := h.w.Canvas()
	c.Overlays().Remove(c.Overlays().Top())
	h.goTo(screenWorkers)
	h.mustShow("共 1 人")
}
