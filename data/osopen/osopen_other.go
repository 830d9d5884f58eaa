//go:build !windows

package osopen

import (
	"errors"
	"os/exec"
	"runtime"
)

// printFile has no silent print outside Windows: Print falls back to
// opening the file, and the viewer prints with Ctrl+P.
func printFile(string) error { return errors.New("no print verb on " + runtime.GOOS) }

// openFile starts the desktop's opener and does not wait for the viewer.
func openFile(path string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	cmd := exec.Command(name, path)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap the opener when it exits
	return nil
}
