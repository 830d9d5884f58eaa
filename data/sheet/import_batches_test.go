package sheet

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
)

// TestRosterAcrossReadBatchesFindsRegisteredWorkers imports a 600-row
// roster (three of the reader's batches, each of whose ID numbers the
// Store is told ahead: on a server it checks them in one query) in which
// rows 12 and 402 hold workers registered before: both are reported as
// duplicates of the registered worker and skipped, the 598 others are
// new. Imported again over the top, every row finds its worker, in the
// first batch and the later ones.
func TestRosterAcrossReadBatchesFindsRegisteredWorkers(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "花名册.xlsx")
	writeRoster(t, path, 600)
	// writeRoster's rows 9 and 399 (file rows 12 and 402): 积石山县, born
	// 1970-01-01, men, sequence numbers 10 and 400.
	born := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		name string
		seq  int
	}{{"预先登记甲", 10}, {"预先登记乙", 400}} {
		w := &data.Worker{Name: p.name, IDNumber: ident.MakeID("622927", born, p.seq, false), Phone: "13893110000",
			HukouRegion: "622927", Skills: []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4}}, Consent: true}
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 598 || rep.Skipped != 2 || rep.Refused != 0 || len(rep.Duplicates) != 2 {
		t.Fatalf("new %d skipped %d refused %d: %s", rep.New, rep.Skipped, rep.Refused, rep.Text())
	}
	for i, want := range []struct {
		row  int
		name string
	}{{12, "预先登记甲"}, {402, "预先登记乙"}} {
		d := rep.Duplicates[i]
		if d.Row != want.row || !strings.HasPrefix(d.Existing, want.name+" ") {
			t.Errorf("duplicate %d: row %d of %q, want row %d of %s", i, d.Row, d.Existing, want.row, want.name)
		}
	}
	if n := countWorkers(t, s); n != 600 {
		t.Errorf("%d workers, want 600", n)
	}
	again, err := Import(s, Workers, path, Update, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Updated+again.Unchanged != 600 || again.Refused != 0 {
		t.Fatalf("again: new %d updated %d unchanged %d refused %d", again.New, again.Updated, again.Unchanged, again.Refused)
	}
	if n := countWorkers(t, s); n != 600 {
		t.Errorf("%d workers after the second import, want 600", n)
	}
}
