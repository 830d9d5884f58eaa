//go:build windows

package exchange

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// createGoneTemp creates a temporary file that leaves nothing behind,
// however the process ends. Windows will not unlink an open file, so it
// is created with FILE_FLAG_DELETE_ON_CLOSE: the system deletes it when
// its last handle closes, which a killed process's handles do too. No
// sharing is granted, so no one else opens it meanwhile.
func createGoneTemp(pattern string) (*os.File, error) {
	prefix, suffix, _ := strings.Cut(pattern, "*")
	for range 100 {
		random := make([]byte, 8)
		rand.Read(random)
		name := filepath.Join(os.TempDir(), prefix+hex.EncodeToString(random)+suffix)
		p, err := windows.UTF16PtrFromString(name)
		if err != nil {
			return nil, err
		}
		h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE, 0, nil,
			windows.CREATE_NEW, windows.FILE_ATTRIBUTE_TEMPORARY|windows.FILE_FLAG_DELETE_ON_CLOSE, 0)
		if errors.Is(err, windows.ERROR_FILE_EXISTS) {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "createfile", Path: name, Err: err}
		}
		return os.NewFile(uintptr(h), name), nil
	}
	return nil, &os.PathError{Op: "createtemp", Path: filepath.Join(os.TempDir(), pattern), Err: os.ErrExist}
}
