package storage

import (
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"duikou/data"
)

// Seed 830 of TestExchangeConvergesAcrossRestores, reduced: B (南京)
// withdraws the consent of A's worker itself and then edits its notes.
// The file B sends meanwhile carries the withdrawal alone (the edit is
// withheld) and reports all of B's log, so A takes itself to hold the
// edit. A's clerk gives the consent back; when that reaches B, B's edit
// must travel at last, or A keeps its notes and B its own for good.
func TestAnEditMadeWhileConsentWasWithdrawnTravelsWhenItComesBack(t *testing.T) {
	a, b, w := sharedWorker(t, "甲方：登记")

	setConsent(t, b, w.ID, false)
	editWorker(t, b, w.ID, func(w *data.Worker) { w.Notes = "乙方：撤回期间回访" })
	mustReceive(t, b, a) // the withdrawal only
	if got := rawWorker(t, a, w.ID); got.Consent || got.Notes != "甲方：登记" {
		t.Fatalf("after B's withdrawal A holds consent %v, notes %q; want false, %q", got.Consent, got.Notes, "甲方：登记")
	}

	setConsent(t, a, w.ID, true)
	exchangeBothWays(t, a, b)
	for _, o := range []*office{a, b} {
		if got := rawWorker(t, o, w.ID); !got.Consent || got.Notes != "乙方：撤回期间回访" {
			t.Errorf("%s holds consent %v, notes %q; want true, %q", o.name, got.Consent, got.Notes, "乙方：撤回期间回访")
		}
	}
	assertSameState(t, a, b)
}

// Seed 697, reduced the same way: B deletes the worker while it has
// withdrawn its consent; the deletion must reach A once consent is back.
func TestADeletionMadeWhileConsentWasWithdrawnTravelsWhenItComesBack(t *testing.T) {
	a, b, w := sharedWorker(t, "")

	setConsent(t, b, w.ID, false)
	if err := b.s.Delete(rawWorker(t, b, w.ID)); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, b, a)
	if rawWorker(t, a, w.ID).Deleted {
		t.Fatal("the deletion left B while the worker had no consent there")
	}

	setConsent(t, a, w.ID, true)
	exchangeBothWays(t, a, b)
	for _, o := range []*office{a, b} {
		if !rawWorker(t, o, w.ID).Deleted {
			t.Errorf("%s still holds the worker B deleted", o.name)
		}
	}
	assertSameState(t, a, b)
}

// exchangeBothWays has a and b send each other a file, twice over: enough
// for an op written by an import to come back.
func exchangeBothWays(t *testing.T, a, b *office) {
	t.Helper()
	for round := 0; round < 2; round++ {
		mustReceive(t, a, b)
		mustReceive(t, b, a)
	}
}

// sharedWorker: A registers a consenting worker with notes, and B holds
// it too.
func sharedWorker(t *testing.T, notes string) (a, b *office, w *data.Worker) {
	t.Helper()
	offs := newOffices(t, 2)
	a, b = offs[0], offs[1]
	w = validWorker(1)
	w.Notes = notes
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	return a, b, w
}

// What restateWithheld needs to know (which workers lacked consent before
// the import) is read with the rows: an import updating three workers
// reads the workers table once (one statement per 500 rows, or per part
// of a file merged in parts), not once more for their consent, which cost a 100,000-row update import some 200
// statements.
func TestAnUpdateImportReadsItsWorkersOnce(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	var ids []string
	for i := 1; i <= 3; i++ {
		w := validWorker(i)
		if err := a.s.Create(w); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, w.ID)
	}
	mustReceive(t, a, b)
	for _, id := range ids {
		editWorker(t, a, id, func(w *data.Worker) { w.Notes = "第二次回访" })
	}
	raw := send(t, a, b)
	var mu sync.Mutex
	var reads []string
	err := b.s.db.Callback().Query().After("gorm:query").Register("test:worker_reads", func(db *gorm.DB) {
		if db.Statement.Table == string(data.TableWorkers) {
			mu.Lock()
			reads = append(reads, db.Statement.SQL.String())
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, raw, data.NewID()); err != nil {
		t.Fatal(err)
	}
	parts := 1 // the file at once, or in parts of n rows (DUIKOU_APPLY_PARTS): one read each
	if n := applyParts(t); n > 0 {
		parts = (len(ids) + n - 1) / n
	}
	if len(reads) > parts {
		t.Fatalf("the import read the workers table %d times, want at most %d:\n%s", len(reads), parts, strings.Join(reads, "\n"))
	}
	for _, id := range ids {
		if got := rawWorker(t, b, id); got.Notes != "第二次回访" {
			t.Fatalf("worker %s: notes %q, want the update", id, got.Notes)
		}
	}
}
