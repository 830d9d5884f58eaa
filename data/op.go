package data

import (
	"encoding/json"
	"fmt"
)

// Op is one change to one synced row, the unit the exchange replays. It is
// written in the same transaction as the change itself.
type Op struct {
	Origin string `gorm:"primaryKey;size:36"`
	Seq    int64  `gorm:"primaryKey;autoIncrement:false"`
	HLC    int64  `gorm:"column:hlc;not null;index"`
	Table  string `gorm:"column:tbl;size:32;not null"`
	RowID  string `gorm:"size:36;not null;index"`
	// Fields holds the new value of every column the op set and, for each,
	// the op that column was based on ("" for a new row).
	Fields map[string]FieldChange `gorm:"serializer:json;not null"`
}

// FieldChange is one column's new value and the op it was based on.
type FieldChange struct {
	Value json.RawMessage `json:"v"`
	Base  string          `json:"b,omitempty"`
}

// Ref is the op's identity, "origin/seq", as stored in FieldOps.
func (o *Op) Ref() string { return OpRef(o.Origin, o.Seq) }

// OpRef formats an op identity.
func OpRef(origin string, seq int64) string { return fmt.Sprintf("%s/%d", origin, seq) }
