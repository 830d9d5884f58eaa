package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
)

// privateFile makes sure the database file at path is readable by this
// account only where the system has file modes: a new file is created
// empty with 0600 before SQLite opens it (SQLite keeps the mode, and gives
// its -wal and -shm files the same), and an existing one made 0644 by an
// older version is narrowed to 0600. It holds every worker's ID number
// and phone. On Windows the folder's ACL (the user's profile) does this.
func privateFile(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return nil // made by another process just now
		}
		if err != nil {
			return fmt.Errorf("无法创建数据库文件 %s：%w", path, err)
		}
		return f.Close()
	case err != nil:
		return nil // SQLite's own open says what is wrong
	case st.Mode().IsRegular() && st.Mode().Perm()&0o077 != 0:
		_ = os.Chmod(path, st.Mode().Perm()&0o700) // not ours to change: leave it
	}
	return nil
}
