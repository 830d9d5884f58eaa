package app

import (
	"path/filepath"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// Another desktop restored the office's database from a backup (its
// notice, data.Change.Replaced, which the Store hears from the server):
// the clerk is told, and the worker form being filled in stays open with
// what was typed.
func TestARestoreElsewhereIsToldAndKeepsTheForm(t *testing.T) {
	h := newHarness(t, true)
	ws := h.editStoredWorker(testWorker(1, "王秀兰"))
	h.typeInto(ws.form.notes, "电话未接通")
	h.g.dataChanged(data.Change{Replaced: true})
	h.settle()
	h.mustShow("数据库已从备份恢复")
	h.mustShow("备份之后录入的记录已不在库中")
	h.tap("确定")
	if ws.form == nil || ws.form.notes.Text != "电话未接通" {
		t.Fatal("the form being filled in was closed or lost what was typed")
	}
}

// settleUntil settles the window until cond holds, for a change that
// comes from the server (another desktop's, by LISTEN/NOTIFY) rather
// than from this window's own work; 10 s at most.
func (h *harness) settleUntil(what string, cond func() bool) {
	h.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		h.settle()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatal(what)
		}
	}
}

// Two desktops on one PostgreSQL office. This window lists three
// workers, the third registered on the other desktop after a backup;
// the other desktop restores that backup. This window's list drops to
// the backup's two and the notice says why, without anyone touching it.
func TestARestoreOnAnotherDesktopReloadsTheWindow(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	h := newHarness(t, true)
	for i, name := range []string{"王秀兰", "张建国"} {
		if err := h.s.Create(testWorker(i+1, name)); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "last-week.db")
	if err := h.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	ws := h.openWorkerList()
	other, err := storage.OpenWith(h.loc, testStoreOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.Create(testWorker(3, "马玉兰")); err != nil {
		t.Fatal(err)
	}
	h.settleUntil("the other desktop's worker never reached the list", func() bool { return ws.rows.length() == 3 })

	restored, err := other.RestoreFrom(backup)
	if err != nil {
		t.Fatalf("restore on the other desktop: %v", err)
	}
	defer restored.Close()
	h.settleUntil("the window never heard the restore", func() bool { return h.shows("数据库已从备份恢复") })
	h.tap("确定")
	if n := ws.rows.length(); n != 2 {
		t.Errorf("the list shows %d workers after the restore, want the backup's 2", n)
	}
}
