package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duikou/data"
)

// A command that only reads (an export) audits what it wrote while the
// window holds a long import open: after SQLite's 10 s it is told in
// Chinese that the database is busy, by whom, and that nothing changed,
// not "database is locked".
func TestABusyDatabaseIsExplainedWithItsHolder(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out SQLite's 10 s busy timeout")
	}
	path := filepath.Join(t.TempDir(), "duikou.db")
	w, err := OpenWith(path, Options{Program: "对口劳务协作窗口"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	r, err := OpenWith(path, Options{Reader: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()

	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- w.WriteBulk(func(tx *Tx) error {
			if err := tx.Create(validWorker(1)); err != nil {
				return err
			}
			close(holding)
			<-release // the long import goes on
			return nil
		})
	}()
	<-holding
	start := time.Now()
	err = r.Audit(data.ActExport, "workers", 3, "导出劳动者")
	close(release)
	if werr := <-done; werr != nil {
		t.Fatal(werr)
	}
	var be *BusyError
	if !errors.As(err, &be) {
		t.Fatalf("want a BusyError, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"数据库正忙", "对口劳务协作窗口", "10 秒", "未做任何改动"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "locked") || time.Since(start) < 9*time.Second {
		t.Errorf("message %q after %v", msg, time.Since(start))
	}
}
