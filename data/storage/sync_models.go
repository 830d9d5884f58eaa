package storage

import (
	"time"

	"duikou/data"
)

// Exchange bookkeeping. None of these rows travel: they are this office's
// memory of what it has seen, sent and could not merge.

// Coverage says this office holds every op from Origin up to Seq that it
// is entitled to see (ops withheld by the sender's scope leave no gap).
type Coverage struct {
	Origin string `gorm:"primaryKey;size:36"`
	Seq    int64  `gorm:"not null"`
}

// PartnerAck is what a partner said it holds, per origin, in the last
// bundle it sent us; the next export to it starts after these.
type PartnerAck struct {
	PartnerID string `gorm:"primaryKey;size:36"`
	Origin    string `gorm:"primaryKey;size:36"`
	Seq       int64  `gorm:"not null"`
}

// Conflict is a value that lost a concurrent edit of one field. Both
// offices keep the same winner, so they converge; the loser waits here for
// a clerk, and nothing typed is silently lost.
type Conflict struct {
	ID          int64      `gorm:"primaryKey;autoIncrement"`
	Table       data.Table `gorm:"column:tbl;size:32;not null;index:idx_conflict_field"`
	RowID       string     `gorm:"size:36;not null;index:idx_conflict_field"`
	Field       string     `gorm:"size:64;not null;index:idx_conflict_field"`
	WinnerValue string     `gorm:"not null"` // JSON
	WinnerRef   string     `gorm:"size:64"`
	LoserValue  string     `gorm:"not null"` // JSON
	LoserRef    string     `gorm:"size:64"`
	BundleID    string     `gorm:"size:36"`
	DetectedAt  time.Time
	Resolved    bool `gorm:"not null;default:false;index"`
	ResolvedAt  time.Time
	Resolution  string `gorm:"size:200"`
}

// BundleLog records each exchange file made or taken in.
type BundleLog struct {
	ID        string    `gorm:"primaryKey;size:36"` // the bundle id
	Direction string    `gorm:"size:8;not null"`    // "out" or "in"
	PartnerID string    `gorm:"size:36;not null;index"`
	At        time.Time `gorm:"not null"`
	Ops       int
	Rows      int
	FileName  string `gorm:"size:260"`
	Summary   string `gorm:"size:500"`
}
