package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// The demo's two offices, Lanzhou and its Nanjing partner made with
// --partner-of, exchange both ways at once; each second import is a no-op
// and each side ends up with the other's records.
func TestDemoPartnerOfficesExchangeBothWays(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "lanzhou.db"), filepath.Join(dir, "nanjing.db")
	makeDemo(t, a, "--workers", "120", "--seed", "5")
	code, out, errOut := runCLI("demo", "--partner-of", a, "--db", b)
	if code != ExitOK || !strings.Contains(out, "南京市总工会") || !strings.Contains(out, "互加名片") {
		t.Fatalf("demo --partner-of: exit %d\n%s%s", code, out, errOut)
	}
	if got := count(t, b, "workers"); got != 0 {
		t.Fatalf("the partner office starts with %d workers", got)
	}
	ownB := count(t, b, "employers")
	employersA := count(t, a, "employers")
	// Each partner list shows the other with a fingerprint.
	for _, pair := range [][2]string{{a, "南京市总工会"}, {b, "兰州市总工会"}} {
		_, out, _ := runCLI("partner", "list", "--db", pair[0])
		if !strings.Contains(out, pair[1]) || strings.Contains(out, "未导入名片") {
			t.Fatalf("%s partner list:\n%s", pair[0], out)
		}
	}

	ab, ba := filepath.Join(dir, "a-b.duikou"), filepath.Join(dir, "b-a.duikou")
	for _, step := range []struct{ db, to, file string }{{a, "南京市总工会", ab}, {b, "兰州市总工会", ba}} {
		if code, out, errOut := runCLI("sync", "export", "--db", step.db, "--to", step.to, "-o", step.file); code != ExitOK {
			t.Fatalf("export from %s: %s%s", step.db, out, errOut)
		}
	}
	for _, step := range []struct{ db, file string }{{b, ab}, {a, ba}} {
		code, out, errOut := runCLI("sync", "import", "--db", step.db, step.file)
		if code != ExitOK || !strings.Contains(out, "已导入来自") || summary(t, out)[0] == "0" {
			t.Fatalf("import into %s: exit %d\n%s%s", step.db, code, out, errOut)
		}
		before := dbChecksum(t, step.db)
		code, out, _ = runCLI("sync", "import", "--db", step.db, step.file)
		if code != ExitOK || !strings.Contains(out, "已导入过") || dbChecksum(t, step.db) != before {
			t.Fatalf("second import into %s: exit %d, %s", step.db, code, out)
		}
	}
	if got := count(t, b, "workers"); got == 0 {
		t.Fatal("no workers reached the partner")
	}
	if got, want := count(t, a, "employers"), employersA+ownB; got != want {
		t.Fatalf("A holds %d employers, want its %d and B's %d", got, employersA, ownB)
	}
	if got, want := count(t, b, "employers"), employersA+ownB; got != want {
		t.Fatalf("B holds %d employers, want %d", got, want)
	}
	// A second demo partner for the same office is refused: A now holds
	// the first one's keys.
	if code, _, errOut := runCLI("demo", "--partner-of", a, "--db", filepath.Join(dir, "again.db")); code == ExitOK ||
		!strings.Contains(errOut, "已导入") {
		t.Fatalf("second partner: exit %d %s", code, errOut)
	}
}
