package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"duikou/data/storage"
)

// tricky is a Changes with the values that trip hand-written JSON: quotes,
// backslashes, control characters, Chinese, HTML characters, nulls,
// nested values, negative and large numbers, nil and empty maps.
func tricky() *storage.Changes {
	return &storage.Changes{
		From: "0195a1b2-0000-7000-8000-000000000001", To: "0195a1b2-0000-7000-8000-000000000002",
		Since:  map[string]int64{"a": 0, "b": -3},
		Vector: map[string]int64{"a": 9007199254740993, "b": 12},
		Ops: []storage.WireOp{
			{Origin: "a", Seq: 1, HLC: 1 << 60, Table: "workers", RowID: "w1", Fields: map[string]storage.FieldChange{
				"name":   {Value: json.RawMessage(`"王秀兰 \"小王\" \\ <b>&</b>\n\t\u0001"`)},
				"skills": {Value: json.RawMessage(`[{"occ":"housekeeper","level":4,"cert":"S-1"}]`), Base: "a/0@1"},
				"notes":  {Value: nil},
				"wage":   {Value: json.RawMessage(`-12.5e3`)},
			}},
			{Origin: "a", Seq: 2, HLC: 7, Table: "demands", RowID: "d\"1", Fields: nil},
		},
		Rows: []storage.RowState{
			{Table: "workers", ID: "w1", Origin: "a", HLC: 3, Fields: map[string]storage.FieldState{
				"name":    {Value: json.RawMessage(`"张三"`), Ref: "a/1@3"},
				"consent": {Value: json.RawMessage(`true`), Ref: ""},
				"extra":   {Value: json.RawMessage(`{"k":[null,false,{"x":"y"}]}`), Ref: "a/1@3"},
			}},
			{Table: "follow_ups", ID: "f1", Origin: "b\u2028", HLC: 0, Fields: map[string]storage.FieldState{}},
		},
	}
}

func TestChangesJSONReadsBackAsEncodingJSONDoes(t *testing.T) {
	c := tricky()
	var ours bytes.Buffer
	if err := encodeChanges(&ours, c); err != nil {
		t.Fatal(err)
	}
	// encoding/json reads what we write as the same Changes ...
	var viaStd storage.Changes
	if err := json.Unmarshal(ours.Bytes(), &viaStd); err != nil {
		t.Fatalf("encoding/json cannot read our output: %v\n%s", err, ours.String())
	}
	// ... and we read what encoding/json writes, and our own output, the
	// same way it does.
	std, _ := json.Marshal(c)
	var want storage.Changes
	json.Unmarshal(std, &want)
	for name, body := range map[string][]byte{"ours": ours.Bytes(), "encoding/json's": std} {
		got, err := decodeChanges(bytes.Clone(body))
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		if !reflect.DeepEqual(normal(got), normal(&want)) {
			t.Fatalf("reading %s:\n got %+v\nwant %+v", name, got, &want)
		}
	}
	if !reflect.DeepEqual(normal(&viaStd), normal(&want)) {
		t.Fatalf("encoding/json reads ours as %+v\nwant %+v", viaStd, want)
	}
}

// normal re-encodes each raw value, so that equal JSON compares equal
// whatever its spacing and escaping.
func normal(c *storage.Changes) *storage.Changes {
	squeeze := func(v json.RawMessage) string {
		if len(v) == 0 {
			return "null"
		}
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		var x any
		if err := dec.Decode(&x); err != nil {
			return "invalid: " + err.Error()
		}
		b, _ := json.Marshal(x)
		return string(b)
	}
	out := *c
	out.Ops, out.Rows = nil, nil
	for _, op := range c.Ops {
		fs := map[string]storage.FieldChange{}
		for k, f := range op.Fields {
			fs[k] = storage.FieldChange{Value: json.RawMessage(squeeze(f.Value)), Base: f.Base}
		}
		if op.Fields == nil {
			fs = nil
		}
		op.Fields = fs
		out.Ops = append(out.Ops, op)
	}
	for _, r := range c.Rows {
		fs := map[string]storage.FieldState{}
		for k, f := range r.Fields {
			fs[k] = storage.FieldState{Value: json.RawMessage(squeeze(f.Value)), Ref: f.Ref}
		}
		r.Fields = fs
		out.Rows = append(out.Rows, r)
	}
	return &out
}

func TestChangesJSONRefusesWhatIsNotJSON(t *testing.T) {
	var good bytes.Buffer
	encodeChanges(&good, tricky())
	body := good.Bytes()
	// Every cut short of the end is refused (and none panics).
	for n := 0; n < len(body)-1; n++ {
		if _, err := decodeChanges(bytes.Clone(body[:n])); err == nil && strings.TrimSpace(string(body[n:])) != "" {
			t.Fatalf("cut at %d of %d accepted", n, len(body))
		}
	}
	for _, bad := range []string{
		`{"from":"a","ops":[{"fields":{"x":{"v":01}}}]}`,
		`{"from":"a","ops":[{"fields":{"x":{"v":"\q"}}}]}`,
		`{"from":"a","ops":[{"fields":{"x":{"v":tru}}}]}`,
		`{"from":"a","ops":[{"seq":1.5}]}`,
		`{"from":"a","ops":[{"seq":99999999999999999999}]}`,
		`{"from":"a","rows":[{"fields":{"x":{"v":[1,]}}}]}`,
		`{"from":"a"} {}`,
		"{\"from\":\"a\x01\"}",
		`{"from":"a",}`,
	} {
		_, err := decodeChanges([]byte(bad))
		if !errors.Is(err, errSyntax) {
			t.Errorf("%s: %v", bad, err)
		}
		if json.Valid([]byte(bad)) && !strings.Contains(bad, "seq") {
			t.Errorf("test case %s is valid JSON", bad)
		}
	}
}

// The reader never panics, and what it accepts is valid JSON, each raw
// value included (they go to the database as they are; a missing value is
// left empty for checkRecords to refuse).
// (go test -fuzz=FuzzDecodeChanges ./data/exchange to search further.)
func FuzzDecodeChanges(f *testing.F) {
	var good bytes.Buffer
	encodeChanges(&good, tricky())
	f.Add(good.Bytes())
	std, _ := json.Marshal(tricky())
	f.Add(std)
	f.Add([]byte(`{"ops":[{"fields":{"x":{"v":[1,{"a":"\u00e9"}]}}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := decodeChanges(bytes.Clone(body))
		if err != nil {
			return
		}
		if !json.Valid(body) {
			t.Fatalf("accepted invalid JSON %q", body)
		}
		for _, op := range c.Ops {
			for col, f := range op.Fields {
				if len(f.Value) > 0 && !json.Valid(f.Value) {
					t.Fatalf("op field %q holds invalid JSON %q", col, f.Value)
				}
			}
		}
		for _, r := range c.Rows {
			for col, f := range r.Fields {
				if len(f.Value) > 0 && !json.Valid(f.Value) {
					t.Fatalf("row field %q holds invalid JSON %q", col, f.Value)
				}
			}
		}
	})
}

// The ops are parsed on their own goroutine; a second "ops" key would make
// two of them fill one slice, so it is refused.
func TestDecodeRefusesOpsTwice(t *testing.T) {
	if _, err := decodeChanges([]byte(`{"from":"a","to":"b","ops":[],"ops":[],"rows":[]}`)); err == nil {
		t.Fatal("a second ops array was taken")
	}
	if _, err := decodeChanges([]byte(`{"from":"a","to":"b","ops":[],"rows":[]}`)); err != nil {
		t.Fatalf("one ops array refused: %v", err)
	}
}

// A field's object is read as the exporter writes it without looking up
// its keys (parser.exported); written any other way JSON allows (spaced,
// members in another order, a member the reader does not know, the key
// escaped), it reads the same through the general parse.
func TestFieldObjectsReadTheSameInAnyForm(t *testing.T) {
	compact := `{"ops":[{"origin":"a","seq":1,"hlc":5,"table":"workers","row":"w1","fields":{` +
		`"name":{"v":"张三","b":"a/0@1"},"phone":{"v":null}}}],` +
		`"rows":[{"table":"workers","id":"w1","origin":"a","hlc":5,"fields":{` +
		`"name":{"v":"张三","ref":"a/1@5"},"wage":{"v":-12,"ref":""}}}]}`
	others := []string{
		`{"ops":[{"origin":"a","seq":1,"hlc":5,"table":"workers","row":"w1","fields":{` +
			`"name":{ "v" : "张三" , "b":"a/0@1" },"phone":{"x":[1],"v":null}}}],` +
			`"rows":[{"table":"workers","id":"w1","origin":"a","hlc":5,"fields":{` +
			`"name":{"ref":"a/1@5","v":"张三"},"wage":{"\u0076":-12,"ref":"","v2":{}}}}]}`,
		`{"ops":[{"origin":"a","seq":1,"hlc":5,"table":"workers","row":"w1","fields":{` +
			`"name":{"v":"张三","b":"a/0@1","b2":0},"phone":{"v":null,"b":""}}}],` +
			`"rows":[{"table":"workers","id":"w1","origin":"a","hlc":5,"fields":{` +
			`"name":{"v":"张三","ref":"a\/1@5"},"wage":{"v":-12}}}]}`,
	}
	want, err := decodeChanges([]byte(compact))
	if err != nil {
		t.Fatal(err)
	}
	if got := want.Rows[0].Fields["name"]; string(got.Value) != `"张三"` || got.Ref != "a/1@5" {
		t.Fatalf("compact form read as %+v", want.Rows[0].Fields)
	}
	if got := want.Ops[0].Fields["name"]; string(got.Value) != `"张三"` || got.Base != "a/0@1" {
		t.Fatalf("compact form read as %+v", want.Ops[0].Fields)
	}
	for _, other := range others {
		got, err := decodeChanges([]byte(other))
		if err != nil {
			t.Fatalf("%s: %v", other, err)
		}
		if !reflect.DeepEqual(normal(got), normal(want)) {
			t.Fatalf("%s read as\n%+v\nwant\n%+v", other, got, want)
		}
	}
}
