package app

import (
	"duikou/data/storage"
)

// BackupStore is what 设置's restore asks of the data layer. RestoreFrom
// closes the open database and returns the reopened one, which the
// window then uses (see GUI.replaceStore).
type BackupStore interface {
	BackupFiles() ([]storage.BackupInfo, error)
	InspectBackup(path string) (*storage.BackupInfo, error)
	RestoreFrom(path string) (*storage.Store, error)
}
