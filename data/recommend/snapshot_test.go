package recommend

import (
	"database/sql"
	"os"
	"reflect"
	"testing"

	"duikou/data"
	"duikou/data/storage"
)

func openMatcher(t *testing.T, s *storage.Store) *Matcher { return built(t, Open, s) }

// snapshotFixture is a store with the test demands and n generated
// workers (seed), and the path of its match snapshot.
func snapshotFixture(t *testing.T, seed uint64, n int) (*storage.Store, []*data.Demand, string) {
	t.Helper()
	s := openStore(t)
	ds := testDemands(t, s)
	if err := genWorkers(s, seed, 0, n); err != nil {
		t.Fatal(err)
	}
	path, _, err := s.MatchSnapshot()
	if err != nil || path == "" {
		t.Fatalf("snapshot path %q, %v", path, err)
	}
	return s, ds, path
}

// sameRankings fails unless a and b rank every demand alike.
func sameRankings(t *testing.T, label string, a, b *Matcher, ds []*data.Demand) {
	t.Helper()
	for i, d := range ds {
		ra, err := a.TopWorkers(d.ID, 60)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.TopWorkers(d.ID, 60)
		if err != nil {
			t.Fatal(err)
		}
		if len(ra) == 0 || !reflect.DeepEqual(ra, rb) {
			t.Fatalf("%s: demand %d: %d and %d candidates, or they differ", label, i, len(ra), len(rb))
		}
	}
}

// Open writes the snapshot on the first run and reads it on the next, as
// long as no write happened: a name changed behind Duikou's back (no op)
// is not seen, which shows the snapshot was used; a write through the
// Store makes it stale, and the next Open rebuilds and sees the change.
// Rankings from a snapshot equal a fresh build's.
func TestOpenUsesTheSnapshotUntilAWrite(t *testing.T) {
	s, ds, path := snapshotFixture(t, 5, 1200)
	first := openMatcher(t, s)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no snapshot after the first Open: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("snapshot mode %v, want 0600", fi.Mode().Perm())
	}
	sameRankings(t, "first Open against New", first, newMatcher(t, s), ds)

	top, _ := first.TopWorkers(ds[0].ID, 1)
	raw, err := sql.Open("sqlite3", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE workers SET name = '改名未记' WHERE id = ?`, top[0].WorkerID); err != nil {
		t.Fatal(err)
	}
	second := openMatcher(t, s)
	if w, _, _ := second.Worker(top[0].WorkerID); w.Name != top[0].Name {
		t.Fatalf("second Open reads %q: the snapshot was not used", w.Name)
	}
	sameRankings(t, "snapshot against the first build", first, second, ds)

	w, err := s.Worker(top[0].WorkerID)
	if err != nil {
		t.Fatal(err)
	}
	w.Name = "李秀英"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	third := openMatcher(t, s)
	if got, _, _ := third.Worker(w.ID); got.Name != "李秀英" {
		t.Fatalf("after a write Open reads %q: a stale snapshot was used", got.Name)
	}
	sameRankings(t, "rebuilt after a write against New", third, newMatcher(t, s), ds)
}

// A damaged snapshot is deleted and the index rebuilt; SaveSnapshot after
// writes in the process gives a file the next Open uses and that ranks as
// a fresh build.
func TestOpenRebuildsADamagedSnapshotAndSaveKeepsWrites(t *testing.T) {
	s, ds, path := snapshotFixture(t, 6, 800)
	if err := os.WriteFile(path, []byte("DUIKOU-MATCH-INDEX-2\ngarbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := openMatcher(t, s)
	sameRankings(t, "rebuilt over a damaged file", m, newMatcher(t, s), ds)

	// Writes the open matcher follows, then saved at "close".
	top, _ := m.TopWorkers(ds[0].ID, 3)
	for _, r := range top {
		w, _ := s.Worker(r.WorkerID)
		w.Status = data.WorkerReturned
		if err := s.Update(w); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.SaveSnapshot(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	next := openMatcher(t, s)
	after, _ := os.Stat(path)
	if !after.ModTime().Equal(before.ModTime()) {
		t.Fatal("the saved snapshot was not used: Open wrote a new one")
	}
	sameRankings(t, "saved snapshot against New", next, newMatcher(t, s), ds)
}
