package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/exchange"
	"duikou/data/storage"
)

func oneLine(t *testing.T, stderr string, want ...string) {
	t.Helper()
	msg := strings.TrimSpace(stderr)
	if msg == "" || strings.Contains(msg, "\n") {
		t.Fatalf("want one line on stderr, got %q", stderr)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Fatalf("%q does not say %q", msg, w)
		}
	}
}

func officeOf(t *testing.T, path string) (*data.Office, string) {
	t.Helper()
	s := openStore(t, path)
	defer s.Close()
	fp, err := exchange.OfficeFingerprint(s)
	if err != nil {
		t.Fatal(err)
	}
	return s.Office(), fp
}

func TestPartnerCardAddAndList(t *testing.T) {
	a := setupOffice(t, "榆中县总工会", "620123", data.RoleSending)
	b := setupOffice(t, "南京市江宁区总工会", "320115", data.RoleReceiving)
	oa, fpA := officeOf(t, a)
	card := filepath.Join(t.TempDir(), "榆中县总工会.card")

	code, out, errOut := runCLI("partner", "card", "--db", a, "-o", card)
	if code != ExitOK || !strings.Contains(out, fpA) || !strings.Contains(out, oa.ID) {
		t.Fatalf("card: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(card); err != nil {
		t.Fatal(err)
	}

	code, out, errOut = runCLI("partner", "add", "--db", b, card)
	if code != ExitOK || !strings.Contains(out, "榆中县总工会") || !strings.Contains(out, oa.ID) || !strings.Contains(out, fpA) {
		t.Fatalf("add: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runCLI("partner", "list", "--db", b)
	if code != ExitOK || !strings.Contains(out, oa.ID) || !strings.Contains(out, fpA) || !strings.Contains(out, "输出地") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}

	// The same card again, our own card, and a file that is no card.
	code, _, errOut = runCLI("partner", "add", "--db", b, card)
	if code != ExitUsage {
		t.Fatalf("second add: exit %d", code)
	}
	oneLine(t, errOut, "已添加过")
	code, _, errOut = runCLI("partner", "add", "--db", a, card)
	if code != ExitUsage {
		t.Fatalf("own card: exit %d", code)
	}
	oneLine(t, errOut, "本单位自己")
	junk := filepath.Join(t.TempDir(), "roster.csv")
	os.WriteFile(junk, []byte("姓名,身份证号\n"), 0o644)
	code, _, errOut = runCLI("partner", "add", "--db", b, junk)
	if code != ExitUsage {
		t.Fatalf("junk: exit %d", code)
	}
	oneLine(t, errOut, "不是对口单位名片")
}

func TestPartnerUsageErrors(t *testing.T) {
	a := setupOffice(t, "榆中县总工会", "620123", data.RoleSending)
	for _, args := range [][]string{
		{"partner"},
		{"partner", "remove", "--db", a},
		{"partner", "card", "--db", a},
		{"partner", "add", "--db", a},
		{"partner", "card", "--db", filepath.Join(t.TempDir(), "missing.db"), "-o", "x.card"},
	} {
		code, _, errOut := runCLI(args...)
		if code != ExitUsage {
			t.Fatalf("%v: exit %d", args, code)
		}
		oneLine(t, errOut)
	}
}

// partner list only reads: it answers while the window has the database
// open, instead of waiting for its lock and giving up.
func TestPartnerListAnswersWhileTheWindowHoldsTheDatabase(t *testing.T) {
	lockWait = 500 * time.Millisecond // a writer would give up this soon
	defer func() { lockWait = 10 * time.Second }()
	a := setupOffice(t, "榆中县总工会", "620123", data.RoleSending)
	b := setupOffice(t, "南京市江宁区总工会", "320115", data.RoleReceiving)
	oa, fpA := officeOf(t, a)
	card := filepath.Join(t.TempDir(), "榆中县总工会.card")
	if code, _, errOut := runCLI("partner", "card", "--db", a, "-o", card); code != ExitOK {
		t.Fatalf("card: %s", errOut)
	}
	if code, _, errOut := runCLI("partner", "add", "--db", b, card); code != ExitOK {
		t.Fatalf("add: %s", errOut)
	}
	window, err := storage.OpenWith(b, storage.Options{Program: "对口劳务协作窗口"})
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	code, out, errOut := runCLI("partner", "list", "--db", b)
	if code != ExitOK || !strings.Contains(out, oa.ID) || !strings.Contains(out, fpA) || !strings.Contains(out, "榆中县总工会") {
		t.Fatalf("list while the window is open: exit %d\n%s%s", code, out, errOut)
	}
}
