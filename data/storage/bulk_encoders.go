package storage

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"

	"gorm.io/gorm/schema"

	"duikou/data"
)

// A bulk insert's JSON columns are written here rather than through GORM's
// JSON serializer, to the same bytes: the serializer marshals through
// encoding/json's reflection and then database/sql converts its result
// through the driver.Valuer interface, for every row. An import writes a
// field_ops column per record and a fields column per op.

// bulkEncoder is a column's statement argument for one row.
type bulkEncoder func(row reflect.Value) (any, error)

// tableEncoders are table-specific encoders by column.
var tableEncoders = map[string]map[string]bulkEncoder{
	"ops": {"fields": func(row reflect.Value) (any, error) {
		return fieldChangesJSON(row.Addr().Interface().(*Op).Fields)
	}},
}

var (
	fieldOpsType    = reflect.TypeFor[data.FieldOps]()
	stringSliceType = reflect.TypeFor[[]string]()
)

// bulkEncodersFor is the encoder of each of fields (nil where GORM's
// value is used): the table's own, one for each JSON column holding a
// data.FieldOps (a record's field_ops) or a []string (a worker's
// desired regions and occupations), and one for each plain column
// (plain_encoders.go).
func bulkEncodersFor(sch *schema.Schema, fields []*schema.Field) []bulkEncoder {
	out := make([]bulkEncoder, len(fields))
	for i, f := range fields {
		if enc := tableEncoders[sch.Table][f.DBName]; enc != nil {
			out[i] = enc
		} else if f.TagSettings["SERIALIZER"] == "json" && !f.HasDefaultValue {
			out[i] = stringsJSONEncoder(f)
		} else {
			out[i] = plainEncoder(sch, f)
		}
	}
	return out
}

// stringsJSONEncoder writes f's JSON when it is a record's field ops or a
// []string; nil for any other type.
func stringsJSONEncoder(f *schema.Field) bulkEncoder {
	notNull := f.TagSettings["NOT NULL"] != ""
	ctx := context.Background()
	switch f.FieldType {
	case fieldOpsType:
		return func(row reflect.Value) (any, error) {
			m := f.ReflectValueOf(ctx, row).Interface().(data.FieldOps)
			if m == nil {
				return nullJSON(notNull), nil
			}
			if b, ok := appendStringMapJSON(make([]byte, 0, 64), m); ok {
				return bytesString(b), nil
			}
			return marshalJSON(m)
		}
	case stringSliceType:
		return func(row reflect.Value) (any, error) {
			l := f.ReflectValueOf(ctx, row).Interface().([]string)
			if l == nil {
				return nullJSON(notNull), nil
			}
			if b, ok := appendStringSliceJSON(make([]byte, 0, 64), l); ok {
				return bytesString(b), nil
			}
			return marshalJSON(l)
		}
	}
	return nil
}

// nullJSON is what GORM's JSON serializer stores for a nil value: NULL,
// or "" in a NOT NULL column.
func nullJSON(notNull bool) any {
	if notNull {
		return ""
	}
	return nil
}

func marshalJSON(v any) (any, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// appendStringMapJSON appends m as encoding/json writes it (keys sorted);
// ok is false when a key or value needs escaping.
func appendStringMapJSON(b []byte, m map[string]string) ([]byte, bool) {
	// The sorted keys, then each key and its value. A record's field ops
	// are most often {"*": ref}: room for that on the stack.
	var small [3]string
	kv := small[:0]
	if len(m) > 1 {
		kv = make([]string, 0, 3*len(m))
	}
	for k := range m {
		kv = append(kv, k)
	}
	slices.Sort(kv)
	for _, k := range kv[:len(m)] {
		kv = append(kv, k, m[k])
	}
	return appendJSONStrings(b, '{', '}', kv[len(m):], true)
}

// appendStringSliceJSON appends l as encoding/json writes it; ok is false
// when an element needs escaping.
func appendStringSliceJSON(b []byte, l []string) ([]byte, bool) {
	return appendJSONStrings(b, '[', ']', l, false)
}

// appendJSONStrings appends strs as JSON strings between open and close,
// separated by commas, or with pairs as key:value,key:value; ok is false
// when one needs escaping.
func appendJSONStrings(b []byte, open, close byte, strs []string, pairs bool) ([]byte, bool) {
	b = append(b, open)
	for i, s := range strs {
		switch {
		case i == 0:
		case pairs && i%2 == 1:
			b = append(b, ':')
		default:
			b = append(b, ',')
		}
		var ok bool
		if b, ok = appendJSONString(b, s); !ok {
			return nil, false
		}
	}
	return append(b, close), true
}
