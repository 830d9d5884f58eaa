package demo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/dblock"
)

// TestDemoChild is the demo run the kill test kills; it runs only when the
// parent sets DUIKOU_DEMO_CHILD_DB.
func TestDemoChild(t *testing.T) {
	path := os.Getenv("DUIKOU_DEMO_CHILD_DB")
	if path == "" {
		t.Skip("run by TestKilledDemoLeavesNothingThatBlocks")
	}
	s, err := Create(path, Options{Workers: 200000})
	if err == nil {
		s.Close()
	}
	os.Exit(0)
}

// A demo killed half way (kill -9, a closed console) leaves no file at the
// target, and running it again makes the database (it used to refuse the
// half database: "已存在且不为空"); the killed run's temporary file is gone
// afterwards.
func TestKilledDemoLeavesNothingThatBlocks(t *testing.T) {
	if os.Getenv("DUIKOU_DEMO_CHILD_DB") != "" {
		t.Skip("inside the child")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestDemoChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DUIKOU_DEMO_CHILD_DB="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once its temporary database has grown past the set-up.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if building := buildingFiles(t, path); len(building) > 0 {
			if fi, err := os.Stat(building[0]); err == nil && fi.Size() > 256<<10 {
				break
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child never started writing its demo database")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a killed demo left %s behind (err %v)", path, err)
	}
	if len(buildingFiles(t, path)) == 0 {
		t.Fatal("the test proves nothing: no temporary file was left by the killed run")
	}

	s, err := Create(path, Options{Workers: 30})
	if err != nil {
		t.Fatalf("the next demo run was refused: %v", err)
	}
	defer s.Close()
	if n, _ := s.CountWorkers(data.WorkerFilter{}); n != 30 {
		t.Fatalf("%d workers, want 30", n)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
	if left := buildingFiles(t, path); len(left) > 0 {
		t.Fatalf("the killed run's files are still there: %v", left)
	}
}

// A leftover whose builder is still running (it holds the lock) is not
// touched; one whose builder died is removed; neither blocks the demo.
func TestDemoLeavesALiveBuildAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	dead, live := path+buildingMark+"dead00000000", path+buildingMark+"a11ve0000000"
	for _, f := range []string{dead, dead + "-wal", dblock.LockPath(dead), live} {
		if err := os.WriteFile(f, []byte("half a database"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	lock, err := dblock.Acquire(live, "duikou demo")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()

	s, err := Create(path, Options{Workers: 10})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	got := buildingFiles(t, path)
	if len(got) != 1 || got[0] != live {
		t.Fatalf("temporary files after the run: %v, want only %s", got, live)
	}
	if b, _ := os.ReadFile(live); string(b) != "half a database" {
		t.Fatal("the live build's file was changed")
	}
	if _, err := os.Stat(dead + "-wal"); !os.IsNotExist(err) {
		t.Fatal("the dead build's -wal is still there")
	}
}

// buildingFiles lists the temporary demo databases beside path (not their
// -wal, -shm or lock files).
func buildingFiles(t *testing.T, path string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	prefix := filepath.Base(path) + buildingMark
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && !strings.ContainsAny(rest, ".-") {
			out = append(out, filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
	return out
}
