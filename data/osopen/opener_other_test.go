//go:build linux

package osopen

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fakeOpener puts an xdg-open on PATH that runs script, and a file to open.
func fakeOpener(t *testing.T, script string) (file, log string) {
	t.Helper()
	bin := t.TempDir()
	log = filepath.Join(bin, "opened")
	body := "#!/bin/sh\necho \"$1\" >> " + log + "\n" + script + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	file = filepath.Join(t.TempDir(), "花名册.pdf")
	if err := os.WriteFile(file, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, log
}

// Off Windows 打印 opens the viewer; when the opener fails, Print says so
// instead of claiming the file was opened.
func TestPrintReportsAFailedOpener(t *testing.T) {
	file, _ := fakeOpener(t, "exit 3")
	fellBack, err := Print(file)
	if !fellBack || !errors.Is(err, ErrNoOpener) {
		t.Fatalf("fellBack %v, err %v", fellBack, err)
	}
}

func TestPrintOpensTheViewerWhenItCan(t *testing.T) {
	file, log := fakeOpener(t, "exit 0")
	fellBack, err := Print(file)
	if !fellBack || err != nil {
		t.Fatalf("fellBack %v, err %v", fellBack, err)
	}
	if b, _ := os.ReadFile(log); string(b) != file+"\n" {
		t.Fatalf("opener was given %q", b)
	}
}

func TestNoOpenerAtAll(t *testing.T) {
	file, _ := fakeOpener(t, "")
	t.Setenv("PATH", t.TempDir()) // no xdg-open
	if err := Open(file); !errors.Is(err, ErrNoOpener) {
		t.Fatalf("Open without an opener: %v", err)
	}
}

// 打开文件夹 opens the folder holding the file, not the file.
func TestOpenFolderOpensTheFolder(t *testing.T) {
	file, log := fakeOpener(t, "exit 0")
	if err := OpenFolder(file); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(log); string(b) != filepath.Dir(file)+"\n" {
		t.Fatalf("opener was given %q", b)
	}
}
