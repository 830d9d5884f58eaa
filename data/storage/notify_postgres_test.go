package storage

import (
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// heard collects the changes a Store's listeners are told, as a window's
// lists would be.
type heard chan data.Change

func listenTo(s *Store) heard {
	h := make(heard, 4096)
	s.OnChange(func(c data.Change) { h <- c })
	return h
}

// waitListening fails the test unless s's LISTEN connection is up: once
// OnChange has returned it must be, or a write another desktop commits
// next (while the screens read the tables) would never be heard.
func waitListening(t *testing.T, s *Store) {
	t.Helper()
	if !s.listening.Load() {
		t.Fatal("OnChange returned before the Store was listening: a write committed now would be missed")
	}
}

// collect reads changes until n have come or wait passes without one.
func (h heard) collect(n int, wait time.Duration) []data.Change {
	var got []data.Change
	for len(got) < n {
		select {
		case c := <-h:
			got = append(got, c)
		case <-time.After(wait):
			return got
		}
	}
	// Anything more (a duplicate) arrives soon after.
	select {
	case c := <-h:
		got = append(got, c)
	case <-time.After(300 * time.Millisecond):
	}
	return got
}

// Desktop B hears the worker desktop A saves, once, with its id; A hears
// its own save once (from itself, not again from the server); a write A
// rolls back reaches no one; and a bulk write of 400 workers, too many
// for one notification, reaches B whole.
func TestAnotherDesktopHearsTheWrites(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	a, loc := openTemp(t)
	if _, err := a.SetupOffice("兰州市总工会", "620100", "sending", "李娟"); err != nil {
		t.Fatal(err)
	}
	b, err := OpenWith(loc, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	byA, byB := listenTo(a), listenTo(b)
	waitListening(t, a)
	waitListening(t, b)

	w := validWorker(1)
	if err := a.Create(w); err != nil {
		t.Fatal(err)
	}
	want := data.Change{Table: data.TableWorkers, ID: w.ID}
	if got := byB.collect(1, 5*time.Second); len(got) != 1 || got[0] != want {
		t.Fatalf("B heard %v, want %v once", got, want)
	}
	if got := byA.collect(1, 5*time.Second); len(got) != 1 || got[0] != want {
		t.Fatalf("A heard %v, want its own write once", got)
	}

	failed := a.Write(func(tx *Tx) error {
		if err := tx.Create(validWorker(2)); err != nil {
			return err
		}
		return tx.Create(&data.Worker{Name: "缺身份证号"}) // refused: the transaction rolls back
	})
	if failed == nil {
		t.Fatal("the invalid worker was saved")
	}
	if got := byB.collect(1, time.Second); len(got) != 0 {
		t.Fatalf("B heard a rolled-back write: %v", got)
	}

	const bulk = 400
	if err := a.WriteBulk(func(tx *Tx) error {
		for i := 0; i < bulk; i++ {
			if err := tx.Create(validWorker(100 + i)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	got := byB.collect(bulk, 5*time.Second)
	ids := map[string]bool{}
	for _, c := range got {
		if c.Table == data.TableWorkers {
			ids[c.ID] = true
		}
	}
	if len(ids) != bulk {
		t.Fatalf("B heard %d of the %d workers written in bulk (%d changes)", len(ids), bulk, len(got))
	}
}
