package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/storage"
)

func TestDemoCommandWritesAHealthyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	var out, errOut bytes.Buffer
	code := Run([]string{"demo", "--db", path, "--workers", "200", "--seed", "3"}, &out, &errOut)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"兰州市总工会", "劳动者 200 人", "用工单位 55 家", "个岗位", "就业安置", "逾期", "用时"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
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
	var out, errOut bytes.Buffer
	if code := Run([]string{"demo", "--db", path, "--workers", "10"}, &out, &errOut); code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if msg := strings.TrimSpace(errOut.String()); strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
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
		var out, errOut bytes.Buffer
		if code := Run(args, &out, &errOut); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
		if errOut.Len() == 0 {
			t.Errorf("%v: nothing on stderr", args)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("usage errors wrote files: %v", entries)
	}
}
