package storage

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
)

// A file large enough to be decoded on several cores and written in
// several batches arrives whole, each row as the sender holds it, with its
// derived columns; a second import of it changes nothing.
func TestALargeImportArrivesWhole(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	const n = 1500
	err := a.s.WriteBulk(func(tx *Tx) error {
		for i := 0; i < n; i++ {
			w := validWorker(0)
			w.IDNumber = ident.MakeID("620123", time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/400), i%400+1, i%2 == 0)
			w.Notes = "第一批 <来自榆中> & 备注"
			if err := tx.Create(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	file := send(t, a, b)
	sum, err := receive(t, b, file, data.NewID())
	if err != nil || sum.New != n || sum.Ops != n {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	assertSameState(t, a, b)
	var w data.Worker
	b.s.db.Where("deleted = ?", false).Order("id").First(&w)
	if w.Sex == 0 || w.Birth.IsZero() || w.MainOcc == "" || w.CreatedAt.IsZero() {
		t.Fatalf("derived columns not filled in: %+v", w)
	}
	if again, err := receive(t, b, file, data.NewID()); err != nil || again.New != 0 || again.Ops != 0 || again.Updated != 0 {
		t.Fatalf("second import: %+v, %v", again, err)
	}
	// Edits to all of them travel back as updates of existing rows, which
	// keep when they were created.
	var before data.Worker
	a.s.db.Order("id").First(&before)
	a.s.db.Model(&data.Worker{}).Where("id = ?", before.ID).UpdateColumn("created_at", fixedNow.Add(-48*time.Hour))
	err = b.s.WriteBulk(func(tx *Tx) error {
		var ws []data.Worker
		if err := tx.db.Find(&ws).Error; err != nil {
			return err
		}
		for i := range ws {
			ws[i].Notes = "南京已回访"
			if err := tx.Update(&ws[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sum, err = receive(t, a, send(t, b, a), data.NewID())
	if err != nil || sum.Updated != n || sum.Ops != n || sum.Conflicts != 0 {
		t.Fatalf("updates: %+v, %v", sum, err)
	}
	assertSameState(t, a, b)
	var after data.Worker
	a.s.db.Where("id = ?", before.ID).First(&after)
	if !after.CreatedAt.Equal(fixedNow.Add(-48*time.Hour)) || after.Notes != "南京已回访" || after.MainOcc != before.MainOcc {
		t.Fatalf("updated row: created %v notes %q main %q", after.CreatedAt, after.Notes, after.MainOcc)
	}
}

// A row the receiver lacks is built from its state column by column: every
// value as sent, the ref most columns share under "*" and the others by
// name, and a column the table does not have refused by name.
func TestRecordFromStateTakesEveryColumn(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	w.ID, w.Origin, w.HLC = "0195a1b2-0000-7000-8000-0000000000aa", "a", 6
	codec, err := codecFor(s.db, w)
	if err != nil {
		t.Fatal(err)
	}
	st, err := codec.stateOf(w)
	if err != nil {
		t.Fatal(err)
	}
	for col, fs := range st.Fields {
		fs.Ref = "a/1@5"
		if col == "phone" {
			fs.Ref = "a/2@6"
		}
		st.Fields[col] = fs
	}
	tx := &Tx{s: s, db: s.db}
	rec, err := tx.recordFromState(&st)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := codec.values(rec)
	want, _ := codec.values(w)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("built\n%s\nwant\n%s", got, want)
	}
	sy := rec.SyncInfo()
	if sy.ID != w.ID || sy.Origin != "a" || sy.HLC != 6 || len(sy.FieldOps) != 2 ||
		sy.FieldOps.Base("name") != "a/1@5" || sy.FieldOps.Base("phone") != "a/2@6" {
		t.Fatalf("sync info %+v", sy)
	}
	st.Fields["phone"] = FieldState{Value: json.RawMessage(`"13893112345"`), Ref: "a/1@5"}
	if rec, err = tx.recordFromState(&st); err != nil || !reflect.DeepEqual(rec.SyncInfo().FieldOps, data.FieldOps{"*": "a/1@5"}) {
		t.Fatalf("one ref for all: %v, %v", rec.SyncInfo().FieldOps, err)
	}
	st.Fields["shoe_size"] = FieldState{Value: json.RawMessage(`42`), Ref: "a/1@5"}
	if _, err := tx.recordFromState(&st); err == nil || !strings.Contains(err.Error(), "没有字段 shoe_size") {
		t.Fatalf("unknown column: %v", err)
	}
}

// A reader may build a file's rows as records ahead of the merge
// (Changes.Built): the merge takes such a record for a row the Store
// lacks, and goes by the row's state as before for one it has.
func TestRowsBuiltAheadAreTakenOnlyForRowsTheStoreLacks(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	// Each worker built ahead carries a name of its own, to tell it apart.
	changesBuiltAs := func(name string) *Changes {
		c, err := a.s.ChangesFor(b.s.Office().ID)
		if err != nil {
			t.Fatal(err)
		}
		c.Built = make([]data.Record, len(c.Rows))
		for i := range c.Rows {
			rec, err := b.s.BuildRecord(&c.Rows[i])
			if err != nil {
				t.Fatal(err)
			}
			if bw, ok := rec.(*data.Worker); ok {
				bw.Name = name
			}
			c.Built[i] = rec
		}
		return c
	}
	nameAtB := func() string {
		var got data.Worker
		if err := b.s.db.Where("id = ?", w.ID).First(&got).Error; err != nil {
			t.Fatal(err)
		}
		return got.Name
	}
	if _, err := b.s.ApplyChanges(changesBuiltAs("王预建"), "bundle-1", "1.duikou", false); err != nil {
		t.Fatal(err)
	}
	if got := nameAtB(); got != "王预建" {
		t.Fatalf("a new row: %q, want the record built ahead", got)
	}
	w.Name = "王秀英"
	if err := a.s.Update(w); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.ApplyChanges(changesBuiltAs("王旧建"), "bundle-2", "2.duikou", false); err != nil {
		t.Fatal(err)
	}
	if got := nameAtB(); got != "王秀英" {
		t.Fatalf("a row the Store has: %q, want the edit's 王秀英", got)
	}
}
