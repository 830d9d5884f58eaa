package data

import "time"

// AuditEntry records who did what, when. It never holds a full ID number or
// phone: summaries are written with masked values.
type AuditEntry struct {
	ID      int64     `gorm:"primaryKey;autoIncrement"`
	At      time.Time `gorm:"not null;index"`
	Clerk   string    `gorm:"size:32"`
	Action  Action    `gorm:"size:16;not null;index"`
	Table   string    `gorm:"column:tbl;size:32"`
	RowID   string    `gorm:"size:36;index"`
	Count   int       // rows affected, for imports and exports
	Summary string    `gorm:"size:500"`
}

// Action is what an audit entry records.
type Action string

const (
	ActCreate  Action = "create"
	ActUpdate  Action = "update"
	ActDelete  Action = "delete"
	ActImport  Action = "import"
	ActExport  Action = "export"
	ActPrint   Action = "print"
	ActSync    Action = "sync"
	ActReveal  Action = "reveal" // a clerk asked to see full ID numbers or phones
	ActBackup  Action = "backup"
	ActRestore Action = "restore"
	ActMigrate Action = "migrate"
	ActSetup   Action = "setup"
	ActSubmit  Action = "submit" // 报出: a period's 统计报表 figures stored as submitted
)
