package storage

import (
	"database/sql"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// scrubSuffix names the working copy of a backup being rewritten.
const scrubSuffix = ".scrub"

// rewriteBackup erases something from a backup file in the backups folder
// (a withdrawn worker, the office's old keys). holds looks, reading only,
// whether the file has anything to erase, so most files are not copied.
// edit then runs in a transaction on a copy beside the file; the copy is
// vacuumed (the erased values do not linger in free pages), checked like
// a new backup and renamed over the file. A crash leaves the old file,
// never a damaged one. changed is false when there was nothing to erase;
// a file that is not a Duikou database is an error.
func rewriteBackup(path string, holds func(db *sql.DB) (bool, error), edit func(tx *gorm.DB) (bool, error)) (changed bool, err error) {
	ro, err := sql.Open("sqlite3", path+"?mode=ro")
	if err != nil {
		return false, err
	}
	held, err := holds(ro)
	ro.Close()
	if err != nil || !held {
		return false, err
	}
	tmp := path + scrubSuffix
	_ = os.Remove(tmp)
	defer os.Remove(tmp)
	if err := copyFile(path, tmp); err != nil {
		return false, err
	}
	if changed, err = editFile(tmp, edit); err != nil || !changed {
		return false, err
	}
	if err := checkBackupFile(tmp); err != nil {
		return false, err
	}
	return true, os.Rename(tmp, path)
}

// editFile runs edit in a transaction on the database file at path, then
// VACUUMs it when edit changed anything.
func editFile(path string, edit func(tx *gorm.DB) (bool, error)) (changed bool, err error) {
	db, err := gorm.Open(sqlite.Open(path+"?_foreign_keys=0&_secure_delete=on"), &gorm.Config{
		Logger: logger.Default.LogMode(logger.Silent), SkipDefaultTransaction: true})
	if err != nil {
		return false, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return false, err
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1)
	err = db.Transaction(func(tx *gorm.DB) error {
		changed, err = edit(tx)
		return err
	})
	if err != nil || !changed {
		return false, err
	}
	return true, db.Exec("VACUUM").Error
}

// backupHasKeys reports whether a backup still holds the office's private
// keys in the columns an older version kept them in.
func backupHasKeys(db *sql.DB) (bool, error) {
	var n int
	err := db.QueryRow(`SELECT COUNT(*) FROM pragma_table_info('offices') WHERE name IN ('sign_private', 'age_identity')`).Scan(&n)
	if err != nil || n != 2 {
		return false, err
	}
	err = db.QueryRow(`SELECT COUNT(*) FROM offices WHERE sign_private IS NOT NULL OR COALESCE(age_identity, '') <> ''`).Scan(&n)
	return n > 0, err
}

// eraseKeysIn blanks those columns.
func eraseKeysIn(tx *gorm.DB) (bool, error) {
	return true, tx.Exec("UPDATE offices SET sign_private = NULL, age_identity = NULL").Error
}
