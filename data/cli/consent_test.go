package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/storage"
)

// A worker withdraws consent at the sending office: the receiving office's
// import says so, and its worker export no longer holds the ID number.
func TestAWithdrawalOfConsentThroughTheCLI(t *testing.T) {
	dir := t.TempDir()
	a := setupOffice(t, "榆中县总工会", "620123", data.RoleSending)
	b := setupOffice(t, "南京市江宁区总工会", "320115", data.RoleReceiving)
	pinBoth(t, a, b)
	idNumber := yuzhongWoman(7)
	s := openStore(t, a)
	w := &data.Worker{Name: "王秀兰", IDNumber: idNumber, Phone: "13893112345", HukouRegion: "620123", Consent: true}
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	s.Close()
	exchange := func(n int) string {
		t.Helper()
		f := filepath.Join(dir, "榆中至江宁-"+string(rune('0'+n))+".duikou")
		if code, _, errOut := runCLI("sync", "export", "--db", a, "--to", "南京市江宁区总工会", "-o", f); code != ExitOK {
			t.Fatal(errOut)
		}
		return f
	}
	if code, _, errOut := runCLI("sync", "import", "--db", b, exchange(1)); code != ExitOK {
		t.Fatal(errOut)
	}
	s, _ = storage.Open(a)
	got, _ := s.Worker(w.ID)
	got.Consent = false
	if err := s.Update(got); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f := exchange(2)
	code, out, errOut := runCLI("sync", "import", "--db", b, f, "--dry-run")
	if code != ExitOK || !strings.Contains(out, "1 名劳动者已由登记单位撤回共享同意：导入后将删除") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI("sync", "import", "--db", b, f)
	if code != ExitOK || !strings.Contains(out, "1 名劳动者已由登记单位撤回共享同意，已删除") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	csv := filepath.Join(dir, "workers.csv")
	if code, _, errOut := runCLI("export", "workers", "--db", b, "-o", csv, "--full-ids"); code != ExitOK {
		t.Fatal(errOut)
	}
	raw, _ := os.ReadFile(csv)
	if !strings.Contains(string(raw), "王某（已撤回同意）") || strings.Contains(string(raw), idNumber) || strings.Contains(string(raw), "王秀兰") {
		t.Fatalf("B's worker export after the withdrawal:\n%s", raw)
	}
}
