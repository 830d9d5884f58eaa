package demo

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"duikou/data/dblock"
	"duikou/data/storage"
)

// buildingMark sits between the target's name and a random part in the
// name of a demo database being built: demo.db.building-1a2b3c4d.
const buildingMark = ".building-"

// buildAtomically makes the demo database at path only once it is
// complete: fill builds it under a temporary name beside path (same folder,
// so the rename cannot cross volumes), which is closed, renamed into place
// and opened again. A run killed half way leaves only the temporary file,
// which never carries path's name, so the next run is not refused; it
// removes such leftovers whose builder has died (their lock is free).
func buildAtomically(path string, fill func(s *storage.Store) error) (*storage.Store, error) {
	if err := refuseExisting(path); err != nil {
		return nil, err
	}
	removeDeadBuilds(path)
	tmp, err := buildingName(path)
	if err != nil {
		return nil, err
	}
	s, err := storage.Open(tmp)
	if err != nil {
		removeDBFiles(tmp)
		return nil, err
	}
	if err := fill(s); err != nil {
		s.Close()
		removeDBFiles(tmp)
		return nil, err
	}
	// Closing the last connection folds the WAL into the file, so the
	// file alone is the whole database and can be renamed.
	if err := s.Close(); err != nil {
		removeDBFiles(tmp)
		return nil, fmt.Errorf("无法关闭新建的演示数据库：%w", err)
	}
	if err := refuseExisting(path); err != nil { // made meanwhile by someone else
		removeDBFiles(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		removeDBFiles(tmp)
		return nil, fmt.Errorf("演示数据库无法改名为 %s：%w", path, err)
	}
	removeDBFiles(tmp) // the lock file and any empty -wal/-shm beside the old name
	return storage.Open(path)
}

// refuseExisting refuses a target that holds anything: a demo never
// overwrites a clerk's file.
func refuseExisting(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return fmt.Errorf("文件 %s 已存在且不为空，演示数据库只能写入新文件", path)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法访问 %s：%w", path, err)
	}
	return nil
}

// buildingName is a fresh temporary name beside path.
func buildingName(path string) (string, error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return path + buildingMark + hex.EncodeToString(b[:]), nil
}

// removeDeadBuilds deletes the half-built demo databases beside path that
// no running process is building (a killed run's); one still being built
// by another process keeps its lock and is left alone.
func removeDeadBuilds(path string) {
	matches, _ := filepath.Glob(globEscape(path) + buildingMark + "*")
	for _, m := range matches {
		rest := strings.TrimPrefix(m, path+buildingMark)
		if strings.ContainsAny(rest, ".-") { // its -wal, -shm or .lock
			continue
		}
		lock, err := dblock.Acquire(m, "duikou demo（清理）")
		if err != nil {
			continue
		}
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			_ = os.Remove(m + suffix)
		}
		lock.Release()
		_ = os.Remove(dblock.LockPath(m))
	}
}

// removeDBFiles removes a database file and everything SQLite and the
// lock keep beside it.
func removeDBFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", dblock.Suffix} {
		_ = os.Remove(path + suffix)
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `[*]`, `?`, `[?]`, `[`, `[[]`)
	return r.Replace(s)
}
