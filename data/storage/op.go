package storage

import (
	"duikou/data"

	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Op is one change to one synced row, the unit the exchange replays. It is
// written in the same transaction as the change itself.
type Op struct {
	Origin string     `gorm:"primaryKey;size:36"`
	Seq    int64      `gorm:"primaryKey;autoIncrement:false"`
	HLC    int64      `gorm:"column:hlc;not null;index"`
	Table  data.Table `gorm:"column:tbl;size:32;not null"`
	RowID  string     `gorm:"size:36;not null;index"`
	// Fields holds the new value of every column the op set and, for each,
	// the op that column was based on ("" for a new row).
	Fields map[string]FieldChange `gorm:"serializer:json;not null"`
	// Erased: a withdrawn worker's personal columns were removed from
	// Fields here (consent.go). Such an op is not relayed; the row's
	// state goes in its place.
	Erased bool `gorm:"not null;default:false"`
}

// FieldChange is one column's new value and the op it was based on.
type FieldChange struct {
	Value json.RawMessage `json:"v"`
	Base  string          `json:"b,omitempty"`
}

// Ref is the op's identity as stored in FieldOps: "origin/seq@hlc". The
// clock rides along so two refs can be ordered without looking them up,
// which is how concurrent edits pick the same winner on every office.
func (o *Op) Ref() string { return OpRef(o.Origin, o.Seq, o.HLC) }

// OpRef formats an op identity.
func OpRef(origin string, seq, hlc int64) string { return fmt.Sprintf("%s/%d@%d", origin, seq, hlc) }

// parseRef splits a ref; ok is false for "" or a malformed ref.
func parseRef(ref string) (origin string, seq, hlc int64, ok bool) {
	slash := strings.LastIndexByte(ref, '/')
	at := strings.LastIndexByte(ref, '@')
	if slash <= 0 || at < slash {
		return "", 0, 0, false
	}
	var err1, err2 error
	seq, err1 = strconv.ParseInt(ref[slash+1:at], 10, 64)
	hlc, err2 = strconv.ParseInt(ref[at+1:], 10, 64)
	return ref[:slash], seq, hlc, err1 == nil && err2 == nil
}

// refAfter orders refs by clock, then origin, then sequence: the later one
// wins a concurrent edit. "" (no op) is before everything.
func refAfter(a, b string) bool {
	ao, as, ah, aok := parseRef(a)
	bo, bs, bh, bok := parseRef(b)
	switch {
	case !aok || !bok:
		return aok && !bok
	case ah != bh:
		return ah > bh
	case ao != bo:
		return ao > bo
	}
	return as > bs
}
