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
// 1), and numbers a new worker, who has not consented to sharing, as op
// 1 again: that op never travels, so A cannot see the number reused. A
// holds B's ops up to 2, so its next file carries only its own edit of
// B's demand (op 2 of B's), whose employer B lost. That file used to be
// refused for good ("用工需求的用工单位有误"): nothing changed between one
// try and the next. Now B sees that A holds more of B's own ops than B's
// log does, refuses the file with the steps to take, asks A for all of
// its ops, and the next exchange brings them back. (In the seed, B's
// backup was older than A's first op, so A's first file was refused at
// its start: TestAFileRefusedAtItsStartStillFindsOwnOpsLost.)
func TestAHandCopiedBackupDoesNotWedgeTheExchange(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	wa := workerAt(t, a, 1) // A's op 1
	exchangeOK(t, a, b)
	old := backupOf(t, b)
	e := validEmployer(t, b.s) // B's op 1
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
	if err := b.s.Create(d); err != nil { // B's op 2
		t.Fatal(err)
	}
	exchangeOK(t, b, a)
	exchangeOK(t, a, b) // B learns A holds B's ops up to 2

	restore(t, b, old) // copied by hand: no RaiseSeqFloor
	wb := validWorker(2)
	wb.Consent = false
	if err := b.s.Create(wb); err != nil { // B's op 1 again, another op, kept at B
		t.Fatal(err)
	}
	da, _ := a.s.Demand(d.ID)
	da.Headcount = 5 // A's op 2: its file carries the demand's row
	if err := a.s.Update(da); err != nil {
		t.Fatal(err)
	}
	_, err := receive(t, b, send(t, a, b), data.NewID())
	var gap *GapError
	if !errors.As(err, &gap) || !gap.Own || !strings.Contains(err.Error(), "恢复备份时丢失") ||
		!strings.Contains(err.Error(), "请先给对方发送一份交换文件") {
		t.Fatalf("A's file building on ops B lost: %v; want it refused as B's own lost ops, with the steps to take", err)
	}
	for round := 0; round < 2; round++ {
		exchangeOK(t, b, a)
		exchangeOK(t, a, b)
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
		if _, err := o.s.Worker(wa.ID); err != nil {
			t.Fatalf("%s lacks A's worker: %v", o.name, err)
		}
	}
	// B numbers on above everything A holds of it.
	if floor, err := b.s.SeqFloor(); err != nil || floor < 3 {
		t.Fatalf("B's floor %d, %v; want at least 3 (its ops 1, 2 lost and 1 again)", floor, err)
	}
}

// Seed 118 without the floor, reduced. A copies an old backup into place
// and registers an employer under the number (2) B holds for A's lost
// edit, then a worker without consent (3, never sent) and the employer's
// demand (4). B's next file refers to A's lost op 3, so A asks B for all
// of its ops (a token in A's vector). A's file then carries the demand
// but not the employer: B takes A to hold ops 2 and 3 as B does. That
// file used to be refused for a missing employer, and, with nothing
// kept, every later one too. Now B refuses it as a gap, keeps A's
// vector, answers A's request; A restates its employer in a new op, and
// both end up with employer and demand.
func TestAFileFromAnOfficeAwaitingItsOwnOpsIsAGap(t *testing.T) {
	p := newTickingPair(t) // the lost ops and the new ones differ in their clock
	a, b := p.a, p.b
	w := workerAt(t, a, 1) // A's op 1
	old := backupOf(t, a)
	// A's ops 2 and 3, lost below:
	editWorker(t, a, w.ID, func(w *data.Worker) { w.Notes = "备份后的备注" })
	editWorker(t, a, w.ID, func(w *data.Worker) { w.Phone = "13900000008" })
	exchangeOK(t, a, b)
	exchangeOK(t, b, a)

	p.copyInByHand(t, a, old)
	e := validEmployer(t, a.s) // A's op 2 again
	kept := validWorker(2)
	kept.Consent = false
	if err := a.s.Create(kept); err != nil { // A's op 3 again, kept at A
		t.Fatal(err)
	}
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
	if err := a.s.Create(d); err != nil { // A's op 4
		t.Fatal(err)
	}
	editWorker(t, b, w.ID, func(w *data.Worker) { w.Address = "江宁区" }) // B's op 1, based on A's lost op 3
	// A sees B's op based on an op 3 it does not hold: it asks for all of its own.
	exchangeOK(t, b, a)
	_, err := receive(t, b, send(t, a, b), data.NewID())
	var gap *GapError
	if !errors.As(err, &gap) || !strings.Contains(err.Error(), "请先给对方发送一份交换文件") {
		t.Fatalf("A's file while it awaits its own ops: %v; want a gap with the steps to take", err)
	}
	p.settle(t)
	if got, err := b.s.Demand(d.ID); err != nil || got.EmployerID != e.ID {
		t.Fatalf("B: demand %+v, %v", got, err)
	}
	if _, err := b.s.Employer(e.ID); err != nil {
		t.Fatalf("B lacks A's employer numbered again after the restore: %v", err)
	}
}

// backupOf takes a backup of o now, to be put back later.
func backupOf(t *testing.T, o *office) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := o.s.Backup(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// exchangeOK takes a file from one office into another, which must
// succeed.
func exchangeOK(t *testing.T, from, to *office) {
	t.Helper()
	if _, err := receive(t, to, send(t, from, to), data.NewID()); err != nil {
		t.Fatalf("%s→%s: %v", from.name, to.name, err)
	}
}

// Seed 120 without the floor, reduced. B deletes a worker and sends the
// file, restores an older backup (carrying the floor) and asks A for its
// lost ops; A answers before that file reaches it, so the answer lacks
// the deletion. A imports the file late and holds the deletion, but B's
// vector says B holds all of its own ops, so A would never send it back.
// A's next vector shows it holds ops of B's past its answer that B's log
// lacks: B asks once more, and gets the deletion back.
func TestAnOpALateFileBroughtThePartnerComesBack(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := workerAt(t, b, 1) // B's op 1
	exchangeOK(t, b, a)
	exchangeOK(t, a, b)
	old := backupOf(t, b)
	if err := b.s.Delete(w); err != nil { // B's op 2
		t.Fatal(err)
	}
	late := send(t, b, a) // on a stick that reaches A only later
	floor, err := b.s.SeqFloor()
	if err != nil {
		t.Fatal(err)
	}
	restore(t, b, old)
	if err := b.s.RaiseSeqFloor(floor); err != nil { // asks A for B's ops
		t.Fatal(err)
	}
	exchangeOK(t, b, a)
	exchangeOK(t, a, b) // A's answer: it holds B's op 1 only
	if _, err := receive(t, a, late, data.NewID()); err != nil {
		t.Fatal(err)
	}
	other := validWorker(2)
	if err := b.s.Create(other); err != nil { // B's op 3
		t.Fatal(err)
	}
	for round := 0; round < 3; round++ {
		exchangeOK(t, b, a)
		exchangeOK(t, a, b)
	}
	if got, err := b.s.Worker(w.ID); err == nil {
		t.Fatalf("B still lists the worker it deleted before the restore: %+v", got)
	}
	assertSameState(t, a, b)
}

// Seed 134 without the floor, reduced. A copies an old backup into place
// and edits before hearing from B, numbering the edit 2 like the edit B
// already holds from it. B's next file says B holds A's ops up to 2,
// which A's log reaches: nothing looks lost. Neither file carries the
// other's op 2, so each office kept one of the two edits for good. Now
// A sees that B claims an op 2 of A's although no file of A's ever
// carried one (neverExported): A asks B for all its ops, B's op 2 shows
// the reuse, and both edits end up on both offices.
func TestAReusedNumberNoOneSendsIsFound(t *testing.T) {
	p := newTickingPair(t)
	a, b := p.a, p.b
	w := workerAt(t, a, 1) // A's op 1
	exchangeOK(t, a, b)
	exchangeOK(t, b, a)
	old := backupOf(t, a)
	editWorker(t, a, w.ID, func(w *data.Worker) { w.Notes = "备份后的备注" }) // A's op 2, lost below
	exchangeOK(t, a, b)

	p.copyInByHand(t, a, old)
	editWorker(t, a, w.ID, func(w *data.Worker) { w.Phone = "13900000007" }) // A's op 2 again: another edit
	p.settle(t)
	for _, o := range p.offs {
		got, _ := o.s.Worker(w.ID)
		if got.Notes != "备份后的备注" || got.Phone != "13900000007" {
			t.Fatalf("%s: notes %q, phone %q; want both edits numbered 2", o.name, got.Notes, got.Phone)
		}
	}
}

// Seeds 329, 365, 589, 683 and 859 with the floor carried, reduced. A
// restores a backup (carrying the floor), so until its partners answer
// its files say a token for A's own ops instead of a number. B takes in
// A's new employer and demand from such a file, but keeps no coverage of
// A (a token is no number), and its files to C used to carry only the
// origins of its vector: B's edit of A's demand reached C with the
// demand's row and without A's ops, and C refused the file for the
// missing employer ("用工需求的用工单位有误"). Now B relays every origin
// its log holds.
func TestOpsOfAnOfficeAskingForItsOwnAreRelayed(t *testing.T) {
	offs := newOffices(t, 3)
	a, b, c := offs[0], offs[1], offs[2]
	old := backupOf(t, a)
	if err := a.s.Create(validWorker(1)); err != nil { // A's op 1, never sent
		t.Fatal(err)
	}
	floor, err := a.s.SeqFloor()
	if err != nil {
		t.Fatal(err)
	}
	restore(t, a, old)
	if err := a.s.RaiseSeqFloor(floor); err != nil { // asks B and C for A's ops
		t.Fatal(err)
	}
	e := validEmployer(t, a.s) // A's op 2
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
	if err := a.s.Create(d); err != nil { // A's op 3
		t.Fatal(err)
	}
	exchangeOK(t, a, b)
	db, _ := b.s.Demand(d.ID)
	db.Headcount = 7 // B's op 1
	if err := b.s.Update(db); err != nil {
		t.Fatal(err)
	}
	exchangeOK(t, b, c)
	if got, err := c.s.Employer(e.ID); err != nil {
		t.Fatalf("C lacks A's employer relayed by B: %+v, %v", got, err)
	}
	for round := 0; round < 3; round++ {
		for _, from := range offs {
			for _, to := range offs {
				if from != to {
					exchangeOK(t, from, to)
				}
			}
		}
	}
	assertSameState(t, a, b)
	assertSameState(t, a, c)
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

// tickingPair is how the seed tests below begin: offices A and B on
// ticking clocks (tickingClocks), one of which will copy an old backup
// into place by hand.
type tickingPair struct {
	offs []*office
	a, b *office
	tick func(*office)
}

func newTickingPair(t *testing.T) tickingPair {
	offs := newOffices(t, 2)
	return tickingPair{offs: offs, a: offs[0], b: offs[1], tick: tickingClocks(offs...)}
}

// copyInByHand puts o's old backup in place as a clerk copying the file
// would (no RaiseSeqFloor), and sets o's clock going again.
func (p tickingPair) copyInByHand(t *testing.T, o *office, old string) {
	t.Helper()
	restore(t, o, old)
	p.tick(o)
}

// settle exchanges files both ways three times, B first, and checks that
// A and B then hold the same.
func (p tickingPair) settle(t *testing.T) {
	t.Helper()
	for round := 0; round < 3; round++ {
		exchangeOK(t, p.b, p.a)
		exchangeOK(t, p.a, p.b)
	}
	assertSameState(t, p.a, p.b)
}

// workerAt registers validWorker(n) at o: one op of o's.
func workerAt(t *testing.T, o *office, n int) *data.Worker {
	t.Helper()
	w := validWorker(n)
	if err := o.s.Create(w); err != nil {
		t.Fatal(err)
	}
	return w
}

// Seed 283 without the floor, reduced. A copies an old backup into place
// by hand: it lost B's employer and its own edit numbered 2, which B
// holds. It registers an employer under number 2 again and a demand on
// it (3). B's next file starts past the B ops A lost, so it is refused
// at its start as a gap, before the merge's check for A's own lost ops
// ran; A kept B's word (B holds A's ops up to 2) and asked for nothing.
// A's next file then carried only the demand, B refused it for a
// missing employer ("用工需求的用工单位有误"), and nothing changed from one
// try to the next. Now the refused file is checked too: B claims an A
// op 2 that no file of A's carried, so A asks for all its ops, B refuses
// A's file as a gap with the steps to take, and the next exchanges bring
// both ops numbered 2 to both offices.
func TestAFileRefusedAtItsStartStillFindsOwnOpsLost(t *testing.T) {
	p := newTickingPair(t)
	a, b := p.a, p.b
	w := workerAt(t, a, 1) // A's op 1
	exchangeOK(t, a, b)
	old := backupOf(t, a)
	eb := validEmployer(t, b.s) // B's op 1, lost at A below
	exchangeOK(t, b, a)
	editWorker(t, a, w.ID, func(w *data.Worker) { w.Notes = "备份后的备注" }) // A's op 2, lost below
	// B: A holds B's op 1; B holds A's ops up to 2.
	exchangeOK(t, a, b)

	p.copyInByHand(t, a, old)
	e := &data.Employer{Name: "恢复后登记的单位", CreditCode: testCreditCode("MA000283"), Region: "320115"}
	if err := a.s.Create(e); err != nil { // A's op 2 again
		t.Fatal(err)
	}
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
	if err := a.s.Create(d); err != nil { // A's op 3
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); !errors.Is(err, ErrGap) ||
		!strings.Contains(err.Error(), "中间有交换文件未导入") {
		t.Fatalf("B's file to A, which lost B's op 1: %v; want a gap naming the missing file", err)
	}
	_, err := receive(t, b, send(t, a, b), data.NewID())
	if !errors.Is(err, ErrGap) || !strings.Contains(err.Error(), "请先给对方发送一份交换文件") {
		t.Fatalf("A's demand on the employer numbered 2 again: %v; want a gap with the steps to take", err)
	}
	p.settle(t)
	for _, o := range p.offs {
		if got, err := o.s.Demand(d.ID); err != nil || got.EmployerID != e.ID {
			t.Fatalf("%s: demand %+v, %v; want it on employer %s", o.name, got, err, e.ID)
		}
		if _, err := o.s.Employer(eb.ID); err != nil {
			t.Fatalf("%s lacks B's employer: %v", o.name, err)
		}
		if got, err := o.s.Worker(w.ID); err != nil || got.Notes != "备份后的备注" {
			t.Fatalf("%s: worker %+v, %v; want the notes A lost in the restore back", o.name, got, err)
		}
	}
}

// Seed 362 without the floor, reduced. B registers a worker and edits
// the notes (its op 2), which A takes in; B copies an old backup into
// place by hand and withdraws the worker's consent under number 2 again.
// A takes the withdrawal in under the reused number and restates what
// stands of both ops 2 in ops of its own. B then copies the old backup
// in once more and has lost its withdrawal. A's restatement used to be
// one op holding the consent and the notes: not a withdrawal, so while
// the worker is withdrawn at A it never left A, and B shared the worker
// for good while A held it withdrawn. Now the restated withdrawal is an
// op of its own, travels like the clerk's, and the worker ends up
// withdrawn at both offices.
func TestARestatedWithdrawalReachesTheOfficeThatLostIt(t *testing.T) {
	p := newTickingPair(t)
	a, b := p.a, p.b
	w := workerAt(t, b, 1) // B's op 1
	old := backupOf(t, b)
	editWorker(t, b, w.ID, func(w *data.Worker) { w.Notes = "备份后的备注" }) // B's op 2, lost below
	exchangeOK(t, b, a)

	p.copyInByHand(t, b, old)
	editWorker(t, b, w.ID, func(w *data.Worker) { w.Consent = false }) // B's op 2 again: the worker withdraws consent
	if sum, err := receive(t, a, send(t, b, a), data.NewID()); err != nil || sum.Reused != 1 {
		t.Fatalf("B's withdrawal under a reused number: %+v, %v; want it taken in as reused", sum, err)
	}
	p.copyInByHand(t, b, old) // again: the withdrawal is gone at B
	for round := 0; round < 3; round++ {
		if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil && !errors.Is(err, ErrGap) {
			t.Fatalf("A→B: %v", err) // a gap at first: B lost what A holds of its ops
		}
		exchangeOK(t, b, a)
	}
	assertSameState(t, a, b)
	for _, o := range p.offs {
		if got, err := o.s.Worker(w.ID); err != nil || got.Consent {
			t.Fatalf("%s: worker %+v, %v; want the consent withdrawn", o.name, got, err)
		}
	}
}

// Seed 643 without the floor, reduced. A's backup was made before any
// file of A's carried an op of its own, so it held no mark of the
// highest op exported (neverExported) and nothing could be checked
// against it. A registers a worker (op 2) that B takes in, copies that
// backup into place by hand, and registers another worker under number 2
// again. B's files say B holds A's ops up to 2, which A's log reaches,
// and neither side ever sent the other its op 2: each office kept one of
// the two workers for good. Now the mark starts at 0 when the office is
// set up, so the backup has it, A sees that B claims an op no file of
// its carried, asks for all its ops, and both workers reach both.
func TestAReusedNumberOfANeverExportedBackupIsFound(t *testing.T) {
	p := newTickingPair(t)
	a, b := p.a, p.b
	w1 := workerAt(t, a, 1) // A's op 1, not yet sent
	old := backupOf(t, a)
	w2 := workerAt(t, a, 2) // A's op 2, lost below
	exchangeOK(t, a, b)

	p.copyInByHand(t, a, old)
	w3 := workerAt(t, a, 3) // A's op 2 again: another worker
	p.settle(t)
	for _, o := range p.offs {
		for _, w := range []*data.Worker{w1, w2, w3} {
			if _, err := o.s.Worker(w.ID); err != nil {
				t.Fatalf("%s lacks %s: %v", o.name, w.Name, err)
			}
		}
	}
}
