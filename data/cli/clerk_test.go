package cli

import (
	"bytes"
	"strings"
	"testing"
)

// DUIKOU_CLERK names the clerk of a command in the audit log; a name too
// long for it is refused with one line naming the variable.
func TestClerkFromTheEnvironment(t *testing.T) {
	db := demoDB(t, "--workers", "20")
	var out, errOut bytes.Buffer
	t.Setenv(ClerkEnv, "王芳")
	s, code := openExistingDB(&Env{Stdout: &out, Stderr: &errOut}, db)
	if s == nil {
		t.Fatalf("open: exit %d: %s", code, errOut.String())
	}
	if got := s.Office().ClerkName; got != "王芳" {
		t.Errorf("the command's clerk is %q", got)
	}
	s.Close()

	t.Setenv(ClerkEnv, strings.Repeat("王", 33))
	errOut.Reset()
	if s, code := openExistingDB(&Env{Stdout: &out, Stderr: &errOut}, db); s != nil || code != ExitUsage {
		t.Fatalf("a 33-character clerk: exit %d", code)
	}
	if msg := errOut.String(); !strings.Contains(msg, ClerkEnv) || strings.Count(msg, "\n") != 1 {
		t.Fatalf("want one line naming %s, got %q", ClerkEnv, msg)
	}
}
