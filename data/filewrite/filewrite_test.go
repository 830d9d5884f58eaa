package filewrite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file is written whole under its own name and the temporary name is
// gone; a failure names the file as given, in Chinese, and leaves nothing.
func TestBytesWritesWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "名册.pdf")
	if err := Bytes(path, []byte("%PDF-1.4")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.4" {
		t.Fatalf("wrote %q", b)
	}
	if _, err := os.Stat(TempName(path)); !os.IsNotExist(err) {
		t.Fatal("the temporary file is left behind")
	}
	missing := filepath.Join(dir, "没有", "名册.pdf")
	err := Bytes(missing, []byte("x"))
	if err == nil || err.Error() != "无法写入 "+missing+"：文件或文件夹不存在" {
		t.Fatalf("err %v", err)
	}
	// Over a folder of the same name: refused, the folder untouched.
	sub := filepath.Join(dir, "文件夹")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Bytes(sub, []byte("x")); err == nil || strings.Contains(err.Error(), ".partial") {
		t.Fatalf("over a folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("left %v", entries)
	}
}
