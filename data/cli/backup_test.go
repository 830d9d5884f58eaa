package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
)

// duikou backup writes a checked copy; duikou restore puts it back, and
// refuses a file that is not a backup with one line and exit 2.
func TestBackupAndRestore(t *testing.T) {
	db := setupOffice(t, "榆中县总工会", "620123", data.RoleSending)
	backup := filepath.Join(t.TempDir(), "before-fair.db")
	if code, out, errOut := runCLI("backup", "--db", db, "-o", backup); code != ExitOK || !strings.Contains(out, "已备份") {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	code, _, errOut := runCLI("backup", "--db", db, "-o", backup)
	if code != ExitUsage {
		t.Fatalf("backup over an existing file: exit %d", code)
	}
	oneLine(t, errOut, "已存在")

	s := openStore(t, db)
	if err := s.SetClerk("王磊"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, out, errOut := runCLI("restore", "--db", db, backup)
	if code != ExitOK || !strings.Contains(out, "已从 before-fair.db 恢复") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	s = openStore(t, db)
	defer s.Close()
	if got := s.Office().ClerkName; got != "张敏" {
		t.Fatalf("clerk after restore %q, want the backup's 张敏", got)
	}

	code, _, errOut = runCLI("restore", "--db", db, filepath.Join(t.TempDir(), "nothing.db"))
	if code != ExitUsage {
		t.Fatalf("restore from a missing file: exit %d", code)
	}
	oneLine(t, errOut, "找不到")
}
