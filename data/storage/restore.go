package storage

import (
	"database/sql"
	"duikou/data"
	"duikou/data/dbconn"
	"duikou/data/dblock"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupInfo describes a backup file before a clerk restores it: whose it
// is, when it was taken and what it holds, so the confirmation can say
// what the database will look like afterwards.
type BackupInfo struct {
	Path       string
	Kind       string // BackupDaily, BackupBeforeImport, ...; "" for a file of another name
	OfficeID   string
	OfficeName string
	Taken      time.Time // the file's modification time
	Size       int64
	Workers    int64
	Employers  int64
	Demands    int64
	Placements int64
	FollowUps  int64
}

// BackupFiles lists the backups in the folder beside the database, newest
// first: the files a restore usually picks from.
func (s *Store) BackupFiles() ([]BackupInfo, error) {
	dir := s.backupsDir()
	names, err := filepath.Glob(filepath.Join(dir, "duikou-*.db"))
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, name := range names {
		st, err := os.Stat(name)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		_, kind, _ := parseBackupName(name)
		out = append(out, BackupInfo{Path: name, Kind: kind, Taken: st.ModTime(), Size: st.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// InspectBackup reads a backup without changing it: it must be a sound
// SQLite file holding a Duikou database.
func InspectBackup(path string) (*BackupInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("找不到备份文件 %s", filepath.Base(path))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s 不是文件", filepath.Base(path))
	}
	if err := integrityCheck(path); err != nil {
		return nil, fmt.Errorf("%s 不是完好的数据库文件：%w", filepath.Base(path), err)
	}
	db, err := sql.Open("sqlite3", path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	info := &BackupInfo{Path: path, Taken: st.ModTime(), Size: st.Size()}
	var tables int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('offices', 'workers', 'ops')`).Scan(&tables); err != nil || tables != 3 {
		return nil, fmt.Errorf("%s 不是本程序的数据库备份", filepath.Base(path))
	}
	// An office that was never set up has no row; its backup is still one.
	_ = db.QueryRow(`SELECT id, name FROM offices LIMIT 1`).Scan(&info.OfficeID, &info.OfficeName)
	for _, c := range []struct {
		table string
		n     *int64
	}{
		{"workers", &info.Workers}, {"employers", &info.Employers}, {"demands", &info.Demands},
		{"placements", &info.Placements}, {"follow_ups", &info.FollowUps},
	} {
		// A backup from an older schema may lack a table; it counts as none.
		_ = db.QueryRow("SELECT COUNT(*) FROM " + c.table + " WHERE deleted = 0").Scan(c.n)
	}
	return info, nil
}

// InspectBackup is the package's InspectBackup, for callers that reach
// the data layer through an interface.
func (s *Store) InspectBackup(path string) (*BackupInfo, error) { return InspectBackup(path) }

// RestoreFrom puts the database back to the backup at src and returns the
// reopened Store; s is closed. Before anything changes it checks the
// backup (sound, a Duikou database, this office's and not a partner's)
// and takes a backup of the database as it is now, so a restore can be
// undone by restoring that one. The sequence floor is carried over (see
// sync_restore.go), so the partners' files stay consistent with ours.
//
// On an error before s is closed, s is returned unchanged; after, the
// database is reopened as it was and returned with the error. Only a
// failure to reopen returns a nil Store. The new Store has no listeners:
// whoever held s registers again.
func (s *Store) RestoreFrom(src string) (*Store, error) {
	info, err := InspectBackup(src)
	if err != nil {
		return s, err
	}
	self := s.Office()
	if self != nil && info.OfficeID != "" && info.OfficeID != self.ID {
		return s, fmt.Errorf("备份属于“%s”，不是本单位（%s）的数据库，不能恢复", info.OfficeName, self.Name)
	}
	if same, _ := sameFile(src, s.path); same {
		return s, errors.New("不能用正在使用的数据库文件恢复自己，请选择一份备份")
	}
	floor, err := s.SeqFloor()
	if err != nil {
		return s, err
	}
	before, err := s.BackupBeside(BackupBeforeRestore)
	if err != nil {
		return s, fmt.Errorf("恢复前备份当前数据库失败，未做任何改动：%w", err)
	}
	if s.dialect.engine() == dbconn.Postgres {
		return s.restoreIntoServer(src, before) // restore_server.go
	}
	// Work on a copy beside the database: opening it migrates an older
	// backup and raises its floor, and the backup itself stays untouched.
	staged := s.path + ".restoring"
	removeDB(staged)
	if err := copyFile(src, staged); err != nil {
		removeDB(staged)
		return s, fmt.Errorf("复制备份文件失败，未做任何改动：%w", err)
	}
	r, err := OpenWith(staged, s.opt)
	if err == nil {
		err = r.RaiseSeqFloor(floor)
		if err == nil {
			r.audit(data.AuditEntry{Action: data.ActRestore, Summary: fmt.Sprintf("从备份 %s 恢复（恢复前的数据库已备份为 %s）",
				filepath.Base(src), filepath.Base(before))})
			err = r.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
		}
		if cerr := r.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		removeDB(staged)
		return s, fmt.Errorf("备份文件无法打开，未做任何改动：%w", err)
	}

	// The lock beside the file stays held from here to the reopened store,
	// so no other program opens the file while it is swapped.
	lock := s.handOverLock()
	if err := s.Close(); err != nil {
		lock.Release()
		removeDB(staged)
		return s, fmt.Errorf("无法关闭当前数据库，未做任何改动：%w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		_ = os.Remove(s.path + suffix)
	}
	swapErr := os.Rename(staged, s.path)
	removeDB(staged)
	opt := s.opt
	opt.held = lock
	ns, err := OpenWith(s.path, opt)
	if err != nil {
		return nil, fmt.Errorf("恢复后无法打开数据库（恢复前的数据库在 %s）：%w", before, err)
	}
	if swapErr != nil {
		return ns, fmt.Errorf("无法用备份替换数据库文件，数据库保持原样：%w", swapErr)
	}
	return ns, nil
}

// removeDB removes a database file with its WAL, shared-memory and lock
// files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", dblock.Suffix} {
		_ = os.Remove(path + suffix)
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb) || strings.EqualFold(filepath.Clean(a), filepath.Clean(b)), nil
}
