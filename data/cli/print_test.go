package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
)

func TestPrintWritesAPDFAndChecksDates(t *testing.T) {
	db := sheetImportedDB(t)
	pdf := filepath.Join(t.TempDir(), "名册.pdf")
	code, out, errOut := runCLI("print", "workers", "--db", db, "-o", pdf, "--from", "2026-01-01")
	if code != ExitOK || !strings.Contains(out, "2 条，共 1 页") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	b, _ := os.ReadFile(pdf)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if a := sheetLastAudit(t, db); a.Action != data.ActPrint || a.Count != 2 {
		t.Fatalf("audit %+v", a)
	}
	for _, args := range [][]string{
		{"print", "workers", "--db", db, "-o", pdf, "--from", "昨天"},
		{"print", "workers", "--db", db, "-o", pdf, "--from", "2026-03-02", "--to", "2026-03-01"},
		{"print", "employers", "--db", db, "-o", pdf, "--from", "2026-03-01"},
		{"print", "companies", "--db", db, "-o", pdf},
		{"print", "workers", "--db", db},
	} {
		if code, _, errOut := runCLI(args...); code != ExitUsage || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
}
