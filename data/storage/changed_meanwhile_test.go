package storage

import (
	"errors"
	"sync"
	"testing"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// openedCopy is the worker as a form holds it: a copy read before the
// other clerk's write.
func openedCopy(t *testing.T, s *Store, id string) data.Worker {
	t.Helper()
	w, err := s.Worker(id)
	if err != nil {
		t.Fatal(err)
	}
	return *w
}

// A clerk opens a worker; another clerk changes the phone and saves; the
// first clerk changes the notes and saves. The save is refused with the
// row as it is now, nothing is written (the other phone stays, the op log
// does not grow), the one field to choose is the phone, and the merged
// record saves against the current version with both changes kept.
func TestUpdateFromRefusesAWriteOverAChangeMeanwhile(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	w.Notes = "会做饭"
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	opened := openedCopy(t, s, w.ID)

	other := openedCopy(t, s, w.ID) // the other clerk
	other.Phone = "13993100001"
	if err := s.UpdateFrom(&other, opened.HLC); err != nil {
		t.Fatalf("the other clerk's save: %v", err)
	}
	ops := count(t, s, &Op{})

	mine := opened
	mine.Notes = "会做饭，有育婴师证"
	err := s.UpdateFrom(&mine, opened.HLC)
	var cm *ChangedMeanwhile
	if !errors.As(err, &cm) {
		t.Fatalf("UpdateFrom over a change meanwhile = %v, want *ChangedMeanwhile", err)
	}
	current := cm.Current.(*data.Worker)
	if current.Phone != "13993100001" || current.Notes != "会做饭" {
		t.Errorf("Current = phone %q notes %q, want the other clerk's row", current.Phone, current.Notes)
	}
	if got := count(t, s, &Op{}); got != ops {
		t.Errorf("ops after the refused save = %d, want %d (nothing written)", got, ops)
	}
	if stored := openedCopy(t, s, w.ID); stored.Phone != "13993100001" || stored.Notes != "会做饭" {
		t.Errorf("stored after the refused save = %q / %q, want the other clerk's", stored.Phone, stored.Notes)
	}

	choices, err := s.FieldsChangedMeanwhile(&opened, &mine, current)
	if err != nil {
		t.Fatal(err)
	}
	want := []FieldChoice{{Table: data.TableWorkers, Column: "phone", Theirs: `"13993100001"`, Yours: `"13893112345"`}}
	if len(choices) != 1 || choices[0] != want[0] {
		t.Fatalf("choices = %+v, want %+v", choices, want)
	}

	merged := mine
	if err := s.TakeFields(&merged, current, []string{"phone"}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateFrom(&merged, current.HLC); err != nil {
		t.Fatalf("the merged save: %v", err)
	}
	stored := openedCopy(t, s, w.ID)
	if stored.Phone != "13993100001" || stored.Notes != "会做饭，有育婴师证" {
		t.Errorf("stored after the merge = %q / %q, want the other's phone and the clerk's notes", stored.Phone, stored.Notes)
	}
	// The merged save moved the version on: the form's old version is
	// refused again.
	if err := s.UpdateFrom(&mine, current.HLC); !errors.As(err, &cm) {
		t.Errorf("a save from the pre-merge version = %v, want *ChangedMeanwhile", err)
	}
}

// Two clerks opened the same worker and press 保存 at the same moment:
// exactly one save goes in, the other is refused with the row the first
// wrote. On PostgreSQL they are two desktops (two Stores, their own
// connections); on SQLite, whose file has one writer process, two saves
// through one Store.
func TestUpdateFromLetsOneOfTwoConcurrentSavesIn(t *testing.T) {
	first, loc := openTemp(t)
	if _, err := first.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	second := first
	if testdb.Postgres() {
		var err error
		if second, err = OpenWith(loc, testOptions(t)); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { second.Close() })
	}
	w := validWorker(2)
	if err := first.Create(w); err != nil {
		t.Fatal(err)
	}
	opened := openedCopy(t, first, w.ID)
	phones := []string{"13993100001", "13993100002"}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, s := range []*Store{first, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := opened
			mine.Phone = phones[i]
			errs[i] = s.UpdateFrom(&mine, opened.HLC)
		}()
	}
	wg.Wait()
	won := -1
	for i, err := range errs {
		var cm *ChangedMeanwhile
		switch {
		case err == nil:
			if won >= 0 {
				t.Fatal("both saves went in: one overwrote the other silently")
			}
			won = i
		case errors.As(err, &cm):
		default:
			t.Fatalf("save %d: %v", i, err)
		}
	}
	if won < 0 {
		t.Fatal("neither save went in")
	}
	var cm *ChangedMeanwhile
	if !errors.As(errs[1-won], &cm) || cm.Current.(*data.Worker).Phone != phones[won] {
		t.Errorf("the refused save's Current = %v, want the phone %s that went in", errs[1-won], phones[won])
	}
	if stored := openedCopy(t, second, w.ID); stored.Phone != phones[won] {
		t.Errorf("stored phone = %s, want %s", stored.Phone, phones[won])
	}
}
