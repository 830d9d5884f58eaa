package storage

import (
	"database/sql"
	"duikou/data"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dst: VACUUM INTO a
// temporary name, PRAGMA integrity_check on the copy, then rename, so a
// half-written or damaged copy never carries the final name.
func (s *Store) Backup(dst string) error {
	if err := s.backupFile(dst); err != nil {
		return err
	}
	s.audit(data.AuditEntry{Action: data.ActBackup, Summary: "备份到 " + filepath.Base(dst)})
	return nil
}

func (s *Store) backupFile(dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("无法创建备份目录：%w", err)
	}
	tmp := dst + ".partial"
	_ = os.Remove(tmp)
	if err := s.dialect.backupInto(s, tmp); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("备份失败：%w", err)
	}
	if err := integrityCheck(tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("备份文件无法改名：%w", err)
	}
	return nil
}

// backupTo writes a timestamped backup into dir and returns its path.
func (s *Store) backupTo(dir, reason string) (string, error) {
	name := fmt.Sprintf("duikou-%s-%s.db", s.now().Format("20060102-150405"), reason)
	dst := filepath.Join(dir, name)
	return dst, s.backupFile(dst)
}

// BackupBeside takes a timestamped backup into the default backups folder
// beside the database (before an import, and once a day).
func (s *Store) BackupBeside(reason string) (string, error) {
	dst, err := s.backupTo(s.backupsDir(), reason)
	if err == nil {
		s.audit(data.AuditEntry{Action: data.ActBackup, Summary: "自动备份 " + filepath.Base(dst)})
	}
	return dst, err
}

// IntegrityCheck runs PRAGMA integrity_check and foreign_key_check on the
// open database.
func (s *Store) IntegrityCheck() error {
	if err := s.dialect.integrityCheck(s.db); err != nil {
		return err
	}
	return s.foreignKeyCheck()
}

// JournalMode reports the journal mode (WAL for a healthy Duikou database).
func (s *Store) JournalMode() (string, error) {
	var mode string
	err := s.db.Raw("PRAGMA journal_mode").Scan(&mode).Error
	return mode, err
}

func integrityCheck(path string) error {
	db, err := sql.Open("sqlite3", path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("备份文件无法检查：%w", err)
	}
	if res != "ok" {
		return fmt.Errorf("备份文件完整性检查未通过：%s", res)
	}
	return nil
}
