package storage

import (
	"errors"
	"path/filepath"
	"testing"

	"duikou/data"
)

// Seed 112 of TestExchangeConvergesAcrossRestores, reduced: B registers a
// worker and backs up before any file carries it; B restores an older
// backup (the worker is gone, the floor carried past its op), numbers
// and sends a new op, then restores the later backup: the worker is back
// in B's log, but A acknowledges B's ops past it. B learns from A's answer
// to its request for its own ops that A lacks it, and sends it again.
func TestAnOpBackFromALaterBackupReachesThePartner(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	dir := t.TempDir()
	backup := func(name string) string {
		path := filepath.Join(dir, name)
		if err := b.s.Backup(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	restoreCarrying := func(path string) {
		floor, err := b.s.SeqFloor()
		if err != nil {
			t.Fatal(err)
		}
		restore(t, b, path)
		if err := b.s.RaiseSeqFloor(floor); err != nil {
			t.Fatal(err)
		}
	}
	// A file from A first: it tells B where A stands, past op 2.
	exchange := func(rounds int) {
		for i := 0; i < rounds; i++ {
			for _, p := range [][2]*office{{a, b}, {b, a}} {
				if _, err := receive(t, p[1], send(t, p[0], p[1]), data.NewID()); err != nil && !errors.Is(err, ErrGap) {
					t.Fatalf("%s→%s: %v", p[0].name, p[1].name, err)
				}
			}
		}
	}
	create := func(seq int) *data.Worker {
		w := validWorker(seq)
		if err := b.s.Create(w); err != nil {
			t.Fatal(err)
		}
		return w
	}

	create(1)
	exchange(1)
	early := backup("early.db")
	kept := create(2) // B's op 2: never sent before the restore below
	late := backup("late.db")
	restoreCarrying(early)
	create(3) // op 3, above the floor
	exchange(2)
	restoreCarrying(late) // op 2 is back; A acknowledges B up to 3
	exchange(3)

	if _, err := a.s.Worker(kept.ID); err != nil {
		t.Fatalf("A never got the worker B's later backup brought back: %v", err)
	}
	assertSameState(t, a, b)
}
