package osopen

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestMissingFileIsRefusedBeforeAskingTheSystem(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "没有.pdf")
	if _, err := Print(missing); !errors.Is(err, ErrNoFile) {
		t.Fatalf("Print: %v", err)
	}
	if err := Open(missing); !errors.Is(err, ErrNoFile) {
		t.Fatalf("Open: %v", err)
	}
}
