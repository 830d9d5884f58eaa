package storage

import (
	"context"
	"reflect"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm/schema"

	"duikou/data"
)

// The bulk encoders must write a JSON column exactly as GORM's serializer
// does (offices compare stored values as bytes): rowArgs with and without
// them gives the same arguments, escapes and nils included.
func TestBulkEncodersWriteWhatTheSerializerWrites(t *testing.T) {
	sch, err := schema.Parse(&data.Worker{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		t.Fatal(err)
	}
	var fields []*schema.Field
	for _, name := range sch.DBNames {
		fields = append(fields, sch.FieldsByDBName[name])
	}
	encoders := bulkEncodersFor(sch, fields)
	encoded := 0
	for _, e := range encoders {
		if e != nil {
			encoded++
		}
	}
	if encoded != 3 { // field_ops, desired_regions, desired_occupations
		t.Fatalf("%d columns have a fast encoder, want 3", encoded)
	}
	now := time.Date(2026, 12, 7, 4, 0, 0, 0, time.UTC)
	cases := []struct {
		fops    data.FieldOps
		regions []string
	}{
		{nil, nil},
		{data.FieldOps{}, []string{}},
		{data.FieldOps{"*": "01a2/17"}, []string{"620123"}},
		{data.FieldOps{"*": "01a2/17", "phone": "01b3/2", "name": "01a2/18"}, []string{"620123", "3201"}},
		{data.FieldOps{"*": "a<b", "x\"y": "c"}, []string{"a&b", "line\nbreak"}},
		{data.FieldOps{"名字": "办/1"}, []string{"南京"}},
	}
	for _, c := range cases {
		w := &data.Worker{Name: "张三", DesiredRegions: c.regions, DesiredOccupations: c.regions}
		w.FieldOps = c.fops
		row := reflect.ValueOf(w).Elem()
		want, err := rowArgs(context.Background(), row, fields, make([]bulkEncoder, len(fields)), now, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rowArgs(context.Background(), row, fields, encoders, now, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("field ops %v, regions %q:\n got %q\nwant %q", c.fops, c.regions, got, want)
		}
	}
}
