package storage

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"time"
)

// The automatic backups' kinds, as they appear in the file names.
const (
	BackupDaily         = "daily"
	BackupBeforeImport  = "before-import"
	BackupBeforeRestore = "before-restore"
	BackupManual        = "manual"
	// BackupBeforeMigrate is followed by the old schema version in the
	// name (before-migrate-v1); BackupInfo.Kind has it without.
	BackupBeforeMigrate = "before-migrate"
)

// backupStamp is the time in a backup's name: local time to the second,
// so the names sort by when they were taken.
const backupStamp = "20060102-150405"

// backupName is a name no other backup can have: the time, the kind and a
// random part, duikou-20261206-104500-before-import-3f9a1c2b7d04.db. Two
// backups in the same second, in one process or two (two databases in one
// folder share the backups folder), differ in the random part; and the
// file is created exclusively (backupFile), so even a repeat would be
// refused rather than overwrite.
func backupName(at time.Time, kind string) (string, error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return fmt.Sprintf("duikou-%s-%s-%s.db", at.Format(backupStamp), kind, hex.EncodeToString(b[:])), nil
}

// backupNameRE reads a backup's name, with or without the random part
// (names before it had none).
var backupNameRE = regexp.MustCompile(`^duikou-(\d{8}-\d{6})-([a-z]+(?:-[a-z]+)*?)(?:-v\d+)?(?:-[0-9a-f]{12})?\.db$`)

// parseBackupName is the time and kind in a backup's file name; ok is
// false for a file that is not an automatic or manual backup of ours.
// The versions of before-migrate-vN are one kind.
func parseBackupName(path string) (at time.Time, kind string, ok bool) {
	m := backupNameRE.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return time.Time{}, "", false
	}
	at, err := time.ParseInLocation(backupStamp, m[1], time.Local)
	if err != nil {
		return time.Time{}, "", false
	}
	return at, m[2], true
}
