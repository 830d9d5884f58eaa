package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
)

const crashBatch = 400

// TestCrashChild is the writer the crash test kills; it only runs when the
// parent sets DUIKOU_CRASH_DB. It writes batches of workers, one
// transaction each, forever, saying "committed" after each commit.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("DUIKOU_CRASH_DB")
	if path == "" {
		t.Skip("run by TestSIGKILLDuringWriteIsAllOrNothing")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	if s.Office() == nil {
		if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
			os.Exit(3)
		}
	}
	n, _ := s.CountWorkers(data.WorkerFilter{})
	for k := int(n); ; k += crashBatch {
		err := s.WriteBulk(func(tx *Tx) error {
			for i := k; i < k+crashBatch; i++ {
				birth := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/400)
				w := &data.Worker{Name: "测试", HukouRegion: "620123", IDNumber: ident.MakeID("620123", birth, i%400+1, i%2 == 0)}
				if err := tx.Create(w); err != nil {
					return err
				}
			}
			tx.Audit(data.AuditEntry{Action: data.ActImport, Count: crashBatch})
			return nil
		})
		if err != nil {
			fmt.Println("write:", err)
			os.Exit(3)
		}
		fmt.Println("committed")
	}
}

// A clerk's PC loses power or the program is killed in the middle of a
// large write: the database must be intact, with each transaction wholly
// in or wholly out.
func TestSIGKILLDuringWriteIsAllOrNothing(t *testing.T) {
	if os.Getenv("DUIKOU_CRASH_DB") != "" {
		t.Skip("inside the child")
	}
	runs := 25
	if testing.Short() {
		runs = 5
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(7, 11))
	killedMidWrite := 0
	for run := 0; run < runs; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DUIKOU_CRASH_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		// Let it commit at least one batch, then kill it at a random moment
		// inside a later one.
		if !lines.Scan() || lines.Text() != "committed" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("run %d: child said %q", run, lines.Text())
		}
		time.Sleep(time.Duration(rng.IntN(120)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		go func() {
			for lines.Scan() {
			}
		}()
		if err := cmd.Wait(); err == nil {
			t.Fatalf("run %d: child exited on its own", run)
		}
		if _, err := os.Stat(path + "-wal"); err == nil {
			killedMidWrite++ // a WAL left behind: the kill came while the file was open
		}

		s, err := Open(path)
		if err != nil {
			t.Fatalf("run %d: reopen after kill: %v", run, err)
		}
		if err := s.IntegrityCheck(); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		workers := count(t, s, &data.Worker{})
		ops := count(t, s, &Op{})
		var imports int64
		s.db.Model(&data.AuditEntry{}).Where("action = ?", data.ActImport).Count(&imports)
		s.Close()
		if workers%crashBatch != 0 {
			t.Fatalf("run %d: %d workers: a transaction was half written", run, workers)
		}
		if ops != workers || imports*crashBatch != workers {
			t.Fatalf("run %d: %d workers, %d ops, %d batch audits: row, op and audit disagree", run, workers, ops, imports)
		}
	}
	if killedMidWrite == 0 {
		t.Fatal("no kill landed while the database was open; the test proved nothing")
	}
}
