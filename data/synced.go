package data

import "time"

// Synced is embedded in every record that travels between offices.
//
// FieldOps remembers, per column, the op that last set it (as "origin/seq"),
// so a local edit can say which op it was based on and the merge can tell a
// fast-forward from a concurrent edit. The key "*" stands for every column
// the creating op set, which keeps a fresh row's bookkeeping to one entry.
type Synced struct {
	ID        string    `gorm:"primaryKey;size:36"`
	Origin    string    `gorm:"size:36;not null" sync:"-"`
	HLC       int64     `gorm:"column:hlc;not null" sync:"-"`
	Deleted   bool      `gorm:"not null;default:false"`
	FieldOps  FieldOps  `gorm:"serializer:json;not null" sync:"-"`
	CreatedAt time.Time `sync:"-"`
	UpdatedAt time.Time `sync:"-"`
}

// FieldOps maps a column to the op that last set it.
type FieldOps map[string]string

// Base is the op a column's current value came from ("" if none).
func (f FieldOps) Base(column string) string {
	if ref, ok := f[column]; ok {
		return ref
	}
	return f["*"]
}

// Record is implemented by every synced record type.
type Record interface {
	SyncInfo() *Synced
	// RecordName is the record kind in Chinese, for messages.
	RecordName() string
}

func (s *Synced) SyncInfo() *Synced { return s }
