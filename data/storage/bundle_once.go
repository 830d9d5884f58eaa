package storage

import (
	"errors"

	"gorm.io/gorm"
)

// ErrBundleImported is ApplyChanges' answer for a bundle that another
// import recorded while this one waited for the write lock (a double
// click on 确认导入, two windows importing the same file): the caller
// treats it as already imported. Without this check inside the
// transaction the second import failed with the database's "UNIQUE
// constraint failed: bundle_logs.id".
var ErrBundleImported = errors.New("该文件已经导入过（刚由另一次导入完成），未作任何更改")

// checkNotImported runs first in the import's transaction, which holds
// the write lock, so no other import of the bundle can commit after it.
func checkNotImported(db *gorm.DB, bundleID string) error {
	var n int64
	if err := db.Model(&BundleLog{}).Where("id = ? AND direction = ?", bundleID, "in").Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return ErrBundleImported
	}
	return nil
}
