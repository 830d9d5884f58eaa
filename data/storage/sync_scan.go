package storage

import (
	"context"
	"database/sql"
	"duikou/data"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// An export reads every row it sends: through GORM's Find, its
// reflection and go-sqlite3's parsing of DATE columns (it tries a list of
// timestamp layouts, failing all but the last, on every date) cost more
// than reading the rows. stateReader reads the columns of a row's state
// with database/sql into the record's fields directly, each column's
// setter worked out once per type, and takes the dates as text.

// stateReader reads one table's state columns into new records.
type stateReader struct {
	table   data.Table
	newRec  func() data.Record
	fields  []*schema.Field
	setters []columnSetter
	tbl     string // the table's name in the database
	query   string // "SELECT columns FROM table", without a WHERE
}

// columnSetter stores a column's value, as the driver returns it, into
// the field v (addressable).
type columnSetter func(v reflect.Value, src any) error

var stateReaders sync.Map // data.Table -> *stateReader

func stateReaderFor(db *gorm.DB, table data.Table) (*stateReader, error) {
	if r, ok := stateReaders.Load(table); ok {
		return r.(*stateReader), nil
	}
	rec, ok := newRecord(table)
	if !ok {
		return nil, fmt.Errorf("文件含有未知的表 %q", table)
	}
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(rec); err != nil {
		return nil, err
	}
	r := &stateReader{table: table, newRec: func() data.Record { rec, _ := newRecord(table); return rec }}
	var cols []string
	for _, name := range stateColumns(db, table) {
		f := stmt.Schema.LookUpField(name)
		if f == nil {
			return nil, fmt.Errorf("%s 没有字段 %s", table, name)
		}
		r.fields = append(r.fields, f)
		r.setters = append(r.setters, setterFor(f))
		col := `"` + f.DBName + `"`
		if f.FieldType == dateType || f.FieldType == reflect.PointerTo(dateType) {
			col = "CAST(" + col + " AS TEXT)" // a string, not a time the driver parses
		}
		cols = append(cols, col)
	}
	r.tbl = stmt.Schema.Table
	r.query = "SELECT " + strings.Join(cols, ", ") + ` FROM "` + r.tbl + `"`
	stateReaders.Store(table, r)
	return r, nil
}

var (
	dateType    = reflect.TypeOf(data.Date{})
	scannerType = reflect.TypeOf((*sql.Scanner)(nil)).Elem()
)

// setterFor is how a column reaches its field, as GORM's Find would
// put it there: NULL leaves the zero value; JSON columns are decoded
// (empty text too leaves the zero value).
func setterFor(f *schema.Field) columnSetter {
	if f.Serializer != nil {
		isFieldOps := f.FieldType == fieldOpsType // every row's: read without encoding/json
		return func(v reflect.Value, src any) error {
			var b []byte
			switch s := src.(type) {
			case nil:
			case []byte:
				b = s
			case string:
				b = []byte(s)
			default:
				return fmt.Errorf("%s: unexpected %T", f.DBName, src)
			}
			if len(b) == 0 {
				return nil
			}
			if isFieldOps {
				if ops, ok := decodeFieldOps(b); ok {
					v.Set(reflect.ValueOf(ops))
					return nil
				}
			}
			return json.Unmarshal(b, v.Addr().Interface())
		}
	}
	return valueSetter(f.DBName, f.FieldType)
}

// valueSetter stores a value of the driver's in a field of type t.
func valueSetter(column string, t reflect.Type) columnSetter {
	switch {
	case t.Kind() == reflect.Pointer: // NULL is nil
		inner := valueSetter(column, t.Elem())
		return func(v reflect.Value, src any) error {
			if src == nil {
				v.SetZero()
				return nil
			}
			p := reflect.New(t.Elem())
			if err := inner(p.Elem(), src); err != nil {
				return err
			}
			v.Set(p)
			return nil
		}
	case t == dateType:
		return func(v reflect.Value, src any) error {
			if s, ok := src.(string); ok {
				if d, ok := isoDate(s); ok {
					v.Set(reflect.ValueOf(d))
					return nil
				}
			}
			return v.Addr().Interface().(sql.Scanner).Scan(src)
		}
	case reflect.PointerTo(t).Implements(scannerType):
		return func(v reflect.Value, src any) error {
			return v.Addr().Interface().(sql.Scanner).Scan(src)
		}
	}
	return func(v reflect.Value, src any) error {
		switch s := src.(type) {
		case nil:
			return nil
		case string:
			if t.Kind() == reflect.String {
				v.SetString(s)
				return nil
			}
		case []byte:
			if t.Kind() == reflect.String {
				v.SetString(string(s))
				return nil
			}
		case int64:
			switch t.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				v.SetInt(s)
				return nil
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				v.SetUint(uint64(s))
				return nil
			case reflect.Bool:
				v.SetBool(s != 0)
				return nil
			}
		case bool:
			if t.Kind() == reflect.Bool {
				v.SetBool(s)
				return nil
			}
		case float64:
			if t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64 {
				v.SetFloat(s)
				return nil
			}
		case time.Time:
			if t == reflect.TypeOf(s) {
				v.Set(reflect.ValueOf(s))
				return nil
			}
		}
		return fmt.Errorf("%s: cannot store %T in %s", column, src, t)
	}
}

// decodeFieldOps is json.Unmarshal of a row's field_ops when b is an
// object of plain strings (plainString) as encoding/json writes it; ok is
// false otherwise.
func decodeFieldOps(b []byte) (ops data.FieldOps, ok bool) {
	if len(b) < 2 || b[0] != '{' {
		return nil, false
	}
	ops = data.FieldOps{}
	for i := 1; ; {
		if i == len(b)-1 && b[i] == '}' && len(ops) == 0 {
			return ops, true
		}
		var k, v string
		if k, i, ok = plainString(b, i); !ok || i >= len(b) || b[i] != ':' {
			return nil, false
		}
		if v, i, ok = plainString(b, i+1); !ok || i >= len(b) {
			return nil, false
		}
		ops[k] = v
		switch {
		case b[i] == '}':
			return ops, i == len(b)-1
		case b[i] != ',':
			return nil, false
		}
		i++
	}
}

// isoDate reads the YYYY-MM-DD that Date.Value stores.
func isoDate(s string) (data.Date, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return data.Date{}, false
	}
	n := func(part string) (int, bool) {
		v := 0
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
			v = v*10 + int(part[i]-'0')
		}
		return v, true
	}
	y, ok1 := n(s[:4])
	m, ok2 := n(s[5:7])
	d, ok3 := n(s[8:10])
	if !ok1 || !ok2 || !ok3 || len(s) > 10 && s[10] != ' ' && s[10] != 'T' {
		return data.Date{}, false
	}
	date := data.MakeDate(y, time.Month(m), d)
	return date, date.Year == y && int(date.Month) == m && date.Day == d // else not a real date: Scan says so
}

// read hands fn the records with the given ids, tombstones included, in
// the order the engine returns them (readRaw).
func (r *stateReader) read(db *gorm.DB, ids []string, fn func(data.Record)) error {
	return r.readRaw(db, ids, func(raw []any) error {
		rec, err := r.record(raw)
		if err == nil {
			fn(rec)
		}
		return err
	})
}

// readRaw hands fn the columns, as the driver returns them, of the rows
// with the given ids, tombstones included, in the order the engine
// returns them: chunkSize ids per query, or, when they are a good part
// of the table (a first full sync sends all of it), one pass over the
// table that passes over the rows not asked for. Each row's raw is its
// own, for record to turn into a record on another goroutine.
func (r *stateReader) readRaw(db *gorm.DB, ids []string, fn func(raw []any) error) error {
	var block []any // the raws of chunkSize rows, allocated together
	dest := make([]any, len(r.fields))
	var wanted map[string]struct{} // nil: every row read is wanted
	each := func(rows *sql.Rows) error {
		if len(block) < len(dest) {
			block = make([]any, len(dest)*chunkSize)
		}
		raw := block[:len(dest):len(dest)]
		for i := range raw {
			dest[i] = &raw[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if wanted != nil {
			if _, ok := wanted[textOf(raw[0])]; !ok {
				return nil // raw is used again for the next row
			}
		}
		block = block[len(dest):]
		return fn(raw)
	}
	whole, err := readsWhole(db, r.tbl, len(ids))
	if err != nil || !whole {
		if err == nil {
			err = queryByIDs(db, r.query+` WHERE "id" IN (`, nil, ids, each)
		}
		return err
	}
	wanted = make(map[string]struct{}, len(ids))
	for _, id := range ids {
		wanted[id] = struct{}{}
	}
	rows, err := db.Statement.ConnPool.QueryContext(context.Background(), r.query)
	return forEachRow(rows, err, each)
}

// record is the record whose columns readRaw read.
func (r *stateReader) record(raw []any) (data.Record, error) {
	rec := r.newRec()
	rv := reflect.ValueOf(rec)
	for i, f := range r.fields {
		if err := r.setters[i](f.ReflectValueOf(context.Background(), rv), raw[i]); err != nil {
			return nil, fmt.Errorf("读取%s：%w", r.table, err)
		}
	}
	return rec, nil
}

// textOf is a TEXT column's value as the driver returns it.
func textOf(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	}
	return ""
}

// queryByIDs runs query, which ends in "IN (", with chunkSize of the
// keys at a time on database/sql directly (GORM's statement building and
// scan cost more than SQLite's work on such short rows), and calls fn on
// each row. The statement for a full chunk is compiled once. lead are
// the arguments of the placeholders before the list.
func queryByIDs[K any](db *gorm.DB, query string, lead []any, keys []K, fn func(rows *sql.Rows) error) error {
	ctx := context.Background()
	pool := db.Statement.ConnPool
	rebind := dialectOf(db).rebind
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, len(lead)+chunkSize)
	for start := 0; start < len(keys); start += chunkSize {
		args = append(args[:0], lead...)
		for _, k := range keys[start:min(start+chunkSize, len(keys))] {
			args = append(args, k)
		}
		n := len(args) - len(lead)
		sqlText := rebind(query + placeholders(n) + ")")
		var rows *sql.Rows
		var err error
		if n == chunkSize {
			if full == nil {
				if full, err = pool.PrepareContext(ctx, sqlText); err != nil {
					return err
				}
			}
			rows, err = full.QueryContext(ctx, args...)
		} else {
			rows, err = pool.QueryContext(ctx, sqlText, args...)
		}
		if err := forEachRow(rows, err, fn); err != nil {
			return err
		}
	}
	return nil
}

// selectByKeys runs fn on the rows of table whose keyCol is one of keys
// (which it sorts), cols selected. When the keys are many beside the table's rows (an
// export of most workers), the whole table is read instead (readsWhole):
// fn sees the rows not asked for too and must pass over them.
func selectByKeys(db *gorm.DB, cols, table, keyCol string, keys []string, fn func(rows *sql.Rows) error) error {
	if len(keys) == 0 {
		return nil
	}
	query := "SELECT " + cols + ` FROM "` + table + `"`
	if whole, err := readsWhole(db, table, len(keys)); err != nil {
		return err
	} else if whole {
		rows, err := db.Statement.ConnPool.QueryContext(context.Background(), query)
		return forEachRow(rows, err, fn)
	}
	sort.Strings(keys) // neighbours in the index, chunk by chunk
	return queryByIDs(db, query+` WHERE "`+keyCol+`" IN (`, nil, keys, fn)
}

// readsWhole reports whether n keys are many beside table's rows, so that
// reading the whole table costs less than looking each key up: SQLite
// sorts every IN list into a temporary tree and finds each key in an
// index, then the row in the table, where one pass reads the rows in
// the order they are stored.
func readsWhole(db *gorm.DB, table string, n int) (bool, error) {
	if n == 0 {
		return false, nil
	}
	var total int64
	err := db.Statement.ConnPool.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM "`+table+`"`).Scan(&total)
	return int64(n)*4 >= total, err
}

// placeholders is "?,?,...,?", n of them.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
