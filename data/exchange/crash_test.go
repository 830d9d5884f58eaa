package exchange

import (
	"bufio"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// TestImportCrashChild is the importer the crash test kills; it runs only
// when the parent sets DUIKOU_IMPORT_CRASH_DB.
func TestImportCrashChild(t *testing.T) {
	path := os.Getenv("DUIKOU_IMPORT_CRASH_DB")
	if path == "" {
		t.Skip("run by TestSIGKILLDuringImportIsAllOrNothing")
	}
	s, err := storage.Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	o, err := OpenFile(s, os.Getenv("DUIKOU_IMPORT_CRASH_FILE"))
	if err != nil {
		fmt.Println("open bundle:", err)
		os.Exit(3)
	}
	fmt.Println("opened")
	if _, err := o.Apply("crash.duikou"); err != nil {
		fmt.Println("apply:", err)
		os.Exit(3)
	}
	fmt.Println("applied")
	os.Exit(0)
}

// bulkWorkers creates n consented workers in one transaction.
func bulkWorkers(t testing.TB, s *storage.Store, from, n int) {
	t.Helper()
	err := s.WriteBulk(func(tx *storage.Tx) error {
		for i := from; i < from+n; i++ {
			if err := tx.Create(worker(i)); err != nil {
				return err
			}
		}
		tx.Audit(data.AuditEntry{Action: data.ActImport, Count: n, Summary: "测试批量登记"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(fmt.Sprintf("SELECT COUNT(*) FROM %q", table)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The program is killed (or the PC loses power) in the middle of a large
// import: the receiver's database is intact and holds all of the bundle
// or none of it.
func TestSIGKILLDuringImportIsAllOrNothing(t *testing.T) {
	testdb.SkipOnPostgres(t, "resets the receiving office by rewriting its database file between runs")
	if os.Getenv("DUIKOU_IMPORT_CRASH_DB") != "" {
		t.Skip("inside the child")
	}
	const n = 1500
	runs := 10
	if testing.Short() {
		runs = 4
	}
	a, b := twoOffices(t)
	bulkWorkers(t, a.s, 0, n)
	dir := t.TempDir()
	file := filepath.Join(dir, "big.duikou")
	if _, err := ExportFile(a.s, id(b), file); err != nil {
		t.Fatal(err)
	}
	b.s.Close()
	pristine, err := os.ReadFile(b.path)
	if err != nil {
		t.Fatal(err)
	}
	reset := func() {
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			os.Remove(b.path + suffix)
		}
		os.RemoveAll(filepath.Join(filepath.Dir(b.path), "backups"))
		if err := os.WriteFile(b.path, pristine, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// child starts the importer and returns once it has opened the bundle.
	child := func() (*exec.Cmd, *bufio.Scanner) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DUIKOU_IMPORT_CRASH_DB="+b.path, "DUIKOU_IMPORT_CRASH_FILE="+file)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		if !lines.Scan() || lines.Text() != "opened" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child said %q", lines.Text())
		}
		return cmd, lines
	}

	// Time one import left alone, to aim the kills inside it.
	reset()
	start := time.Now()
	cmd, lines := child()
	if !lines.Scan() || lines.Text() != "applied" {
		t.Fatalf("undisturbed import: %q", lines.Text())
	}
	cmd.Wait()
	took := time.Since(start)
	if got := countRows(t, b.path, "workers"); got != n {
		t.Fatalf("undisturbed import brought %d workers", got)
	}
	t.Logf("an undisturbed import of %d workers takes %v", n, took)

	rng := rand.New(rand.NewPCG(3, 5))
	none, all := 0, 0
	for run := 0; run < runs; run++ {
		reset()
		cmd, lines := child()
		time.Sleep(time.Duration(rng.Int64N(int64(took))))
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		go func() {
			for lines.Scan() {
			}
		}()
		cmd.Wait()

		s, err := storage.Open(b.path)
		if err != nil {
			t.Fatalf("run %d: reopen after kill: %v", run, err)
		}
		if err := s.IntegrityCheck(); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		s.Close()
		workers, bundles := countRows(t, b.path, "workers"), countRows(t, b.path, "bundle_logs")
		switch {
		case workers == 0 && bundles == 0:
			none++
		case workers == n && bundles == 1:
			all++
		default:
			t.Fatalf("run %d: %d workers and %d bundle records: the import was half written", run, workers, bundles)
		}
	}
	t.Logf("%d kills left nothing, %d came after the commit", none, all)
	if none == 0 {
		t.Fatal("no kill landed before the import committed; the test proved nothing")
	}
}
