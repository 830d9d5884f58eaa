package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// A demo office moves from its SQLite file onto an empty PostgreSQL
// database: every table arrives with its rows, the op log with the same
// numbers, and the office keeps working there (a new worker's op follows
// the last moved one). A second move onto the now full database is
// refused with nothing written.
func TestMigrateMovesTheDemoOfficeOntoPostgres(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	file := demoDB(t, "--workers", "150", "--seed", "5")
	server := testdb.NewPostgres(t)
	var out, errOut bytes.Buffer
	if code := Run([]string{"migrate", "--db", file, "--to", server}, &out, &errOut); code != ExitOK {
		t.Fatalf("migrate: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "核对无误") || !strings.Contains(out.String(), "workers        150 行") {
		t.Fatalf("summary:\n%s", out.String())
	}

	src, err := storage.OpenWith(file, storage.Options{Reader: true})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst := openStore(t, server)
	defer dst.Close()
	if dst.Office() == nil || dst.Office().ID != src.Office().ID {
		t.Fatalf("office on the server %+v, in the file %+v", dst.Office(), src.Office())
	}
	for _, f := range []data.WorkerFilter{{}, {Status: data.WorkerEmployed}} {
		a, _ := src.CountWorkers(f)
		b, _ := dst.CountWorkers(f)
		if a != b || a == 0 {
			t.Fatalf("workers %+v: %d in the file, %d on the server", f, a, b)
		}
	}
	floor, _ := src.SeqFloor()
	w := &data.Worker{Name: "马小军", IDNumber: "620102199001011233", HukouRegion: "620102", Consent: true}
	if err := dst.Create(w); err != nil {
		t.Fatal(err)
	}
	if next, _ := dst.SeqFloor(); next != floor+1 {
		t.Fatalf("the first op on the server is number %d, want %d (after the file's %d)", next, floor+1, floor)
	}

	out.Reset()
	errOut.Reset()
	if code := Run([]string{"migrate", "--db", file, "--to", server}, &out, &errOut); code != ExitUsage {
		t.Fatalf("a second move: exit %d", code)
	}
	if msg := errOut.String(); !strings.Contains(msg, "不是空的") || strings.Count(msg, "\n") != 1 {
		t.Fatalf("want one line saying the target is not empty, got %q", msg)
	}
	if n, _ := dst.CountWorkers(data.WorkerFilter{}); n != 151 {
		t.Fatalf("the refused move changed the server: %d workers", n)
	}
}

func TestMigrateRefusesAPasswordInTheConnection(t *testing.T) {
	file := filepath.Join(t.TempDir(), "office.db")
	code, _, errOut := runCLI("migrate", "--db", file, "--to", "postgres://jingban:s3cret@192.168.1.10/duikou")
	if code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if msg := errOut; strings.Contains(msg, "s3cret") || !strings.Contains(msg, "PGPASSWORD") {
		t.Fatalf("want the refusal naming PGPASSWORD, without the password: %q", msg)
	}
}
