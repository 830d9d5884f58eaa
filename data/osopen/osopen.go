// Package osopen hands a file to the operating system: open it in the
// program the user has for it, or print it. On Windows this is the shell's
// "open" and "print" verbs (the PDF reader prints without showing its
// window when it supports that); elsewhere the desktop's opener, since a
// PDF viewer there prints with Ctrl+P.
package osopen

import (
	"errors"
	"fmt"
	"os"
)

// ErrNoFile is returned for a path that does not exist.
var ErrNoFile = errors.New("文件不存在")

// Print asks the system to print the file. When it cannot (no program
// registered to print PDFs, or not on Windows) it opens the file instead
// and reports fellBack, so the caller can say "press Ctrl+P to print".
func Print(path string) (fellBack bool, err error) {
	if err := exists(path); err != nil {
		return false, err
	}
	if err := printFile(path); err == nil {
		return false, nil
	}
	if err := openFile(path); err != nil {
		return true, fmt.Errorf("无法打开 %s：%w", path, err)
	}
	return true, nil
}

// Open opens the file in the program the system has for it.
func Open(path string) error {
	if err := exists(path); err != nil {
		return err
	}
	if err := openFile(path); err != nil {
		return fmt.Errorf("无法打开 %s：%w", path, err)
	}
	return nil
}

func exists(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%s：%w", path, ErrNoFile)
	}
	return nil
}
