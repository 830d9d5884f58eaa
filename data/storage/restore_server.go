package storage

import (
	"duikou/data"
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/gorm"
)

// restoreIntoServer is RestoreFrom for a PostgreSQL office, once the
// backup is checked and the current database backed up: the tables are
// replaced by the backup's and the floor carried over
// (replaceFromBackup), then s is closed and a new Store opened on the
// same database, as after a restore of a file, so the window reloads
// everything.
func (s *Store) restoreIntoServer(src string, before string) (*Store, error) {
	if err := s.replaceFromBackup(src, true); err != nil {
		return s, err
	}
	ns, err := OpenWith(s.path, s.opt)
	if err != nil {
		return s, fmt.Errorf("恢复后无法重新打开数据库（恢复前的数据库在 %s）：%w", before, err)
	}
	s.Close()
	ns.audit(data.AuditEntry{Action: data.ActRestore, Summary: fmt.Sprintf("从备份 %s 恢复（恢复前的数据库已备份为 %s）",
		filepath.Base(src), filepath.Base(before))})
	return ns, nil
}

// replaceFromBackup replaces every table of the server's database with
// the backup's (a standard Duikou SQLite file, opened from a copy, which
// migrates an older one) in one transaction that holds the op log against
// the other clerks' writes, and tells their desktops at its commit (they
// read everything again). The sequence floor is read and carried over in
// the same transaction, under the op log's lock: an op another desktop
// numbered just before counts, and no other desktop can number one from
// the backup's shorter log before the floor is raised. Without
// carryFloor the backup's rows go in and nothing else, as when an
// administrator puts the tables back by other means: the sync tests use
// it for an office that forgot the numbers it used. On an error nothing
// has changed.
func (s *Store) replaceFromBackup(src string, carryFloor bool) error {
	dir, err := os.MkdirTemp("", "duikou-restore-")
	if err != nil {
		return fmt.Errorf("无法创建临时文件夹，未做任何改动：%w", err)
	}
	defer os.RemoveAll(dir)
	staged := filepath.Join(dir, "restore.db")
	if err := copyFile(src, staged); err != nil {
		return fmt.Errorf("复制备份文件失败，未做任何改动：%w", err)
	}
	b, err := OpenWith(staged, Options{Now: s.now, BackupDir: dir})
	if err != nil {
		return fmt.Errorf("备份文件无法打开，未做任何改动：%w", err)
	}
	defer b.Close()
	err = s.db.Transaction(func(db *gorm.DB) error {
		if err := s.dialect.lockOpLog(db); err != nil {
			return err
		}
		self := s.Office()
		carry := carryFloor && self != nil // an office not yet set up has used no numbers
		var floor int64
		if carry {
			last, err := lastSeq(db, self.ID)
			if err != nil {
				return err
			}
			floor = last
		}
		ms := models()
		for i := len(ms) - 1; i >= 0; i-- { // children before their parents
			if err := db.Session(&gorm.Session{AllowGlobalUpdate: true}).Delete(ms[i]).Error; err != nil {
				return err
			}
		}
		if _, err := copyTables(b.db, db, s.now().UTC()); err != nil {
			return err
		}
		if carry {
			if err := noteLostOps(db, self.ID, floor); err != nil {
				return err
			}
		}
		return announceReplacedOnServer(db, s.token)
	})
	if err != nil {
		return fmt.Errorf("恢复失败，数据库保持原样：%w", err)
	}
	return nil
}
