package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestUnknownCommandIsAUsageError(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Run([]string{"frobnicate"}, &out, &errOut); code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if lines := strings.Count(strings.TrimSpace(errOut.String()), "\n"); lines != 0 || !strings.Contains(errOut.String(), "frobnicate") {
		t.Fatalf("want one line naming the command, got %q", errOut.String())
	}
}

func TestBadFlagValueIsOneLine(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Run([]string{"demo", "--db", t.TempDir() + "/x.db", "--workers", "many"}, &out, &errOut)
	msg := strings.TrimSpace(errOut.String())
	if code != ExitUsage || strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "workers") {
		t.Fatalf("exit %d, stderr %q", code, msg)
	}
}

func TestHelpGoesToStdoutAndSucceeds(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"import", "-h"}, &out, &errb)
	if code != ExitOK {
		t.Fatalf("import -h exit %d, want 0; stderr %q", code, errb.String())
	}
	if !strings.Contains(out.String(), "-dry-run") || !strings.Contains(out.String(), "只预览") {
		t.Fatalf("import -h should list the flags, got %q", out.String())
	}
}

func TestUnknownFlagIsOneChineseLine(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"import", "--bogus"}, &out, &errb)
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d", code, ExitUsage)
	}
	if got := errb.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "没有这个参数：-bogus") {
		t.Fatalf("stderr %q, want one line naming the flag in Chinese", got)
	}
}

// A command's flag list is Chinese throughout, defaults included.
func TestFlagListIsChinese(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"demo", "-h"}, &out, &errb); code != ExitOK {
		t.Fatalf("demo -h exit %d", code)
	}
	help := out.String()
	if !strings.Contains(help, "（默认 2000）") || !strings.Contains(help, "-seed 整数") {
		t.Fatalf("demo -h: %q", help)
	}
	for _, english := range []string{"(default", " string", " int\n"} {
		if strings.Contains(help, english) {
			t.Fatalf("demo -h says %q: %q", english, help)
		}
	}
}
