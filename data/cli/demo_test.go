package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
)

func TestDemoCommandWritesAHealthyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runCLI("demo", "--db", path, "--workers", "200", "--seed", "3")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"兰州市总工会", "劳动者 200 人", "用工单位 55 家", "个岗位", "就业安置", "逾期", "用时"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	s := openStore(t, path)
	defer s.Close()
	if err := s.IntegrityCheck(); err != nil { // integrity_check ok, foreign_key_check empty
		t.Fatal(err)
	}
	if mode, err := s.JournalMode(); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q %v", mode, err)
	}
	if n, _ := s.CountWorkers(data.WorkerFilter{}); n != 200 {
		t.Fatalf("%d workers", n)
	}
}

func TestDemoCommandRefusesAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roster.db")
	if err := os.WriteFile(path, []byte("not empty"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("demo", "--db", path, "--workers", "10")
	if code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if msg := strings.TrimSpace(errOut); strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
		t.Fatalf("want one line naming the file, got %q", msg)
	}
	if b, _ := os.ReadFile(path); string(b) != "not empty" {
		t.Fatalf("file changed to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("refusal wrote files: %v", entries)
	}
}

func TestDemoCommandUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"demo"},
		{"demo", "--db", filepath.Join(dir, "a.db"), "--workers", "-5"},
		{"demo", "--db", filepath.Join(dir, "b.db"), "--workers", "many"},
		{"demo", "--db", filepath.Join(dir, "c.db"), "extra"},
	} {
		code, _, errOut := runCLI(args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
		if errOut == "" {
			t.Errorf("%v: nothing on stderr", args)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("usage errors wrote files: %v", entries)
	}
}
