package storage

import "path/filepath"

// DailyBackup takes today's backup unless one exists; BackupBeside prunes
// the folder by the retention rule. It returns the new file, or "" when
// today's was already there. The program calls it at start-up.
func (s *Store) DailyBackup() (string, error) {
	existing, _ := filepath.Glob(filepath.Join(s.backupsDir(), "duikou-*.db"))
	today := s.now().Local().Format("20060102")
	for _, f := range existing {
		if at, kind, ok := parseBackupName(f); ok && kind == BackupDaily && at.Format("20060102") == today {
			return "", nil
		}
	}
	return s.BackupBeside(BackupDaily)
}
