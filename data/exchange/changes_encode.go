package exchange

import (
	"bufio"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"

	"duikou/data/storage"
)

// changes.json is the JSON of storage.Changes, written here (and read in
// changes_decode.go) by hand rather than through encoding/json's
// reflection: a hundred thousand records make a quarter of a gigabyte of
// it, and the exchange has a few seconds. What is written reads back
// through encoding/json as the same Changes (keys sorted, one op or row
// per line); what is read is any JSON of storage.Changes.

// encodeChanges writes c one op and one row at a time.
func encodeChanges(w io.Writer, c *storage.Changes) error {
	e := newChangesEncoder(w)
	if err := encodeInto(e, c); err != nil {
		return err
	}
	return e.Close()
}

// encodeInto hands e all of c.
func encodeInto(e *changesEncoder, c *storage.Changes) error {
	if err := e.Header(c); err != nil {
		return err
	}
	for i := range c.Ops {
		if err := e.Op(&c.Ops[i]); err != nil {
			return err
		}
	}
	for i := range c.Rows {
		if err := e.Row(&c.Rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// changesEncoder is a storage.ChangesWriter that writes changes.json as
// the store reads it (storage.WriteChangesFor), counting what it wrote
// for the manifest: an export holds one op or row at a time, not the
// file.
type changesEncoder struct {
	bw      *bufio.Writer
	b       []byte
	opKeys  []string // the last op's columns, sorted
	rowKeys []string // the last row's
	header  *storage.Changes
	// RowColumns' keys of the last table's columns, and the last ref.
	colNames    []string
	colKeys     [][]byte
	lastRef     string
	lastRefJSON []byte
	ops         int
	rows        int
	tables      map[string]int
}

func newChangesEncoder(w io.Writer) *changesEncoder {
	return &changesEncoder{bw: bufio.NewWriterSize(w, 256<<10), tables: map[string]int{}}
}

// Header writes the offices and vectors and opens the ops.
func (e *changesEncoder) Header(c *storage.Changes) error {
	e.header = c
	b := e.b
	b = append(b, `{"from":`...)
	b = appendString(b, c.From)
	b = append(b, `,"to":`...)
	b = appendString(b, c.To)
	b = append(b, `,"since":`...)
	b = appendVector(b, c.Since)
	b = append(b, `,"vector":`...)
	b = appendVector(b, c.Vector)
	b = append(b, `,"ops":[`...)
	e.b = b
	return nil
}

// Op writes one op, its fields in key order.
func (e *changesEncoder) Op(op *storage.WireOp) error {
	b := e.opStart(op)
	b = appendFields(b, &e.opKeys, op.Fields, func(b []byte, f storage.FieldChange) []byte {
		b = appendRaw(b, f.Value)
		if f.Base != "" {
			b = append(b, `,"b":`...)
			b = appendString(b, f.Base)
		}
		return b
	})
	return e.opEnd(b)
}

// OpJSON writes one op whose fields come as the JSON they are written
// in (storage.OpJSONWriter): the store's copy, as it is.
func (e *changesEncoder) OpJSON(op *storage.WireOp, fields []byte) error {
	return e.opEnd(append(e.opStart(op), fields...))
}

// opStart writes an op up to its fields' value.
func (e *changesEncoder) opStart(op *storage.WireOp) []byte {
	b := e.b
	if e.ops > 0 {
		b = append(b, ',')
	}
	b = append(b, '\n')
	b = append(b, `{"origin":`...)
	b = appendString(b, op.Origin)
	b = append(b, `,"seq":`...)
	b = strconv.AppendInt(b, op.Seq, 10)
	b = append(b, `,"hlc":`...)
	b = strconv.AppendInt(b, op.HLC, 10)
	b = append(b, `,"table":`...)
	b = appendString(b, string(op.Table))
	b = append(b, `,"row":`...)
	b = appendString(b, op.RowID)
	return append(b, `,"fields":`...)
}

// opEnd closes the op that b holds and counts it.
func (e *changesEncoder) opEnd(b []byte) error {
	b = append(b, '}')
	e.ops++
	var err error
	e.b, err = flush(e.bw, b)
	return err
}

// Row writes one row's state; the first closes the ops.
func (e *changesEncoder) Row(r *storage.RowState) error {
	b := appendFields(e.rowStart(r), &e.rowKeys, r.Fields, func(b []byte, f storage.FieldState) []byte {
		return appendRowField(b, f.Value, f.Ref)
	})
	return e.rowEnd(b, r)
}

// RowColumns writes one row's state whose fields come as columns in key
// order (storage.RowColumnsWriter), as Row writes them from a map.
func (e *changesEncoder) RowColumns(r *storage.RowState, cols []string, values []json.RawMessage, refs []string) error {
	keys := e.columnKeys(cols)
	b := append(e.rowStart(r), '{')
	for i := range cols {
		b = append(b, keys[i]...)
		b = appendRaw(b, values[i])
		b = append(b, `,"ref":`...)
		if refs[i] != e.lastRef || e.lastRefJSON == nil {
			// A row's refs are mostly the one op that made it.
			e.lastRef, e.lastRefJSON = refs[i], appendString(e.lastRefJSON[:0], refs[i])
		}
		b = append(b, e.lastRefJSON...)
		b = append(b, '}')
	}
	return e.rowEnd(append(b, '}'), r)
}

// columnKeys is, for each of cols, what goes before its value: ",",
// the column's name and :{"v":. A table's rows have the same columns,
// so they are written once per table.
func (e *changesEncoder) columnKeys(cols []string) [][]byte {
	if e.colKeys != nil && slices.Equal(cols, e.colNames) {
		return e.colKeys
	}
	e.colNames, e.colKeys = slices.Clone(cols), make([][]byte, len(cols))
	for i, col := range cols {
		var k []byte
		if i > 0 {
			k = append(k, ',')
		}
		k = appendString(k, col)
		e.colKeys[i] = append(k, `:{"v":`...)
	}
	return e.colKeys
}

// appendRowField writes a row's field after its {"v": up to its "}".
func appendRowField(b []byte, value json.RawMessage, ref string) []byte {
	b = appendRaw(b, value)
	b = append(b, `,"ref":`...)
	return appendString(b, ref)
}

// rowStart writes a row up to its fields' value; the first row closes
// the ops.
func (e *changesEncoder) rowStart(r *storage.RowState) []byte {
	b := e.b
	if e.rows == 0 {
		b = append(b, `],"rows":[`...)
	} else {
		b = append(b, ',')
	}
	b = append(b, '\n')
	b = append(b, `{"table":`...)
	b = appendString(b, string(r.Table))
	b = append(b, `,"id":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"origin":`...)
	b = appendString(b, r.Origin)
	b = append(b, `,"hlc":`...)
	b = strconv.AppendInt(b, r.HLC, 10)
	return append(b, `,"fields":`...)
}

// rowEnd closes the row that b holds and counts it.
func (e *changesEncoder) rowEnd(b []byte, r *storage.RowState) error {
	b = append(b, '}')
	e.rows++
	e.tables[string(r.Table)]++
	var err error
	e.b, err = flush(e.bw, b)
	return err
}

// Close ends the file (the rows, empty when none came) and flushes it.
func (e *changesEncoder) Close() error {
	b := e.b
	if e.rows == 0 {
		b = append(b, `],"rows":[`...)
	}
	b = append(b, "]}\n"...)
	if _, err := e.bw.Write(b); err != nil {
		return err
	}
	e.b = b[:0]
	return e.bw.Flush()
}

// appendFields writes an op's or a row's fields as encoding/json would (a
// map in key order, each {"v":…} plus what rest appends), or null; keys
// holds the last key order, reused while the columns stay the same.
func appendFields[F any](b []byte, keys *[]string, fields map[string]F, rest func([]byte, F) []byte) []byte {
	if fields == nil {
		return append(b, "null"...)
	}
	*keys = keysOf(*keys, fields)
	b = append(b, '{')
	for k, col := range *keys {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendString(b, col)
		b = append(b, `:{"v":`...)
		b = rest(b, fields[col])
		b = append(b, '}')
	}
	return append(b, '}')
}

// flush writes b once it has grown and returns it emptied for reuse.
func flush(bw *bufio.Writer, b []byte) ([]byte, error) {
	if len(b) < 64<<10 {
		return b, nil
	}
	_, err := bw.Write(b)
	return b[:0], err
}

// keysOf is m's keys in order, reusing last when m has the same keys:
// the rows of a table, and most ops, have the same columns one after
// another, and sorting them again is a tenth of an export.
func keysOf[V any](last []string, m map[string]V) []string {
	if len(last) == len(m) {
		same := true
		for _, k := range last {
			if _, ok := m[k]; !ok {
				same = false
				break
			}
		}
		if same {
			return last
		}
	}
	return sortedKeys(last[:0], m)
}

func sortedKeys[V any](keys []string, m map[string]V) []string {
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func appendVector(b []byte, v map[string]int64) []byte {
	if v == nil {
		return append(b, "{}"...)
	}
	keys := sortedKeys(nil, v)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = strconv.AppendInt(b, v[k], 10)
	}
	return append(b, '}')
}

// appendRaw writes a value read from the database as JSON (so valid, and
// compact as encoding/json wrote it); empty is null, as encoding/json has
// it for a nil RawMessage.
func appendRaw(b []byte, v json.RawMessage) []byte {
	if len(v) == 0 {
		return append(b, "null"...)
	}
	return append(b, v...)
}

// appendString quotes s; ids, table and column names take the fast path.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func nonNil(m map[string]int64) map[string]int64 {
	if m == nil {
		return map[string]int64{}
	}
	return m
}
