package storage

import (
	"context"
	"duikou/data"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// The exchange reads and writes rows by the thousand: one query per row
// costs more than the clerk will wait for a hundred thousand of them, so
// rows are read 500 ids at a time and written in batches.

// chunkSize is how many ids go into one "IN (...)" and how many rows into
// one INSERT (a worker has about thirty columns; SQLite allows 32,766
// parameters per statement).
const chunkSize = 500

// inChunks calls fn with ids in slices of at most chunkSize.
func inChunks(ids []string, fn func(chunk []string) error) error {
	for start := 0; start < len(ids); start += chunkSize {
		if err := fn(ids[start:min(start+chunkSize, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}

// findRows reads the rows of a travelling table with the given ids,
// tombstones included, and hands each to fn. Ids with no row are skipped.
func findRows(db *gorm.DB, table data.Table, ids []string, fn func(data.Record)) error {
	switch table {
	case data.TableWorkers:
		return findChunked[data.Worker](db, table, ids, fn)
	case data.TableEmployers:
		return findChunked[data.Employer](db, table, ids, fn)
	case data.TableDemands:
		return findChunked[data.Demand](db, table, ids, fn)
	case data.TablePlacements:
		return findChunked[data.Placement](db, table, ids, fn)
	case data.TableFollowUps:
		return findChunked[data.FollowUp](db, table, ids, fn)
	case data.TableClaims:
		return findChunked[data.SubsidyClaim](db, table, ids, fn)
	}
	return fmt.Errorf("文件含有未知的表 %q", table)
}

func findChunked[T any, PT interface {
	*T
	data.Record
}](db *gorm.DB, table data.Table, ids []string, fn func(data.Record)) error {
	return inChunks(ids, func(chunk []string) error {
		if some, err := anyBetween(db, string(table), "id", chunk); err != nil || !some {
			return err // none of them here (id_probe.go)
		}
		var rows []T
		if err := db.Where("id IN ?", chunk).Find(&rows).Error; err != nil {
			return err
		}
		for i := range rows {
			fn(PT(&rows[i]))
		}
		return nil
	})
}

// insertRows stores new records of one type in batches (as Tx.insert
// would one by one, associations left alone).
func insertRows(tx *Tx, recs []data.Record) error {
	if len(recs) == 0 {
		return nil
	}
	return bulkInsert(tx.db, tx.s.now().UTC(), typedSlice(recs), false)
}

// saveRows writes records of one type that exist already, every column
// (as Save does: updated_at moves on, created_at stays), in batches of
// "INSERT ... ON CONFLICT (id) DO UPDATE".
func saveRows(tx *Tx, recs []data.Record) error {
	if len(recs) == 0 {
		return nil
	}
	now := tx.s.now().UTC()
	for _, r := range recs {
		r.SyncInfo().UpdatedAt = now
	}
	return bulkInsert(tx.db, now, typedSlice(recs), true)
}

// typedSlice turns records of one type into a []*T that GORM can batch.
func typedSlice(recs []data.Record) any {
	s := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(recs[0])), 0, len(recs))
	for _, r := range recs {
		s = reflect.Append(s, reflect.ValueOf(r))
	}
	return s.Interface()
}

// rowCodec encodes and decodes a record type's travelling columns, as
// travellingValues and setColumn do, with the column list, the
// name-to-column lookup and which columns may take the fast JSON paths
// (sync_json.go) worked out once per type.
type rowCodec struct {
	table  data.Table
	cols   []*schema.Field
	byName map[string]*schema.Field
	enc    map[*schema.Field]valueEncoding
	// decoders: how each column is decoded, by name, in one lookup (set
	// runs for every column of every row an import takes in).
	decoders map[string]columnDecoder
	ordered  []columnDecoder // the same, in the order of cols
}

// columnDecoder is how set decodes one column.
type columnDecoder struct {
	f    *schema.Field
	fast bool // a plain kind: decodeJSONValue
	text bool // read from its text form (dates): decodeJSONText
}

var rowCodecs sync.Map // reflect.Type -> *rowCodec

func codecFor(db *gorm.DB, rec any) (*rowCodec, error) {
	t := reflect.TypeOf(rec)
	if c, ok := rowCodecs.Load(t); ok {
		return c.(*rowCodec), nil
	}
	cols, table, err := travellingColumns(db, rec)
	if err != nil {
		return nil, err
	}
	c := &rowCodec{table: table, cols: cols, byName: make(map[string]*schema.Field, len(cols)),
		enc: map[*schema.Field]valueEncoding{}, decoders: make(map[string]columnDecoder, len(cols))}
	for _, f := range cols {
		c.byName[f.DBName] = f
		c.enc[f] = encodingOf(f.FieldType)
		cd := columnDecoder{f: f, fast: fastDecodable(f.FieldType), text: textDecodable(f.FieldType)}
		c.decoders[f.DBName] = cd
		c.ordered = append(c.ordered, cd)
	}
	rowCodecs.Store(t, c)
	return c, nil
}

func (c *rowCodec) encode(f *schema.Field, rv reflect.Value) (json.RawMessage, error) {
	return c.appendValue(nil, f, rv)
}

// appendValue appends the JSON of rv's column f to dst.
func (c *rowCodec) appendValue(dst []byte, f *schema.Field, rv reflect.Value) ([]byte, error) {
	fv := f.ReflectValueOf(context.Background(), rv)
	if how := c.enc[f]; how != viaEncodingJSON {
		if b, ok := appendEncoded(dst, fv, how); ok {
			return b, nil
		}
	}
	b, err := json.Marshal(fv.Interface())
	if err != nil {
		return nil, fmt.Errorf("data: encode %s.%s: %w", c.table, f.DBName, err)
	}
	return append(dst, b...), nil
}

// values is travellingValues.
func (c *rowCodec) values(rec any) (map[string]json.RawMessage, error) {
	rv := reflect.ValueOf(rec)
	out := make(map[string]json.RawMessage, len(c.cols))
	for _, f := range c.cols {
		b, err := c.encode(f, rv)
		if err != nil {
			return nil, err
		}
		out[f.DBName] = b
	}
	return out, nil
}

// value encodes one column.
func (c *rowCodec) value(rec any, column string) (json.RawMessage, error) {
	f := c.byName[column]
	if f == nil {
		return nil, fmt.Errorf("%s 没有字段 %s", c.table, column)
	}
	return c.encode(f, reflect.ValueOf(rec))
}

// set is setColumn.
func (c *rowCodec) set(rec any, column string, value json.RawMessage) error {
	return c.setIn(reflect.ValueOf(rec), column, value, false)
}

// setIn sets column of the record rv points to; fresh says the column
// still holds its zero value (a record being built from its state), so
// a plain value is decoded in place, with no copy made.
func (c *rowCodec) setIn(rv reflect.Value, column string, value json.RawMessage, fresh bool) error {
	cd, ok := c.decoders[column]
	if !ok {
		return fmt.Errorf("%s 没有字段 %s", c.table, column)
	}
	return c.decode(rv, cd, value, fresh)
}

// decode is setIn with the column's decoder.
func (c *rowCodec) decode(rv reflect.Value, cd columnDecoder, value json.RawMessage, fresh bool) error {
	f := cd.f
	fv := f.ReflectValueOf(context.Background(), rv)
	if cd.fast {
		if fresh || fv.IsZero() {
			if decodeJSONValue(fv, value) {
				return nil
			}
		} else if nv := reflect.New(f.FieldType).Elem(); decodeJSONValue(nv, value) {
			fv.Set(nv)
			return nil
		}
	}
	if f.FieldType == stringSliceType { // a worker's desired regions and occupations
		if l, ok := decodeStringArray(value); ok {
			fv.Set(reflect.ValueOf(l))
			return nil
		}
	}
	ptr := reflect.New(f.FieldType)
	if cd.text && decodeJSONText(ptr, value) {
		fv.Set(ptr.Elem())
		return nil
	}
	if err := json.Unmarshal(value, ptr.Interface()); err != nil {
		return fmt.Errorf("%s.%s 的值无法识别：%w", c.table, f.DBName, err)
	}
	fv.Set(ptr.Elem())
	return nil
}

// stateOf is a row's RowState.
func (c *rowCodec) stateOf(rec data.Record) (RowState, error) {
	sy := rec.SyncInfo()
	rv := reflect.ValueOf(rec)
	st := RowState{Table: c.table, ID: sy.ID, Origin: sy.Origin, HLC: sy.HLC, Fields: make(map[string]FieldState, len(c.cols))}
	for _, f := range c.cols {
		v, err := c.encode(f, rv)
		if err != nil {
			return RowState{}, err
		}
		st.Fields[f.DBName] = FieldState{Value: v, Ref: sy.FieldOps.Base(f.DBName)}
	}
	return st, nil
}
