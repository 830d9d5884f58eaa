package storage

import (
	"duikou/data"
	"duikou/data/dbconn"
	"reflect"
	"testing"
)

// rowsOf reads every column of every row of a table, in id order.
func rowsOf(t *testing.T, s *Store, table string) []map[string]any {
	t.Helper()
	var out []map[string]any
	// In the order written: SQLite's rowid; PostgreSQL has none, but the
	// ids are UUIDv7 (time-ordered) and one store's ops run by sequence.
	order := "rowid"
	if s.Engine() == dbconn.Postgres {
		order = map[bool]string{true: "seq", false: "id"}[table == "ops"]
	}
	if err := s.db.Table(table).Order(order).Find(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBulkCreateWritesWhatCreateWrites creates the same worker, employer
// and demand through an ordinary transaction and through a bulk one (the
// prepared-INSERT path of insert_fast.go): the rows and their ops are the
// same column for column, but for the ids, origins and clocks that differ
// between the two stores.
func TestBulkCreateWritesWhatCreateWrites(t *testing.T) {
	write := func(bulk bool) *Store {
		s := newStore(t)
		fn := func(tx *Tx) error {
			w := validWorker(7)
			w.Address, w.Notes, w.Education = "城关镇兴隆村3社", "能吃苦", data.Education("junior")
			w.DesiredOccupations = []string{"housekeeper"}
			w.AvailableFrom = data.MakeDate(2026, 3, 1)
			if err := tx.Create(w); err != nil {
				return err
			}
			e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: testCreditCode("MA1XY2K1"), Region: "320115", HasUnion: true}
			if err := tx.Create(e); err != nil {
				return err
			}
			return tx.Create(&data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 5,
				WorkRegion: "320115", WageMin: data.Yuan(6000), Board: true, ValidFrom: data.MakeDate(2026, 3, 1)})
		}
		var err error
		if bulk {
			err = s.WriteBulk(fn)
		} else {
			err = s.Write(fn)
		}
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	plain, bulk := write(false), write(true)
	differ := map[string]bool{"id": true, "origin": true, "hlc": true, "field_ops": true, "employer_id": true,
		"row_id": true}
	for _, table := range []string{"workers", "employers", "demands", "ops"} {
		a, b := rowsOf(t, plain, table), rowsOf(t, bulk, table)
		if len(a) != len(b) || len(a) == 0 {
			t.Fatalf("%s: %d rows by Create, %d by the bulk path", table, len(a), len(b))
		}
		for i := range a {
			for col, v := range a[i] {
				if differ[col] {
					continue
				}
				if col == "fields" && table == "ops" {
					continue // holds the employer id for a demand; compared below
				}
				if !reflect.DeepEqual(v, b[i][col]) {
					t.Fatalf("%s row %d column %s: %#v by Create, %#v by the bulk path", table, i, col, v, b[i][col])
				}
			}
		}
	}
	// The workers' ops carry no ids: their fields are byte for byte the same.
	a, b := rowsOf(t, plain, "ops"), rowsOf(t, bulk, "ops")
	if !reflect.DeepEqual(a[0]["fields"], b[0]["fields"]) {
		t.Fatalf("worker op fields differ:\n%s\n%s", a[0]["fields"], b[0]["fields"])
	}
}
