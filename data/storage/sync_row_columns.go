package storage

import (
	"duikou/data"
	"encoding/json"
	"reflect"
	"slices"

	"gorm.io/gorm/schema"
)

// RowColumnsWriter is a ChangesWriter that also takes a row's state as
// its columns in name order, each column's value and ref side by side,
// instead of a map: an export of a hundred thousand rows then builds no
// map and no value of its own per row. st.Fields is nil; cols, values
// and refs are only the writer's during the call.
type RowColumnsWriter interface {
	RowColumns(st *RowState, cols []string, values []json.RawMessage, refs []string) error
}

// rowColumns is a row's state as RowColumnsWriter takes it, its buffers
// used again for each row of one table.
type rowColumns struct {
	codec  *rowCodec
	fields []*schema.Field // the codec's columns in name order
	cols   []string
	values []json.RawMessage
	refs   []string
	ends   []int
	buf    []byte
}

func newRowColumns(codec *rowCodec) *rowColumns {
	fields := slices.Clone(codec.cols)
	slices.SortFunc(fields, func(a, b *schema.Field) int {
		switch {
		case a.DBName < b.DBName:
			return -1
		case a.DBName > b.DBName:
			return 1
		}
		return 0
	})
	rc := &rowColumns{codec: codec, fields: fields, values: make([]json.RawMessage, len(fields)),
		refs: make([]string, len(fields)), ends: make([]int, len(fields))}
	for _, f := range fields {
		rc.cols = append(rc.cols, f.DBName)
	}
	return rc
}

// fill encodes rec's columns, as stateOf does, and returns its state
// without the fields.
func (rc *rowColumns) fill(rec data.Record) (RowState, error) {
	sy := rec.SyncInfo()
	rv := reflect.ValueOf(rec)
	b := rc.buf[:0]
	var err error
	for i, f := range rc.fields {
		if b, err = rc.codec.appendValue(b, f, rv); err != nil {
			return RowState{}, err
		}
		rc.ends[i] = len(b)
		rc.refs[i] = sy.FieldOps.Base(f.DBName)
	}
	start := 0
	for i, end := range rc.ends {
		rc.values[i] = b[start:end:end]
		start = end
	}
	rc.buf = b
	return RowState{Table: rc.codec.table, ID: sy.ID, Origin: sy.Origin, HLC: sy.HLC}, nil
}
