package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// A canonical UUID is kept in 16 bytes and comes back as given; other IDs
// are kept as they are; the index finds, orders and returns both as text.
func TestPackedIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 16))
	var ids []string
	for range 200 {
		ids = append(ids, genID(rng))
	}
	ids = append(ids,
		strings.ToUpper(genID(rng)),                 // not canonical: kept as text
		"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5",       // 35 characters
		"0190a1b2-c3d4-7e5f-8a9b_0c1d2e3f4a5b",      // a hyphen missing
		"w1", "ffffffff-ffff-ffff-ffff-fffffffffff", // short ones
		"0123456789abcdef", // 16 characters, like a packed key
		"00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff")
	packed := 0
	for _, id := range ids {
		key, ok := idKey(id)
		if ok {
			packed++
			if len(key) != 16 || string(appendUUID(nil, []byte(key))) != id {
				t.Fatalf("%s packs to %x and back to %s", id, key, appendUUID(nil, []byte(key)))
			}
		} else if key != id {
			t.Fatalf("%s kept as %q", id, key)
		}
	}
	if packed != 202 {
		t.Fatalf("%d packed, want 202 (the generated ones and the two extremes)", packed)
	}

	ix := NewIndex()
	for _, id := range ids {
		ix.UpsertWorker(Worker{ID: id, Name: "甲", Eligible: true})
	}
	c := &ix.workers
	for _, id := range ids {
		if w, ok := ix.Worker(id); !ok || w.ID != id {
			t.Fatalf("worker %s came back as %q, %v", id, w.ID, ok)
		}
	}
	// Rows in ID order are the IDs in text order.
	rows := make([]int32, c.len())
	for i := range rows {
		rows[i] = int32(i)
	}
	slices.SortFunc(rows, c.compareIDs)
	want := slices.Sorted(slices.Values(ids))
	for i, row := range rows {
		if c.idText(row) != want[i] {
			t.Fatalf("position %d: %s, want %s", i, c.idText(row), want[i])
		}
	}
	// The 16-character text ID and a packed UUID never meet.
	ix.RemoveWorker("0123456789abcdef")
	if _, ok := ix.Worker("0123456789abcdef"); ok {
		t.Fatal("removed worker still there")
	}
	if n, _ := ix.Len(); n != len(ids)-1 {
		t.Fatalf("%d workers left, want %d", n, len(ids)-1)
	}
}
