package storage

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// keepDailyBackups is how many daily backups stay in the backups folder;
// a month lets a clerk go back past a bad week without filling the disk.
const keepDailyBackups = 30

// DailyBackup takes today's backup unless one exists, and prunes daily
// backups beyond the newest keepDailyBackups. It returns the new file, or ""
// when today's was already there. The program calls it at start-up.
func (s *Store) DailyBackup() (string, error) {
	dir := s.backupsDir()
	today := s.now().Format("20060102")
	existing, _ := filepath.Glob(filepath.Join(dir, "duikou-*-daily.db"))
	for _, f := range existing {
		if strings.HasPrefix(filepath.Base(f), "duikou-"+today+"-") {
			return "", nil
		}
	}
	made, err := s.BackupBeside("daily")
	if err != nil {
		return "", err
	}
	all := append(existing, made)
	sort.Strings(all) // names start with the timestamp
	for len(all) > keepDailyBackups {
		_ = os.Remove(all[0])
		all = all[1:]
	}
	return made, nil
}
