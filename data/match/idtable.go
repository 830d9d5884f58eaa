package match

import "hash/maphash"

// idTable maps worker IDs (as the columns keep them, see ids.go) to rows without a Go map of strings: a million
// string keys would cost some 100 MB and give the garbage collector a
// million pointers to chase. It is open addressing with linear probing over
// row numbers; the IDs themselves stay in the columns' text arena.
type idTable struct {
	seed  maphash.Seed
	slots []int32 // row+1; 0 is empty
	count int
}

func newIDTable() idTable {
	return idTable{seed: maphash.MakeSeed(), slots: make([]int32, 16)}
}

func (t *idTable) mask() uint64 { return uint64(len(t.slots) - 1) }

// find returns the slot holding the row whose ID is kept as key (same
// tells), or the empty slot where it would go. The insert, remove and
// rehash methods take idAt, which gives the key of a row.
func (t *idTable) find(key string, same func(row int32) bool) (slot int, found bool) {
	m := t.mask()
	for i := maphash.String(t.seed, key) & m; ; i = (i + 1) & m {
		r := t.slots[i]
		if r == 0 {
			return int(i), false
		}
		if same(r - 1) {
			return int(i), true
		}
	}
}

// insert puts row at the empty slot find returned, growing the table to
// keep it at most half full (probes stay short).
func (t *idTable) insert(slot int, row int32, idAt func(row int32) []byte) {
	t.slots[slot] = row + 1
	t.count++
	if 2*t.count > len(t.slots) {
		t.rehash(2*len(t.slots), idAt)
	}
}

// remove empties a slot and shifts later entries of its probe run back, so
// lookups never stop early at the hole (no tombstones needed).
func (t *idTable) remove(slot int, idAt func(row int32) []byte) {
	m := t.mask()
	hole := uint64(slot)
	t.slots[hole] = 0
	t.count--
	for i := (hole + 1) & m; t.slots[i] != 0; i = (i + 1) & m {
		home := maphash.Bytes(t.seed, idAt(t.slots[i]-1)) & m
		// Move the entry into the hole unless its home lies cyclically in
		// (hole, i], where the hole does not interrupt its run.
		if (i-home)&m >= (i-hole)&m {
			t.slots[hole], t.slots[i] = t.slots[i], 0
			hole = i
		}
	}
}

// rehash rebuilds the table with n slots (a power of two).
func (t *idTable) rehash(n int, idAt func(row int32) []byte) {
	old := t.slots
	t.slots = make([]int32, n)
	m := t.mask()
	for _, r := range old {
		if r == 0 {
			continue
		}
		i := maphash.Bytes(t.seed, idAt(r-1)) & m
		for t.slots[i] != 0 {
			i = (i + 1) & m
		}
		t.slots[i] = r
	}
}
