package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// B imports A's first file, acknowledges it, then loses its database and
// restores the backup taken before that import. A's second file starts
// after what B acknowledged: B must refuse it and name the first file.
func TestGapAfterRestoringAnOlderBackupNamesTheMissingFile(t *testing.T) {
	testdb.SkipOnPostgres(t, "goes back to the backup by copying it over the database file")
	a, b := twoOffices(t)
	populate(t, a.s, 2)
	dir := t.TempDir()
	first := filepath.Join(dir, "榆中至江宁-第1份.duikou")
	if _, err := ExportFile(a.s, id(b), first); err != nil {
		t.Fatal(err)
	}
	o, err := OpenFile(b.s, first)
	if err != nil {
		t.Fatal(err)
	}
	res, err := o.Apply(o.FileName)
	if err != nil {
		t.Fatal(err)
	}
	ack, _ := bundle(t, b, a)
	if o, err := open(a.s, ack); err != nil {
		t.Fatal(err)
	} else if _, err := o.Apply("ack.duikou"); err != nil {
		t.Fatal(err)
	}
	if err := a.s.Create(worker(100)); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "榆中至江宁-第2份.duikou")
	if _, err := ExportFile(a.s, id(b), second); err != nil {
		t.Fatal(err)
	}

	// B restores the backup taken before the first import.
	b.s.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(b.path + suffix)
	}
	backup, err := os.ReadFile(res.Backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b.path, backup, 0o644); err != nil {
		t.Fatal(err)
	}
	if b.s, err = storage.Open(b.path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.s.Close() })

	before := checksum(t, b.path)
	_, err = OpenFile(b.s, second)
	var missing *MissingFileError
	if !errors.Is(err, storage.ErrGap) || !errors.As(err, &missing) || missing.Missing == nil ||
		missing.Missing.FileName != filepath.Base(first) || !strings.Contains(err.Error(), "榆中至江宁-第1份.duikou") {
		t.Fatalf("second file after the restore: %v", err)
	}
	if checksum(t, b.path) != before {
		t.Fatal("the refused file changed the database")
	}
	t.Log(err)

	// Importing the named file first, then the second, works.
	for _, path := range []string{first, second} {
		o, err := OpenFile(b.s, path)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		if _, err := o.Apply(o.FileName); err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
	}
	if n, _ := b.s.CountWorkers(data.WorkerFilter{}); n != 3 {
		t.Fatalf("B holds %d workers, want 3", n)
	}
}
