package storage

import "duikou/data"

// SyncedTables names the tables whose rows travel between offices,
// parents before children, for code outside the package that checks a
// partner's file before handing it to ApplyChanges.
func SyncedTables() []data.Table { return append([]data.Table(nil), syncedTables...) }
