package savedir

import (
	"os"
	"path/filepath"
	"testing"
)

// The print folder is made under Documents when it is not there, and a
// taken name gets " (2)", " (3)" as Windows names copies.
func TestPrintDirIsMadeOnDemandAndNamesAreUnique(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "Documents")
	documents = func() (string, error) { return docs, nil }
	t.Cleanup(func() { documents = documentsDir })
	dir, err := PrintDir()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(docs, "对口劳务协作", "打印"); dir != want {
		t.Fatalf("dir %s, want %s", dir, want)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("not created: %v", err)
	}
	name := "花名册-2026-12-06-已上岗.pdf"
	first := Unique(dir, name)
	if first != filepath.Join(dir, name) {
		t.Fatalf("first %s", first)
	}
	for i, want := range []string{"花名册-2026-12-06-已上岗 (2).pdf", "花名册-2026-12-06-已上岗 (3).pdf"} {
		if err := os.WriteFile(Unique(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := filepath.Base(Unique(dir, name)); got != want {
			t.Fatalf("copy %d named %s, want %s", i+2, got, want)
		}
	}
}

func TestCleanName(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"甘肃省兰州市榆中县-待业", 40, "甘肃省兰州市榆中县-待业"},
		{`南京/苏州: "家政"`, 40, "南京_苏州_ _家政_"},
		{"  两个   空格  ", 40, "两个 空格"},
		{"一二三四五六七八九十", 5, "一二三四五"},
	} {
		if got := CleanName(c.in, c.max); got != c.want {
			t.Errorf("CleanName(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}
