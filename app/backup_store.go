package app

import "duikou/data"

// BackupStore is what 设置's restore asks of the data layer. RestoreFrom
// closes the open database and returns the reopened one, which the
// window then uses (see GUI.replaceStore).
type BackupStore interface {
	BackupFiles() ([]data.BackupInfo, error)
	InspectBackup(path string) (*data.BackupInfo, error)
	RestoreFrom(path string) (*data.Store, error)
}
