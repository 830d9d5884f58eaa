package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"duikou/data"
)

// Seed 8 of TestExchangeConvergesAcrossRestores without the floor,
// reduced. B copies an old backup into place by hand (no floor carried),
// so it no longer holds the employer it had registered and sent (its op
// 1), and numbers a new worker as op 1 again. A's first file is refused
// as a gap (B lacks A's ops too), but B keeps A's word: A holds B's ops
// up to 2. B's next file then claims B's ops up to its log (1), and A's
// answer carries only B's op 2, the demand, whose employer B lost. That
// file used to be refused for good ("用工需求的用工单位有误"): nothing
// changed between one try and the next. Now B sees that A holds more of
// B's own ops than B's log does, refuses the file with the steps to take,
// asks A for all of its ops, and the next exchange brings them back.
func TestAHandCopiedBackupDoesNotWedgeTheExchange(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	old := filepath.Join(t.TempDir(), "b-old.db")
	if err := b.s.Backup(old); err != nil {
		t.Fatal(err)
	}
	ok := func(from, to *office) {
		t.Helper()
		if _, err := receive(t, to, send(t, from, to), data.NewID()); err != nil {
			t.Fatalf("%s→%s: %v", from.name, to.name, err)
		}
	}
	wa := validWorker(1)
	if err := a.s.Create(wa); err != nil { // A's op 1
		t.Fatal(err)
	}
	ok(a, b)
	e := validEmployer(t, b.s) // B's op 1
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
	if err := b.s.Create(d); err != nil { // B's op 2
		t.Fatal(err)
	}
	ok(b, a)
	ok(a, b) // B learns A holds B's ops up to 2

	restore(t, b, old) // copied by hand: no RaiseSeqFloor
	wb := validWorker(2)
	if err := b.s.Create(wb); err != nil { // B's op 1 again, another op
		t.Fatal(err)
	}
	da, _ := a.s.Demand(d.ID)
	da.Headcount = 5 // A's op 2: its file carries the demand's row
	if err := a.s.Update(da); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); !errors.Is(err, ErrGap) {
		t.Fatalf("A's file to B, which lacks A's ops: %v; want a gap", err)
	}
	ok(b, a)
	_, err := receive(t, b, send(t, a, b), data.NewID())
	var gap *GapError
	if !errors.As(err, &gap) || !gap.Own || !strings.Contains(err.Error(), "恢复备份时丢失") ||
		!strings.Contains(err.Error(), "请先给对方发送一份交换文件") {
		t.Fatalf("A's file building on ops B lost: %v; want it refused as B's own lost ops, with the steps to take", err)
	}
	for round := 0; round < 2; round++ {
		ok(b, a)
		ok(a, b)
	}
	assertSameState(t, a, b)
	for _, o := range offs {
		got, err := o.s.Demand(d.ID)
		if err != nil || got.EmployerID != e.ID || got.Headcount != 5 {
			t.Fatalf("%s: demand %+v, %v; want employer %s with 5 places", o.name, got, err, e.ID)
		}
		if _, err := o.s.Employer(e.ID); err != nil {
			t.Fatalf("%s lacks the employer B lost: %v", o.name, err)
		}
		for _, w := range []*data.Worker{wa, wb} {
			if _, err := o.s.Worker(w.ID); err != nil {
				t.Fatalf("%s lacks worker %s: %v", o.name, w.Name, err)
			}
		}
	}
	// B numbers on above everything A holds of it: no second reuse.
	if floor, err := b.s.SeqFloor(); err != nil || floor < 3 {
		t.Fatalf("B's floor %d, %v; want at least 3 (its ops 1, 2 lost and 1 again)", floor, err)
	}
}

// Seed 118 without the floor, reduced. A copies an old backup into place
// and registers an employer under the number (2) B holds for A's lost
// edit, and its demand as op 3. B's next file refers to that lost edit,
// so A asks B for all of its ops (a token in A's vector). A's file then
// carries the demand but not the employer: B takes A to hold op 2 as B
// does. That file used to be refused for a missing employer, and, with
// nothing kept, every later one too. Now B refuses it as a gap, keeps
// A's vector, answers A's request; A restates its employer in a new op,
// and both end up with employer and demand.
func TestAFileFromAnOfficeAwaitingItsOwnOpsIsAGap(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	tick := tickingClocks(a, b) // the lost op 2 and the new one differ in their clock
	ok := func(from, to *office) {
		t.Helper()
		if _, err := receive(t, to, send(t, from, to), data.NewID()); err != nil {
			t.Fatalf("%s→%s: %v", from.name, to.name, err)
		}
	}
	w := validWorker(1)
	if err := a.s.Create(w); err != nil { // A's op 1
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "a-old.db")
	if err := a.s.Backup(old); err != nil {
		t.Fatal(err)
	}
	wa, _ := a.s.Worker(w.ID)
	wa.Notes = "备份后的备注" // A's op 2, lost below
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	ok(a, b)
	ok(b, a)

	restore(t, a, old) // copied by hand: no RaiseSeqFloor
	tick(a)
	e := validEmployer(t, a.s) // A's op 2 again
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
	if err := a.s.Create(d); err != nil { // A's op 3
		t.Fatal(err)
	}
	wb, _ := b.s.Worker(w.ID)
	wb.Phone = "13900000009" // B's op 1, based on A's lost op 2
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	ok(b, a) // A sees B's op based on an op 2 it does not hold: it asks for all of its own
	_, err := receive(t, b, send(t, a, b), data.NewID())
	var gap *GapError
	if !errors.As(err, &gap) || !strings.Contains(err.Error(), "请先给对方发送一份交换文件") {
		t.Fatalf("A's file while it awaits its own ops: %v; want a gap with the steps to take", err)
	}
	for round := 0; round < 3; round++ {
		ok(b, a)
		ok(a, b)
	}
	assertSameState(t, a, b)
	if got, err := b.s.Demand(d.ID); err != nil || got.EmployerID != e.ID {
		t.Fatalf("B: demand %+v, %v", got, err)
	}
	if _, err := b.s.Employer(e.ID); err != nil {
		t.Fatalf("B lacks A's employer numbered again after the restore: %v", err)
	}
}

// tickingClocks moves the offices' clocks on a millisecond per reading,
// as a PC's does, and returns what sets an office's clock going again
// after a restore.
func tickingClocks(offs ...*office) func(*office) {
	var ms atomic.Int64
	now := func() time.Time { return fixedNow.Add(time.Duration(ms.Add(1)) * time.Millisecond) }
	tick := func(o *office) {
		o.s.now = now
		o.s.clock = data.NewHLC(o.s.clock.Last(), now)
	}
	for _, o := range offs {
		tick(o)
	}
	return tick
}
