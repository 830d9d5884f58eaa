package storage

import (
	"testing"
	"time"

	"duikou/data"
)

// Seed 143 of TestExchangeConvergesAcrossRestores, reduced: B edits a
// worker's notes while A, the registering office, has withdrawn the
// worker's consent and edited the notes itself, earlier by the clock. The
// withdrawal reaches B, which erases its copy, its own edit included (that
// op is stripped and never travels). When consent comes back, A's row
// state carries A's notes under a ref older than B's erased edit: B must
// take it all the same, or the two offices disagree for good.
func TestReConsentRefillsOverAnErasedEditTheOriginNeverSaw(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	// B's PC clock runs a minute ahead: its edit sorts after A's.
	ahead := func() time.Time { return fixedNow.Add(time.Minute) }
	b.s.now, b.s.clock = ahead, data.NewHLC(b.s.clock.Last(), ahead)

	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)

	editWorker(t, a, w.ID, func(w *data.Worker) { w.Consent = false })
	editWorker(t, a, w.ID, func(w *data.Worker) { w.Notes = "甲方：撤回期间补记" })
	editWorker(t, b, w.ID, func(w *data.Worker) { w.Notes = "乙方：已回访" })
	mustReceive(t, a, b) // the withdrawal: B erases its copy and its edit
	assertHusk(t, b, w)

	editWorker(t, a, w.ID, func(w *data.Worker) { w.Consent = true })
	mustReceive(t, a, b)
	mustReceive(t, b, a)
	mustReceive(t, a, b)
	if gb := rawWorker(t, b, w.ID); gb.Notes != "甲方：撤回期间补记" || gb.IsWithdrawnHusk() {
		t.Fatalf("after re-consent B holds notes %q (husk %v), A %q", gb.Notes, gb.IsWithdrawnHusk(), rawWorker(t, a, w.ID).Notes)
	}
	assertSameState(t, a, b)
}

// editWorker changes a worker at an office as its clerk would.
func editWorker(t *testing.T, o *office, id string, change func(*data.Worker)) {
	t.Helper()
	w := rawWorker(t, o, id)
	change(w)
	if err := o.s.Update(w); err != nil {
		t.Fatalf("%s: editing worker %s: %v", o.name, id, err)
	}
}
