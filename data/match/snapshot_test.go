package match

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// An index read back from its snapshot answers every question as the one
// written: the same workers, the same top 50 for every demand, and it
// keeps working when workers are then added, changed and removed.
func TestSnapshotRoundTrip(t *testing.T) {
	ws := genWorkerSlice(31, 3000)
	ix := Build(func(yield func(Worker) bool) {
		for _, w := range ws {
			if !yield(w) {
				return
			}
		}
	}, nil)
	// Churn first, so the snapshot holds dead space and moved rows too.
	for _, w := range ws[:300] {
		w.Name += "（改）"
		w.Skills = append(w.Skills, Skill{Occupation: "cleaner", Level: 3})
		ix.UpsertWorker(w)
	}
	for _, w := range ws[300:400] {
		ix.RemoveWorker(w.ID)
	}
	var buf bytes.Buffer
	if err := ix.WriteSnapshot(&buf, "stamp-1"); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), "stamp-1")
	if err != nil {
		t.Fatal(err)
	}
	sameAnswers := func(label string) {
		t.Helper()
		if a, b := ix.workers.len(), got.workers.len(); a != b {
			t.Fatalf("%s: %d workers, want %d", label, b, a)
		}
		for _, w := range ws {
			a, okA := ix.Worker(w.ID)
			b, okB := got.Worker(w.ID)
			if okA != okB || !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: worker %s: %v %+v, want %v %+v", label, w.ID, okB, b, okA, a)
			}
		}
		for i, d := range genDemands(32, 20) {
			d.Open, d.Left = true, 5
			a, b := ix.TopWorkers(d, 50, genToday), got.TopWorkers(d, 50, genToday)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: demand %d ranks differently after the round trip", label, i)
			}
		}
	}
	sameAnswers("read back")
	for _, w := range ws[400:500] {
		w.AvailableFrom = genToday
		ix.UpsertWorker(w)
		got.UpsertWorker(w)
	}
	for _, w := range ws[500:600] {
		ix.RemoveWorker(w.ID)
		got.RemoveWorker(w.ID)
	}
	sameAnswers("after edits")
}

// A snapshot of another stamp is refused as stale; a flipped byte, a cut
// file or a foreign file is refused as damaged, never half read.
func TestSnapshotRefusesStaleAndDamaged(t *testing.T) {
	ix := Build(genWorkers(33, 500), nil)
	var buf bytes.Buffer
	if err := ix.WriteSnapshot(&buf, "ops 120 at 99"); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	if _, err := ReadSnapshot(bytes.NewReader(file), "ops 121 at 99"); !errors.Is(err, ErrStaleSnapshot) {
		t.Fatalf("another stamp: %v, want ErrStaleSnapshot", err)
	}
	header := len(snapshotMagic) + 8 + len("ops 120 at 99") // a flip in the stamp reads as stale
	for _, at := range []int{header + 3, len(file) / 3, len(file) / 2, len(file) - 2} {
		bad := bytes.Clone(file)
		bad[at] ^= 0x40
		if _, err := ReadSnapshot(bytes.NewReader(bad), "ops 120 at 99"); err == nil || errors.Is(err, ErrStaleSnapshot) {
			t.Fatalf("byte %d flipped: %v, want damaged", at, err)
		}
	}
	for _, n := range []int{0, 10, len(file) / 2, len(file) - 1} {
		if _, err := ReadSnapshot(bytes.NewReader(file[:n]), "ops 120 at 99"); err == nil {
			t.Fatalf("cut at %d accepted", n)
		}
	}
	if _, err := ReadSnapshot(bytes.NewReader([]byte("SQLite format 3\x00")), ""); err == nil {
		t.Fatal("a foreign file accepted")
	}
}

// EligibleWorkers is every eligible indexed worker, as Worker gives it,
// in ID order, after edits and removals too.
func TestEligibleWorkers(t *testing.T) {
	ws := genWorkerSlice(34, 1000)
	ix := Build(genWorkers(34, 1000), nil)
	for _, w := range ws[:50] {
		ix.RemoveWorker(w.ID)
	}
	for _, w := range ws[50:100] {
		w.Eligible = !w.Eligible
		ix.UpsertWorker(w)
	}
	var want []Worker
	for _, w := range ws[50:] {
		if got, ok := ix.Worker(w.ID); ok && got.Eligible {
			want = append(want, got)
		}
	}
	slices.SortFunc(want, func(a, b Worker) int { return strings.Compare(a.ID, b.ID) })
	got := ix.EligibleWorkers()
	if len(want) == 0 || len(want) == len(ws)-50 || !reflect.DeepEqual(got, want) {
		t.Fatalf("%d eligible workers, want %d (of %d)", len(got), len(want), len(ws)-50)
	}
}
