package storage

import (
	"context"
	"database/sql/driver"
	"fmt"
	"math"
	"reflect"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"duikou/data"
	"duikou/data/dbconn"
)

// Most of a row's columns are plain strings, numbers, booleans and
// dates. GORM's ValueOf reads each through reflection and database/sql's
// converter turns named types (a worker's Poverty, a wage in Fen) into
// driver values through reflection again; for a hundred thousand rows of
// thirty columns that is a noticeable share of a bulk insert. A plain
// column's encoder reads the field where it lies and gives the driver
// value those two steps would give.

var valuerType = reflect.TypeFor[driver.Valuer]()

// plainEncoder is f's encoder, or nil when f needs GORM's way: a
// timestamp filled in when zero, a serializer, a Valuer of its own, a
// field behind a pointer. A column with a default gets it when zero, in
// the record too, as rowArgs does.
func plainEncoder(sch *schema.Schema, f *schema.Field) bulkEncoder {
	if f.AutoCreateTime > 0 || f.AutoUpdateTime > 0 || f.Serializer != nil ||
		f.HasDefaultValue && f.DefaultValueInterface == nil || !directField(sch.ModelType, f.StructField.Index) {
		return nil
	}
	enc := plainValue(f)
	if enc == nil || f.DefaultValueInterface == nil {
		return enc
	}
	def, err := driver.DefaultParameterConverter.ConvertValue(f.DefaultValueInterface)
	if err != nil {
		return nil
	}
	ctx := context.Background()
	return func(row reflect.Value) (any, error) {
		if row.FieldByIndex(f.StructField.Index).IsZero() {
			return def, f.Set(ctx, row, f.DefaultValueInterface)
		}
		return enc(row)
	}
}

// plainValue reads f's driver value from a row.
func plainValue(f *schema.Field) bulkEncoder {
	index, t := f.StructField.Index, f.FieldType
	if t == dateType {
		return func(row reflect.Value) (any, error) {
			d := row.FieldByIndex(index).Interface().(data.Date)
			if d.IsZero() {
				return nil, nil
			}
			return dateText(d), nil
		}
	}
	if t.Implements(valuerType) || reflect.PointerTo(t).Implements(valuerType) {
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		return func(row reflect.Value) (any, error) { return row.FieldByIndex(index).String(), nil }
	case reflect.Bool:
		return func(row reflect.Value) (any, error) { return row.FieldByIndex(index).Bool(), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(row reflect.Value) (any, error) { return row.FieldByIndex(index).Int(), nil }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return func(row reflect.Value) (any, error) {
			u := row.FieldByIndex(index).Uint()
			if u > math.MaxInt64 { // as database/sql's converter refuses it
				return nil, fmt.Errorf("data: %s: uint64 values with high bit set are not supported", f.DBName)
			}
			return int64(u), nil
		}
	case reflect.Float32, reflect.Float64:
		return func(row reflect.Value) (any, error) { return row.FieldByIndex(index).Float(), nil }
	}
	return nil
}

// directField reports whether the field at index lies in the struct
// itself or in structs embedded by value: no pointer to follow.
func directField(t reflect.Type, index []int) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i, n := range index {
		if t.Kind() != reflect.Struct {
			return false
		}
		t = t.Field(n).Type
		if i < len(index)-1 && t.Kind() == reflect.Pointer {
			return false
		}
	}
	return true
}

// dateText is d.String() (YYYY-MM-DD) without fmt, for years 0..9999.
func dateText(d data.Date) string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return d.String()
	}
	var b [10]byte
	pad := func(at, v, width int) {
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	pad(0, d.Year, 4)
	b[4] = '-'
	pad(5, int(d.Month), 2)
	b[7] = '-'
	pad(8, d.Day, 2)
	return string(b[:])
}

// timestamps gives a time.Time argument as go-sqlite3 stores it: text
// in the first of its timestamp layouts. Handing the driver that text
// spares formatting the same bulk-insert time twice for every row; the
// last one is kept. nil (PostgreSQL) leaves times as they are.
type timestamps struct {
	last time.Time
	text string
}

func timestampsFor(db *gorm.DB) *timestamps {
	if dialectOf(db).engine() != dbconn.SQLite {
		return nil
	}
	return &timestamps{}
}

func (ts *timestamps) value(t time.Time) any {
	if ts == nil {
		return t
	}
	if t != ts.last || ts.text == "" {
		ts.last, ts.text = t, t.Format(sqlite3.SQLiteTimestampFormats[0])
	}
	return ts.text
}
