// Package osopen hands a file to the operating system: open it in the
// program the user has for it, or print it. On Windows this is the shell's
// "open" and "print" verbs (the PDF reader prints without showing its
// window when it supports that); elsewhere the desktop's opener, since a
// PDF viewer there prints with Ctrl+P.
package osopen

import (
	"errors"
	"fmt"
	"log/slog"
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
		return true, openError(err)
	}
	return true, nil
}

// Open opens the file in the program the system has for it.
func Open(path string) error { return handOver(path, openFile) }

// OpenFolder shows the folder holding path in the file manager
// (Explorer on Windows, with the file selected).
func OpenFolder(path string) error { return handOver(path, openFolder) }

// handOver hands path, which must exist, to the system through open,
// explaining a failure of the system (openError).
func handOver(path string, open func(string) error) error {
	if err := exists(path); err != nil {
		return err
	}
	if err := open(path); err != nil {
		return openError(err)
	}
	return nil
}

// ErrNoOpener wraps every failure of the system to open a file: the
// system's own message is English and says little a clerk can act on.
var ErrNoOpener = errors.New("系统未能用默认程序打开它（可能没有安装 PDF 阅读器，或没有设置默认打开方式）")

// openError logs what the system said (for support) and returns
// ErrNoOpener for the clerk.
func openError(err error) error {
	slog.Warn("无法用默认程序打开文件", "err", err)
	return ErrNoOpener
}

func exists(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%s：%w", path, ErrNoFile)
	}
	return nil
}
