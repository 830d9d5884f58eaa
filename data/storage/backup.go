package storage

import (
	"database/sql"
	"duikou/data"
	"duikou/data/filewrite"
	"errors"
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
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("无法创建备份文件夹 %s：%s", filepath.Dir(dst), filewrite.Reason(err))
	}
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("备份文件 %s 已存在，未覆盖", filepath.Base(dst))
	}
	// The temporary file is made here, empty, exclusively and 0600 (VACUUM
	// INTO accepts an empty file and keeps its mode): a name another
	// backup is using is refused instead of shared, and the copy of every
	// worker's personal data is readable by this account only.
	tmp := filewrite.TempName(dst)
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("无法创建备份文件 %s：%s", dst, filewrite.Reason(err))
	}
	f.Close()
	if err := s.dialect.backupInto(s, tmp); err != nil {
		_ = os.Remove(tmp)
		// SQLite's message is English and names the temporary file.
		return fmt.Errorf("无法写入备份 %s（磁盘已满、只读或没有写入权限）", dst)
	}
	if err := checkBackupFile(tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return filewrite.Commit(dst)
}

// checkBackupFile is what a backup must pass before it is reported as
// taken: not empty, and PRAGMA integrity_check ok.
func checkBackupFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("备份文件无法检查：%w", err)
	}
	if st.Size() == 0 {
		return errors.New("备份文件是空的，备份失败")
	}
	return integrityCheck(path)
}

// backupTo writes a uniquely named backup of a kind into dir and returns
// its path.
func (s *Store) backupTo(dir, kind string) (string, error) {
	name, err := backupName(s.now().Local(), kind)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, name)
	return dst, s.backupFile(dst)
}

// BackupBeside takes a backup of a kind (BackupDaily, BackupBeforeImport,
// ...) into the backups folder beside the database, then applies the
// retention rule to the folder (backup_retention.go).
func (s *Store) BackupBeside(kind string) (string, error) { return s.backupBeside(kind, s.audit) }

// backupBeside is BackupBeside writing its audit entries through audit.
func (s *Store) backupBeside(kind string, audit func(data.AuditEntry)) (string, error) {
	dst, err := s.backupTo(s.backupsDir(), kind)
	if err != nil {
		return "", err
	}
	audit(data.AuditEntry{Action: data.ActBackup, Summary: "自动备份 " + filepath.Base(dst)})
	if n := pruneBackups(s.backupsDir(), s.now()); n > 0 {
		audit(data.AuditEntry{Action: data.ActBackup, Count: n, Summary: fmt.Sprintf("按保留规则删除了%d份过期备份", n)})
	}
	return dst, nil
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
