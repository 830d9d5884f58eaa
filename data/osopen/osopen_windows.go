//go:build windows

package osopen

import (
	"os/exec"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// shell runs ShellExecuteW with a verb on an absolute path.
func shell(verb, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	f, err := windows.UTF16PtrFromString(abs)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(abs))
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, v, f, nil, dir, windows.SW_SHOWNORMAL)
}

// printFile uses the "print" verb, which fails when no installed program
// registers one for the file type (Edge, the default PDF reader on
// Windows 10/11, does not).
func printFile(path string) error { return shell("print", path) }

func openFile(path string) error { return shell("open", path) }

// openFolder opens Explorer on the folder with the file selected.
func openFolder(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	return exec.Command("explorer", "/select,", abs).Start()
}
