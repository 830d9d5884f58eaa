package storage

import (
	"errors"
	"strings"
	"testing"

	"duikou/data"
)

// TestBulkJobSeesItsOwnCreates runs a bulk job as an import does: it
// announces the workers it is about to create (ForeseeCreates), then
// creates them one by one. On PostgreSQL the rows wait in the queue and
// the duplicate checks are answered from one query; on SQLite they are
// written and checked at once. Either way every check sees the job's own
// earlier rows and what was there before, an edit of an ID number inside
// the job included, and a read in the job finds the queued rows.
func TestBulkJobSeesItsOwnCreates(t *testing.T) {
	s := newStore(t)
	before := validWorker(1)
	before.Name = "张建国"
	if err := s.Create(before); err != nil {
		t.Fatal(err)
	}
	named := func(seq int, name string) *data.Worker {
		w := validWorker(seq)
		w.Name = name
		return w
	}
	first := named(2, "李梅")
	again := named(2, "李梅二") // the ID number of first
	old := named(1, "张三")    // the ID number of the worker registered before
	moved := named(3, "赵四")  // the ID number given to 张建国 during the job
	refused := func(tx *Tx, w *data.Worker, holder string) {
		t.Helper()
		err := tx.Create(w)
		fe, ok := data.AsFieldError(err)
		if !ok || fe.Field != "IDNumber" || !strings.Contains(err.Error(), "已登记为劳动者“"+holder+"”") {
			t.Errorf("%s: got %v, want 身份证号 已登记为劳动者“%s”", w.Name, err, holder)
		}
	}
	err := s.WriteBulk(func(tx *Tx) error {
		if err := tx.ForeseeCreates([]data.Record{first, again, old, moved}); err != nil {
			return err
		}
		if err := tx.Create(first); err != nil {
			return err
		}
		refused(tx, again, "李梅")
		refused(tx, old, "张建国")
		edited := *before
		edited.IDNumber = moved.IDNumber
		if err := tx.Update(&edited); err != nil {
			return err
		}
		refused(tx, moved, "张建国")
		w, err := tx.WorkerByIDNumber(first.IDNumber)
		if err != nil || w == nil || w.ID != first.ID {
			t.Errorf("the job's own worker read back in the job: %v, %v", w, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, &data.Worker{}); n != 2 {
		t.Errorf("%d workers, want 2 (张建国 and 李梅)", n)
	}
	// Every created row has its op, in the job's order: 张建国's create,
	// then 李梅's create and 张建国's edit.
	var ops []Op
	if err := s.db.Order("seq").Find(&ops).Error; err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, op := range ops {
		rows = append(rows, op.RowID)
	}
	if want := []string{before.ID, first.ID, before.ID}; strings.Join(rows, " ") != strings.Join(want, " ") {
		t.Errorf("ops of rows %v, want %v: 张建国, 李梅, 张建国's edit", rows, want)
	}
}

// TestFailedBulkJobLeavesNoQueuedRow: a job that fails after creating
// rows (still queued, on PostgreSQL) writes none of them.
func TestFailedBulkJobLeavesNoQueuedRow(t *testing.T) {
	s := newStore(t)
	boom := errors.New("第4行出错")
	err := s.WriteBulk(func(tx *Tx) error {
		for seq := 1; seq <= 3; seq++ {
			if err := tx.Create(validWorker(seq)); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the job's own error", err)
	}
	if n := count(t, s, &data.Worker{}); n != 0 {
		t.Errorf("%d workers written, want none", n)
	}
	if n := count(t, s, &Op{}); n != 0 {
		t.Errorf("%d ops written, want none", n)
	}
}
