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
// does, and a plain column as GORM and database/sql would (offices compare
// stored values as bytes): rowArgs with and without them gives the same
// arguments, escapes, nils, named types and dates included.
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
	var encoded, gorms []string
	for i, e := range encoders {
		if e != nil {
			encoded = append(encoded, fields[i].DBName)
		} else {
			gorms = append(gorms, fields[i].DBName)
		}
	}
	// GORM's way where a zero value becomes the time, and for the JSON
	// columns of other types.
	wantGORM := []string{"created_at", "updated_at", "skills", "trainings"}
	if !reflect.DeepEqual(gorms, wantGORM) {
		t.Fatalf("columns written GORM's way: %q, want %q (fast: %q)", gorms, wantGORM, encoded)
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
	for i, c := range cases {
		worker := func() *data.Worker {
			w := &data.Worker{Name: "张三", DesiredRegions: c.regions, DesiredOccupations: c.regions,
				IDNumber: "620123199001011234", Education: "高中", ExpectedWage: 650000, Consent: len(c.regions) > 0,
				AvailableFrom: data.Date{Year: 2026, Month: 3, Day: 1}, RegisteredOn: data.Date{Year: 987, Month: 12, Day: 31},
				Birth: data.Date{Year: 12026, Month: 1, Day: 9}}
			if i%2 == 1 { // the others take the defaults
				w.Poverty, w.Status, w.MainLevel, w.Sex, w.Deleted = data.PovertyMonitored, data.WorkerEmployed, 3, data.Sex(1), true
			}
			w.FieldOps, w.Origin, w.HLC = c.fops, "01a2", 17
			return w
		}
		viaGORM, viaEncoders := worker(), worker()
		want, err := rowArgs(context.Background(), reflect.ValueOf(viaGORM).Elem(), fields, make([]bulkEncoder, len(fields)), now, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rowArgs(context.Background(), reflect.ValueOf(viaEncoders).Elem(), fields, encoders, now, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(viaEncoders, viaGORM) { // the defaults written into the record as well
			t.Errorf("record after the encoders:\n%+v\nafter GORM's way:\n%+v", viaEncoders, viaGORM)
		}
		if i%2 == 0 && viaEncoders.Poverty != "general" {
			t.Errorf("poverty %q after the encoders, want the column's default general", viaEncoders.Poverty)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("field ops %v, regions %q:\n got %q\nwant %q", c.fops, c.regions, got, want)
		}
	}
}
