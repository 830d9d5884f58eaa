package cli

import (
	"strings"
	"testing"
)

func TestUnknownCommandIsAUsageError(t *testing.T) {
	code, _, errOut := runCLI("frobnicate")
	if code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if lines := strings.Count(strings.TrimSpace(errOut), "\n"); lines != 0 || !strings.Contains(errOut, "frobnicate") {
		t.Fatalf("want one line naming the command, got %q", errOut)
	}
}

func TestBadFlagValueIsOneLine(t *testing.T) {
	code, _, errOut := runCLI("demo", "--db", t.TempDir()+"/x.db", "--workers", "many")
	msg := strings.TrimSpace(errOut)
	if code != ExitUsage || strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "workers") {
		t.Fatalf("exit %d, stderr %q", code, msg)
	}
}

func TestHelpGoesToStdoutAndSucceeds(t *testing.T) {
	code, out, errb := runCLI("import", "-h")
	if code != ExitOK {
		t.Fatalf("import -h exit %d, want 0; stderr %q", code, errb)
	}
	if !strings.Contains(out, "-dry-run") || !strings.Contains(out, "只预览") {
		t.Fatalf("import -h should list the flags, got %q", out)
	}
}

func TestUnknownFlagIsOneChineseLine(t *testing.T) {
	code, _, got := runCLI("import", "--bogus")
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d", code, ExitUsage)
	}
	if strings.Count(got, "\n") != 1 || !strings.Contains(got, "没有这个参数：-bogus") {
		t.Fatalf("stderr %q, want one line naming the flag in Chinese", got)
	}
}

// A command's flag list is Chinese throughout, defaults included.
func TestFlagListIsChinese(t *testing.T) {
	code, help, _ := runCLI("demo", "-h")
	if code != ExitOK {
		t.Fatalf("demo -h exit %d", code)
	}
	if !strings.Contains(help, "（默认 2000）") || !strings.Contains(help, "-seed 整数") {
		t.Fatalf("demo -h: %q", help)
	}
	for _, english := range []string{"(default", " string", " int\n"} {
		if strings.Contains(help, english) {
			t.Fatalf("demo -h says %q: %q", english, help)
		}
	}
}
