package exchange

import (
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
