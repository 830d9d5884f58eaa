package storage

import (
	"os"
	"path/filepath"
	"sort"
	"time"
)

// The retention rule for the backups folder, applied to each kind of
// backup (daily, before-import, before-restore, before-migrate, manual)
// on its own: the newest KeepBackups of a kind stay, and so does every
// backup of the last KeepBackupDays days; older ones are deleted. Backups
// hold every worker's personal data, so they may not pile up for ever
// (个人信息保护法: kept no longer than needed), while a clerk can still go
// back a month, or past the last ten imports of a busy week.
const (
	KeepBackups    = 10
	KeepBackupDays = 30
)

// RetentionRule is the rule in the clerk's words, for 设置.
func RetentionRule() string {
	return "自动备份按类别（每日、导入前、恢复前、升级前、手动）分别保留：最近 10 份，以及 30 天内的全部；更早的自动删除。"
}

// pruneBackups applies the retention rule to the backups in dir, as of
// now, and returns how many files it deleted. Files whose names are not a
// backup's are left alone, as are the -wal or temporary files of one
// being written.
func pruneBackups(dir string, now time.Time) int {
	names, _ := filepath.Glob(filepath.Join(dir, "duikou-*.db"))
	type backup struct {
		path string
		at   time.Time
	}
	byKind := map[string][]backup{}
	for _, n := range names {
		if at, kind, ok := parseBackupName(n); ok {
			byKind[kind] = append(byKind[kind], backup{n, at})
		}
	}
	cutoff := now.AddDate(0, 0, -KeepBackupDays)
	removed := 0
	for _, list := range byKind {
		sort.Slice(list, func(i, j int) bool { return list[i].at.After(list[j].at) })
		for i, b := range list {
			if i < KeepBackups || b.at.After(cutoff) {
				continue
			}
			if os.Remove(b.path) == nil {
				removed++
			}
		}
	}
	return removed
}
