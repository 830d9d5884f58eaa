package exchange

import (
	"sync"

	"duikou/data/storage"
)

// Every op and row of a part carries a map of its fields, two hundred
// thousand maps of about three kilobytes for a hundred thousand records:
// as garbage they were a third of what an import allocated, and the
// collector's work with it. The maps of a part the Store is done with
// (it asked for the next) go back to a free list, and the decoder fills
// them again for a later part, emptied but with their room kept: a
// table's rows have the same columns, so a map once grown never grows
// again.

// fieldMaps is the free list, shared by the decoder and the merge that
// hands parts back.
type fieldMaps struct {
	mu   sync.Mutex
	ops  []map[string]storage.FieldChange
	rows []map[string]storage.FieldState
}

// lentMaps are the maps handed out for one part.
type lentMaps struct {
	ops  []map[string]storage.FieldChange
	rows []map[string]storage.FieldState
}

// lender hands out maps for the part being decoded, remembering them so
// that they come back with the part (and only they: whatever the Store
// did with a part's Fields, the free list gets each map once).
type lender struct {
	free *fieldMaps
	lent lentMaps
}

func (l *lender) opFields(width int) map[string]storage.FieldChange {
	m := takeMap(&l.free.mu, &l.free.ops, width)
	l.lent.ops = append(l.lent.ops, m)
	return m
}

func (l *lender) rowFields(width int) map[string]storage.FieldState {
	m := takeMap(&l.free.mu, &l.free.rows, width)
	l.lent.rows = append(l.lent.rows, m)
	return m
}

// handOver is what was lent for the part going out, and starts the next.
func (l *lender) handOver() lentMaps {
	lent := l.lent
	l.lent = lentMaps{}
	return lent
}

// giveBack returns a part's maps to the free list; they are emptied when
// taken again, on the decoder's goroutine (the merge's is the busier).
func (f *fieldMaps) giveBack(lent lentMaps) {
	f.mu.Lock()
	f.ops = append(f.ops, lent.ops...)
	f.rows = append(f.rows, lent.rows...)
	f.mu.Unlock()
}

// takeMap is a map from free, emptied, or a new one with room for width.
func takeMap[V any](mu *sync.Mutex, free *[]map[string]V, width int) map[string]V {
	mu.Lock()
	n := len(*free)
	if n == 0 {
		mu.Unlock()
		return make(map[string]V, width)
	}
	m := (*free)[n-1]
	(*free)[n-1] = nil
	*free = (*free)[:n-1]
	mu.Unlock()
	clear(m)
	return m
}
