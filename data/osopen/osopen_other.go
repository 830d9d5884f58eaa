//go:build !windows

package osopen

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// printFile has no silent print outside Windows: Print falls back to
// opening the file, and the viewer prints with Ctrl+P.
func printFile(string) error { return errors.New("no print verb on " + runtime.GOOS) }

// openFile runs the desktop's opener. xdg-open returns once the viewer
// is started, with a failure status when there is none; it is given a
// moment so a failure is reported instead of claimed a success, and is
// taken to have worked when it is still running after that (some openers
// wait for the viewer).
func openFile(path string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	cmd := exec.Command(name, path)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(openerGrace):
		return nil // still running: the viewer is up (the goroutine reaps it)
	}
}

// openerGrace is how long openFile waits for the opener's verdict.
var openerGrace = 3 * time.Second

// openFolder opens the folder holding path.
func openFolder(path string) error { return openFile(filepath.Dir(path)) }
