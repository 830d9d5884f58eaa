package storage

import (
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
