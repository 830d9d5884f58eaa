package exchange

import (
	"path/filepath"
	"sync"
	"testing"
)

// The clerk clicks 确认导入 twice, or two windows import the same file at
// once: one import applies it, the other finds it imported and changes
// nothing; neither says "UNIQUE constraint failed: bundle_logs.id".
func TestTheSameBundleImportedTwiceAtOnce(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 5)
	file, _ := bundle(t, a, b)
	for round := 0; round < 5; round++ {
		if round > 0 { // a new bundle each round
			if err := a.s.Create(worker(100 + round)); err != nil {
				t.Fatal(err)
			}
			file, _ = bundle(t, a, b)
		}
		var opened [2]*Opened
		for i := range opened {
			o, err := open(b.s, file)
			if err != nil {
				t.Fatal(err)
			}
			opened[i] = o
		}
		var wg sync.WaitGroup
		results := make([]*Result, 2)
		errs := make([]error, 2)
		for i, o := range opened {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i], errs[i] = o.Apply("a-to-b.duikou")
			}()
		}
		wg.Wait()
		applied := 0
		for i := range opened {
			if errs[i] != nil {
				t.Fatalf("round %d, import %d: %v", round, i, errs[i])
			}
			if !results[i].AlreadyImported {
				applied++
			}
		}
		if applied != 1 {
			t.Fatalf("round %d: %d imports applied the bundle, want 1", round, applied)
		}
	}
}

// A file that carries no records (only the partner's acknowledgements)
// is imported without a backup of the whole database.
func TestAnEmptyBundleTakesNoBackup(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 3)
	for _, pair := range [][2]*office{{a, b}, {b, a}} {
		file, _ := bundle(t, pair[0], pair[1])
		o, err := open(pair[1].s, file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Apply("x.duikou"); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := filepath.Glob(filepath.Join(filepath.Dir(b.path), "backups", "*"))
	file, _ := bundle(t, a, b)
	o, err := open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	if n := o.Manifest.Counts.Ops + o.Manifest.Counts.Rows; n != 0 {
		t.Fatalf("the test proves nothing: the bundle carries %d records", n)
	}
	res, err := o.Apply("empty.duikou")
	if err != nil || res.Backup != "" {
		t.Fatalf("apply: %+v %v", res, err)
	}
	if after, _ := filepath.Glob(filepath.Join(filepath.Dir(b.path), "backups", "*")); len(after) != len(before) {
		t.Fatalf("backups %d → %d", len(before), len(after))
	}
}
