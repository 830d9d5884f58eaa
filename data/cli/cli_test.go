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
