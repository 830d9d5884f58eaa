package recommend

import (
	"errors"
	"reflect"
	"testing"

	"duikou/data"
)

// NewForDemand ranks exactly as the full index for every test demand and
// every k, whether it took the shortcut (only the workers holding a
// related 工种 indexed) or fell back to the full index; both happen.
func TestNewForDemandRanksAsTheFullIndex(t *testing.T) {
	s := openStore(t)
	ds := testDemands(t, s)
	// A demand of a 工种 nobody in the generated pool holds: too few
	// related workers for the shortcut, so it falls back.
	rare := *ds[0]
	rare.ID, rare.Occupation, rare.Title, rare.MinLevel = "", "welder", "焊工", 0
	if err := s.Create(&rare); err != nil {
		t.Fatal(err)
	}
	ds = append(ds, &rare)
	if err := genWorkers(s, 11, 0, 1500); err != nil {
		t.Fatal(err)
	}
	full := newMatcher(t, s)
	total, _ := full.Len()
	shortcuts, fallbacks := 0, 0
	for i, d := range ds {
		for _, k := range []int{1, 10, 50, 400} {
			want, err := full.TopWorkers(d.ID, k)
			if err != nil {
				t.Fatal(err)
			}
			m, err := NewForDemand(s, d.ID, k)
			if err != nil {
				t.Fatal(err)
			}
			got, err := m.TopWorkers(d.ID, k)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("demand %d (%s) k %d: the one-demand ranking differs from the full index:\n got %v\nwant %v",
					i, d.Occupation, k, names(got), names(want))
			}
			if n, _ := m.Len(); n < total {
				shortcuts++
			} else {
				fallbacks++
			}
		}
	}
	if shortcuts == 0 || fallbacks == 0 {
		t.Fatalf("shortcut taken %d times, fallback %d times: both must be exercised", shortcuts, fallbacks)
	}
	t.Logf("%d shortcuts, %d fallbacks over %d workers", shortcuts, fallbacks, total)
}

func TestNewForDemandUnknownDemand(t *testing.T) {
	s := openStore(t)
	if _, err := NewForDemand(s, "no-such-demand", 10); err == nil || !isNotFound(err) {
		t.Fatalf("got %v, want not found", err)
	}
}

func names(rs []Ranked) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name + "/" + r.BandLabel
	}
	return out
}

func isNotFound(err error) bool { return err != nil && errors.Is(err, data.ErrNotFound) }
