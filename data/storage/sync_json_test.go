package storage

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"duikou/data"
	"duikou/data/catalog"
)

// The fast JSON paths must write and read exactly what encoding/json
// does, or offices would see conflicts between equal values.

var jsonSamples = []string{"", "张三", "a b", "<b>", "x&y", "quote\"d", `back\slash`, "tab\t", "nl\n", "\x7f",
	"line\u2028sep", "para\u2029", "bad\xffutf8", "emoji 😀", "–…·", "13900000001", "620123", "\x00"}

func TestFastJSONEncodingMatchesEncodingJSON(t *testing.T) {
	values := []any{true, false, 0, -1, math.MaxInt64, math.MinInt64, uint8(255), uint64(math.MaxUint64),
		data.Fen(12345), catalog.SkillLevel(3), data.WorkerIdle, data.Poverty("general")}
	for _, s := range jsonSamples {
		values = append(values, s, data.WorkerStatus(s))
	}
	for _, v := range values {
		want, _ := json.Marshal(v)
		got, ok := appendJSONValue(nil, reflect.ValueOf(v))
		if ok && string(got) != string(want) {
			t.Errorf("%#v: fast %s, encoding/json %s", v, got, want)
		}
		if !ok && fastEncodable(reflect.TypeOf(v)) && reflect.TypeOf(v).Kind() != reflect.String {
			t.Errorf("%#v: no fast path for a plain %s", v, reflect.TypeOf(v).Kind())
		}
	}
	if fastEncodable(reflect.TypeOf(data.Date{})) || fastDecodable(reflect.TypeOf(data.Date{})) {
		t.Error("Date has its own text form and must go through encoding/json")
	}
}

func TestFastJSONDecodingMatchesEncodingJSON(t *testing.T) {
	raws := []string{`null`, `true`, `false`, `0`, `-0`, `01`, `+1`, `1.0`, `1e3`, `-12`, `9223372036854775807`,
		`9223372036854775808`, `300`, `-129`, `""`, `"x"`, `"张三"`, `"a\"b"`, `"a\\b"`, `"\u00e9"`, "\"tab\t\"", "\"bad\xff\"",
		`"unterminated`, `x`, `[]`, `{}`, ` 1`, `"<&>"`}
	for _, typ := range []reflect.Type{reflect.TypeFor[string](), reflect.TypeFor[bool](), reflect.TypeFor[int](),
		reflect.TypeFor[int8](), reflect.TypeFor[uint8](), reflect.TypeFor[data.Fen](), reflect.TypeFor[data.WorkerStatus]()} {
		for _, raw := range raws {
			want := reflect.New(typ)
			wantErr := json.Unmarshal([]byte(raw), want.Interface())
			got := reflect.New(typ).Elem()
			if !decodeJSONValue(got, []byte(raw)) {
				continue // encoding/json decides
			}
			if wantErr != nil {
				t.Errorf("%s into %s: fast path took what encoding/json refuses (%v)", raw, typ, wantErr)
				continue
			}
			if !reflect.DeepEqual(got.Interface(), want.Elem().Interface()) {
				t.Errorf("%s into %s: fast %#v, encoding/json %#v", raw, typ, got.Interface(), want.Elem().Interface())
			}
		}
	}
}

func TestFieldChangesJSONMatchesEncodingJSON(t *testing.T) {
	fields := map[string]FieldChange{"name": {Value: json.RawMessage(`"张三"`)}, "zeta": {Value: json.RawMessage(`12`), Base: "a/1@2"},
		"notes": {Value: json.RawMessage(`"<b>&"`)}, "skills": {Value: json.RawMessage(`[ {"occ": "x"} ]`)},
		"sep": {Value: json.RawMessage("\"a\u2028b\"")}, "nil": {}, "date": {Value: json.RawMessage(`"2024-01-02"`)},
		"big": {Value: json.RawMessage(`-0.5e10`)}, "t": {Value: json.RawMessage(`true`)}}
	for _, s := range jsonSamples {
		fields["k"+s] = FieldChange{Value: json.RawMessage(`"v"`), Base: s}
	}
	want, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fieldChangesJSON(fields)
	if err != nil || got != string(want) {
		t.Fatalf("fieldChangesJSON:\n%s (%v)\nencoding/json:\n%s", got, err, want)
	}
	if _, err := fieldChangesJSON(map[string]FieldChange{"x": {Value: json.RawMessage(`{bad`)}}); err == nil {
		t.Fatal("invalid JSON was stored")
	}
}

func TestCompactFieldOpsAnswersAsTheFullMap(t *testing.T) {
	for _, fields := range []map[string]FieldState{
		{},
		{"a": {Ref: "x/1@1"}, "b": {Ref: "x/1@1"}},
		{"a": {Ref: ""}, "b": {Ref: "x/1@1"}, "c": {Ref: "x/1@1"}},
		{"a": {Ref: "x/1@1"}, "b": {Ref: ""}, "c": {Ref: "y/2@2"}, "d": {Ref: "y/2@2"}},
		{"a": {Ref: "y/2@2"}, "b": {Ref: "x/1@1"}},
	} {
		fops := compactFieldOps(fields)
		for col, fs := range fields {
			if got := fops.Base(col); got != fs.Ref {
				t.Errorf("%v: Base(%s) = %q, want %q", fields, col, got, fs.Ref)
			}
		}
	}
}

func TestDecodeFieldChangesMatchesEncodingJSON(t *testing.T) {
	inputs := []string{`{}`, `null`, `{"a":{"v":1}}`, `{"a":{"v":"x","b":"o/1@2"},"b":{"v":[{"occ":"x","level":2}]}}`,
		`{"a":{"v":{"k":[1,2.5,-3e2,true,null,"\u00e9\"\\"]}}}`, `{"a":{"v":"<\u003c>"}}`, `{"a\u00e9":{"v":1}}`,
		`{"a":{"v":1,"b":"x\ty"}}`, `{ "a": {"v": 1} }`, `{"a":{"v":01}}`, `{"a":{"v":1},}`, `{"a":{"v":[1,]}}`,
		`{"a":{"v":"unterminated}}`, `{"a":{"v":1}`, `{"a":{"v":1}}x`, `{"a":{"v":1},"a":{"v":2}}`, `{"a":{"b":"x","v":1}}`,
		`{"a":{"v":{"x" :1}}}`, `{"a":{"v":{1:2}}}`, `{"a":{"v":tru}}`, `{"a":{"v":"bad\xff"}}`, `{"a":{"v":-}}`}
	for _, in := range inputs {
		var want map[string]FieldChange
		wantErr := json.Unmarshal([]byte(in), &want)
		got, err := decodeFieldChanges([]byte(in))
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%s: error %v, encoding/json %v", in, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %#v, encoding/json %#v", in, got, want)
		}
	}
}

// decodeStringArray reads what encoding/json reads, or declines.
func TestDecodeStringArrayAsEncodingJSON(t *testing.T) {
	for _, c := range []struct {
		raw  string
		fast bool
	}{
		{`null`, true}, {`[]`, true}, {`["620123"]`, true}, {`["620123","3201","南京"]`, true}, {`[""]`, true},
		{`["a\"b"]`, false}, {`[ "a"]`, false}, {`["a",]`, false}, {`["a"]x]`, false}, {`["a"`, false}, {`[1]`, false}, {`{}`, false},
	} {
		got, ok := decodeStringArray([]byte(c.raw))
		if ok != c.fast {
			t.Errorf("%s: fast %v, want %v", c.raw, ok, c.fast)
			continue
		}
		if !ok {
			continue
		}
		var want []string
		if err := json.Unmarshal([]byte(c.raw), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || (got == nil) != (want == nil) {
			t.Errorf("%s: got %#v, want %#v", c.raw, got, want)
		}
	}
}

// fieldChangesJSON keeps the last op's columns in order, for the next op
// with the same ones: ops one after another with the same columns, others
// of the same number, fewer and more are each written as encoding/json
// writes them.
func TestFieldChangesJSONFollowsEachOpsColumns(t *testing.T) {
	v := func(s string) FieldChange {
		return FieldChange{Value: json.RawMessage(`"` + s + `"`), Base: "o/1@" + s}
	}
	for i, fields := range []map[string]FieldChange{
		{"name": v("1"), "phone": v("2"), "age": v("3")},
		{"phone": v("4"), "age": v("5"), "name": v("6")},
		{"name": v("7"), "phone": v("8"), "wage": v("9")},
		{"name": v("10"), "phone": v("11")},
		{"name": v("12"), "phone": v("13"), "wage": v("14"), "age": v("15")},
		{"name": v("16"), "phone": v("17"), "wage": v("18"), "zone": v("19")},
		{},
	} {
		want, _ := json.Marshal(fields)
		if got, err := fieldChangesJSON(fields); err != nil || got != string(want) {
			t.Fatalf("op %d: %s (%v), want %s", i, got, err, want)
		}
	}
}
