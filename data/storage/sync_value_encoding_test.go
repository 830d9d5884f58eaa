package storage

import (
	"encoding/json"
	"reflect"
	"testing"

	"duikou/data"
)

// Dates, empty lists and optional values take their own path out of an
// export (appendEncoded) and must come out as encoding/json writes them,
// or the partner would see a conflict between equal values.
func TestEncodedValuesMatchEncodingJSON(t *testing.T) {
	id := "01a24db1-4c89"
	values := []any{data.Date{}, data.MakeDate(2026, 12, 6), data.MakeDate(1985, 1, 1),
		[]data.Skill(nil), []data.Skill{}, []data.Training{{Course: "育婴师<培训>", From: data.MakeDate(2025, 3, 1)}},
		[]string(nil), []string{"620123", "南京"}, (*string)(nil), &id, map[string]string(nil), data.FieldOps{"*": "a/1@2"},
		(*data.Date)(nil)}
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		rv := reflect.ValueOf(v)
		got, ok := appendEncoded(nil, rv, encodingOf(rv.Type()))
		if !ok {
			continue // encoding/json writes it
		}
		if string(got) != string(want) {
			t.Errorf("%#v: %s, encoding/json %s", v, got, want)
		}
	}
	// The common cases do take the fast path.
	for _, v := range []any{data.MakeDate(2026, 12, 6), data.Date{}, []data.Skill(nil), []string(nil)} {
		if _, ok := appendEncoded(nil, reflect.ValueOf(v), encodingOf(reflect.TypeOf(v))); !ok {
			t.Errorf("%#v went to encoding/json", v)
		}
	}
}

// Each row's field_ops is read past encoding/json (decodeFieldOps): it
// must read as encoding/json reads it, and leave what it cannot read to
// encoding/json.
func TestFieldOpsDecodeAsEncodingJSON(t *testing.T) {
	for _, raw := range []string{`{}`, `{"*":"o/1@2"}`, `{"*":"o/1@2","name":"p/3@4"}`, `{"a":"1","a":"2"}`,
		`{"*":"张三"}`, `{"*":"a\"b"}`, `{"*":1}`, `{"*":"x"`, `{"*":"x",}`, `{"*" :"x"}`, `null`, `{`, `{"*":"x"}x`} {
		got, ok := decodeFieldOps([]byte(raw))
		if !ok {
			continue
		}
		var want data.FieldOps
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Errorf("%s: read, where encoding/json refuses it: %v", raw, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %#v, encoding/json %#v", raw, got, want)
		}
	}
	if ops, ok := decodeFieldOps([]byte(`{"*":"o/1@2","name":"p/3@4"}`)); !ok || ops.Base("name") != "p/3@4" || ops.Base("phone") != "o/1@2" {
		t.Errorf("field_ops read as %v, %v", ops, ok)
	}
}
