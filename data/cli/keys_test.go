package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data/keystore"
)

// An office moves to a new computer: there the copied database cannot
// send a file until `duikou keys import` of the file `duikou keys export`
// wrote on the old one (passphrase from DUIKOU_KEY_PASSPHRASE); a wrong
// passphrase is one line on stderr and exit 2.
func TestKeysExportAndImportMoveTheOfficeToANewComputer(t *testing.T) {
	dir := t.TempDir()
	oldPC, newPC := t.TempDir(), t.TempDir()
	t.Setenv(keystore.EnvDir, oldPC)
	a, b := filepath.Join(dir, "lanzhou.db"), filepath.Join(dir, "nanjing.db")
	for _, args := range [][]string{
		{"demo", "--db", a, "--workers", "20"},
		{"demo", "--partner-of", a, "--db", b},
	} {
		if code, _, errOut := runCLI(args...); code != ExitOK {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	keyFile := filepath.Join(dir, "兰州.key")
	t.Setenv(EnvPassphrase, "兰州-2026-冬季")
	if code, out, errOut := runCLI("keys", "export", "--db", a, "-o", keyFile); code != ExitOK || !strings.Contains(out, "兰州市总工会") {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}
	if st, err := os.Stat(keyFile); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st, err)
	}

	t.Setenv(keystore.EnvDir, newPC)
	bundle := filepath.Join(dir, "兰州至南京.duikou")
	code, _, errOut := runCLI("sync", "export", "--db", a, "--to", "南京市总工会", "-o", bundle)
	if code != ExitUsage || !strings.Contains(errOut, "没有本单位的交换密钥") || !strings.Contains(errOut, "keys export") {
		t.Fatalf("sync export without keys: %d %q", code, errOut)
	}
	t.Setenv(EnvPassphrase, "兰州-2026-夏季")
	code, _, errOut = runCLI("keys", "import", "--db", a, keyFile)
	if code != ExitUsage {
		t.Fatalf("wrong passphrase: exit %d", code)
	}
	oneLine(t, errOut, "口令不对")
	t.Setenv(EnvPassphrase, "兰州-2026-冬季")
	if code, out, errOut := runCLI("keys", "import", "--db", a, keyFile); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := runCLI("sync", "export", "--db", a, "--to", "南京市总工会", "-o", bundle); code != ExitOK {
		t.Fatalf("sync export after the import: %s", errOut)
	}
}
