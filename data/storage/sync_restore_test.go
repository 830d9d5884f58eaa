package storage

import (
	"duikou/data"
	"duikou/data/dbconn"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Restoring a backup (the settings screen's restore, or a clerk copying
// last week's file back after a disk failure) puts an office's database
// back in time while its partners remember what it had sent and
// acknowledged since. These tests pin down what the exchange must still
// guarantee then; both fail against the current core (see the report of
// the exchange bundle work).

// restore closes o's store, puts the backup in its place and reopens it.
func restore(t *testing.T, o *office, backup string) {
	t.Helper()
	path := o.s.path
	if o.s.Engine() == dbconn.Postgres {
		// The server's tables get the backup's rows, and nothing else.
		if err := o.s.replaceFromBackup(backup, false); err != nil {
			t.Fatal(err)
		}
		o.s.Close()
	} else {
		o.s.Close()
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		b, err := os.ReadFile(backup)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := OpenWith(path, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	o.s = s
}

// After a restore the office numbers its new ops from where the backup
// left off, reusing sequence numbers its partner already holds for other
// ops. The partner takes the reused numbers for ops it has, drops the new
// edit, and the two offices disagree for good.
func TestEditsAfterARestoreReachThePartner(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b-monday.db")
	if err := b.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	wb, _ := b.s.Worker(w.ID)
	wb.Phone = "13900000001" // B's op 1
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}

	restore(t, b, backup)
	wb, _ = b.s.Worker(w.ID)
	wb.Notes = "恢复备份后补记：已到岗" // B's op 1 again
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.s.Worker(w.ID); got.Notes != "恢复备份后补记：已到岗" {
		t.Fatalf("A did not take in B's edit made after the restore: notes %q", got.Notes)
	}
}

// After a restore the office holds less of its partner's work than it had
// acknowledged. The partner keeps the highest acknowledgement it ever
// saw, so every file it sends from then on starts after what the office
// holds and is refused as a gap, forever, unless the office still has
// every file it imported since the backup. The office's next file says
// what it now holds; the partner should start from there.
func TestARestoredOfficeCatchesUpWithoutItsOldFiles(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	backup := filepath.Join(t.TempDir(), "b-empty.db")
	if err := b.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if err := a.s.Create(validWorker(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil { // B acknowledges
		t.Fatal(err)
	}

	// A's first file is gone with the old disk. B's next file says what
	// it holds now.
	restore(t, b, backup)
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}
	if err := a.s.Create(validWorker(2)); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatalf("B can no longer take in A's files: %v", err)
	}
	if n := count(t, b.s, &data.Worker{}); n != 2 {
		t.Fatalf("B holds %d workers after catching up, want 2", n)
	}
}

// B restores a backup from before an edit it had already sent to A. A's
// next file gives B its own edit back, and B numbers its next op above
// what A holds, so nothing is reused from then on.
func TestARestoredOfficeGetsBackWhatItHadSent(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := b.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	wb, _ := b.s.Worker(w.ID)
	wb.Phone = "13900000001" // B's op 1, lost in the restore below
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}

	restore(t, b, backup)
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil { // A learns B holds nothing of its own
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	if got, _ := b.s.Worker(w.ID); got.Phone != "13900000001" {
		t.Fatalf("B did not get back its own edit lost in the restore: phone %q", got.Phone)
	}
	if floor, err := b.s.SeqFloor(); err != nil || floor != 1 {
		t.Fatalf("B's sequence floor %d, %v; want 1", floor, err)
	}
	wb, _ = b.s.Worker(w.ID)
	wb.Notes = "恢复后的新备注" // must be B's op 2, not a second op 1
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	sum, err := receive(t, a, send(t, b, a), data.NewID())
	if err != nil || sum.Reused != 0 || sum.Ops != 1 {
		t.Fatalf("A took in %+v, %v; want one new op and no reused number", sum, err)
	}
	assertSameState(t, a, b)
}

// B restores and edits before hearing from A, reusing a number A holds
// for B's lost edit. Both edits end up on both offices, and exchanging on
// lists no conflict twice.
func TestAReusedNumberConvergesBothWays(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := b.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	wb, _ := b.s.Worker(w.ID)
	wb.Phone, wb.Notes = "13900000001", "备份后的备注" // B's op 1, lost in the restore
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}
	restore(t, b, backup)
	wb, _ = b.s.Worker(w.ID)
	wb.Notes = "恢复后的备注" // B's op 1 again: same number, another op
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	fromB := send(t, b, a)
	sum, err := receive(t, a, fromB, data.NewID())
	if err != nil || sum.Reused != 1 {
		t.Fatalf("A: %+v, %v; want the reused number noticed", sum, err)
	}
	for round := 0; round < 3; round++ {
		for _, pair := range [][2]*office{{a, b}, {b, a}} {
			if _, err := receive(t, pair[1], send(t, pair[0], pair[1]), data.NewID()); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	if _, err := receive(t, a, fromB, data.NewID()); err != nil { // the old file once more
		t.Fatal(err)
	}
	assertSameState(t, a, b)
	got, _ := a.s.Worker(w.ID)
	if got.Phone != "13900000001" {
		t.Fatalf("phone %q: want B's phone lost in the restore", got.Phone)
	}
	// The test clock stands still, so both notes carry the same ref: one
	// wins, the same on both sides, and the other waits in a conflict
	// list. No conflict is listed twice. (B may also list the phone it had
	// before the lost edit, replaced when that edit comes back from A.)
	want := map[string]string{"恢复后的备注": "备份后的备注", "备份后的备注": "恢复后的备注"}[got.Notes]
	listed := false
	for _, o := range offs {
		cs, _ := o.s.Conflicts(false, 100)
		fields := map[string]int{}
		for _, cf := range cs {
			fields[cf.Field]++
			var loser string
			json.Unmarshal([]byte(cf.LoserValue), &loser)
			listed = listed || cf.Field == "notes" && loser == want
		}
		for field, n := range fields {
			if n > 1 || field != "notes" && field != "phone" {
				t.Fatalf("%s lists %+v", o.name, cs)
			}
		}
	}
	if want == "" || !listed {
		t.Fatalf("notes %q; the other notes are in no conflict list", got.Notes)
	}
}

// A restore that carries the floor over from the database it replaces
// reuses no number at all.
func TestCarryingTheFloorOverARestoreReusesNoNumber(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := b.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	wb, _ := b.s.Worker(w.ID)
	wb.Phone = "13900000001"
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}
	floor, err := b.s.SeqFloor()
	if err != nil || floor != 1 {
		t.Fatalf("floor %d, %v", floor, err)
	}
	restore(t, b, backup)
	if err := b.s.RaiseSeqFloor(floor); err != nil {
		t.Fatal(err)
	}
	wb, _ = b.s.Worker(w.ID)
	wb.Notes = "恢复后的备注"
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	sum, err := receive(t, a, send(t, b, a), data.NewID())
	if err != nil || sum.Reused != 0 || sum.Ops != 1 {
		t.Fatalf("A: %+v, %v; want B's op 2 taken in as a new op", sum, err)
	}
	for round := 0; round < 2; round++ {
		receive(t, b, send(t, a, b), data.NewID())
		receive(t, a, send(t, b, a), data.NewID())
	}
	assertSameState(t, a, b)
}

func assertSameState(t *testing.T, a, b *office) {
	t.Helper()
	sa, sb := state(t, a.s), state(t, b.s)
	if len(sa) != len(sb) {
		var only []string // which rows, for the one who reduces the seed
		for k := range sa {
			if _, ok := sb[k]; !ok {
				only = append(only, a.name+" "+k)
			}
		}
		for k := range sb {
			if _, ok := sa[k]; !ok {
				only = append(only, b.name+" "+k)
			}
		}
		t.Fatalf("%s holds %d shared rows, %s %d; only at: %s", a.name, len(sa), b.name, len(sb), strings.Join(only, "; "))
	}
	for k, v := range sa {
		if sb[k] != v {
			t.Fatalf("%s and %s differ on %s:\n%s\n%s", a.name, b.name, k, v, sb[k])
		}
	}
}
