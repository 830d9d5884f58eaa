package match

import (
	"iter"
	"slices"
	"strings"
	"sync"
)

// Index holds the matching features of all workers and the open demands in
// memory, so that ranking never goes to SQL. The Store builds it at start-up
// and calls the Upsert and Remove methods after every write, so an edit is
// reflected in the next match. It is safe for concurrent use: queries share
// a read lock, writes take the write lock.
type Index struct {
	mu      sync.RWMutex
	workers workerColumns
	occ     interner // occupation keys
	reg     interner // region codes

	demands   []Demand
	demandRow map[string]int

	// idsOnce builds the ID table of an index read from a snapshot (see
	// ensureIDs); an index built here keeps its table as it goes.
	idsOnce sync.Once
}

// ensureIDs builds the workers' ID table once, if the index was read from
// a snapshot: rankings and job fairs never look a worker up by ID, so
// ReadSnapshot hands the index over without it (a million inserts are a
// good part of the read) and builds it in the background. Lookups and
// writes call this first and wait for it. The caller holds ix.mu.
func (ix *Index) ensureIDs() { ix.idsOnce.Do(ix.workers.indexIDs) }

// interner gives each distinct string a small dense id, so that features
// are int32s and per-query lookup tables are slices.
type interner struct {
	ids  map[string]int32
	keys []string
}

func (in *interner) id(s string) int32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	if in.ids == nil {
		in.ids = map[string]int32{}
	}
	id := int32(len(in.keys))
	in.ids[s] = id
	in.keys = append(in.keys, s)
	return id
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{workers: workerColumns{ids: newIDTable()}, demandRow: map[string]int{}}
	ix.idsOnce.Do(func() {}) // the table is kept as workers come
	return ix
}

// Build indexes all workers and demands; either sequence may be nil. A later
// element with the same ID replaces an earlier one.
func Build(workers iter.Seq[Worker], demands iter.Seq[Demand]) *Index {
	ix := NewIndex()
	if workers != nil {
		for w := range workers {
			ix.upsertWorker(w)
		}
	}
	if demands != nil {
		for d := range demands {
			ix.upsertDemand(d)
		}
	}
	ix.workers.byOcc.rebuild(&ix.workers) // in tie-break order
	return ix
}

// Len is the number of indexed workers and demands.
func (ix *Index) Len() (workers, demands int) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.workers.len(), len(ix.demands)
}

// UpsertWorker adds a worker or replaces the one with the same ID.
func (ix *Index) UpsertWorker(w Worker) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.ensureIDs()
	ix.upsertWorker(w)
}

func (ix *Index) upsertWorker(w Worker) {
	c := &ix.workers
	e := encodeWorker(w, &ix.occ, &ix.reg)
	slot, found := c.findKey(e.id, e.flags&flagPackedID != 0)
	if found {
		c.overwrite(c.ids.slots[slot]-1, e)
		c.compact()
		c.byOcc.settle(c)
		return
	}
	row := c.append(e)
	c.ids.insert(slot, row, c.idAt)
}

// RemoveWorker drops a worker; unknown IDs are ignored.
func (ix *Index) RemoveWorker(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.ensureIDs()
	c := &ix.workers
	slot, found := c.findID(id)
	if !found {
		return
	}
	row := c.ids.slots[slot] - 1
	c.featDead += int(c.nSkill[row]) + int(c.nOcc[row]) + int(c.nReg[row])
	c.textDead += int(c.idLen[row]) + int(c.nameLen[row])
	c.ids.remove(slot, c.idAt)
	goneSkills, goneWishes := c.listed(row)
	if last := int32(c.len() - 1); row != last {
		// Move the last row into the hole and point its ID at it. Its
		// entries at last go stale, and it is listed afresh at row.
		lastSlot, _ := c.findRow(last)
		skills, wishes := c.listed(last)
		c.byOcc.rewrite(last, skills, wishes, nil, nil)
		c.byOcc.rewrite(row, goneSkills, goneWishes, skills, wishes)
		c.moveRow(row, last)
		c.ids.slots[lastSlot] = row + 1
	} else {
		c.byOcc.rewrite(row, goneSkills, goneWishes, nil, nil)
	}
	c.dropLast()
	c.compact()
	c.byOcc.settle(c)
}

// Worker returns an indexed worker as the index holds it: dates at
// midnight UTC, lists cut at 255 entries.
func (ix *Index) Worker(id string) (Worker, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ix.ensureIDs()
	c := &ix.workers
	slot, found := c.findID(id)
	if !found {
		return Worker{}, false
	}
	return c.decode(c.ids.slots[slot]-1, &ix.occ, &ix.reg), true
}

// UpsertDemand adds a demand or replaces the one with the same ID.
func (ix *Index) UpsertDemand(d Demand) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.upsertDemand(d)
}

func (ix *Index) upsertDemand(d Demand) {
	d.PartnerProvinces = slices.Clone(d.PartnerProvinces) // not the caller's array
	if i, ok := ix.demandRow[d.ID]; ok {
		ix.demands[i] = d
		return
	}
	ix.demandRow[d.ID] = len(ix.demands)
	ix.demands = append(ix.demands, d)
}

// RemoveDemand drops a demand; unknown IDs are ignored.
func (ix *Index) RemoveDemand(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	i, ok := ix.demandRow[id]
	if !ok {
		return
	}
	last := len(ix.demands) - 1
	ix.demands[i] = ix.demands[last]
	ix.demandRow[ix.demands[i].ID] = i
	ix.demands[last] = Demand{}
	ix.demands = ix.demands[:last]
	delete(ix.demandRow, id)
}

// Demand returns an indexed demand.
func (ix *Index) Demand(id string) (Demand, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if i, ok := ix.demandRow[id]; ok {
		return ix.demands[i], true
	}
	return Demand{}, false
}

// EligibleWorkers decodes every worker who can be put forward, in ID
// order: the pool of a job fair, read from memory rather than the
// database.
func (ix *Index) EligibleWorkers() []Worker {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c := &ix.workers
	var out []Worker
	for row := range int32(c.len()) {
		if c.flags[row]&flagEligible != 0 {
			out = append(out, c.decode(row, &ix.occ, &ix.reg))
		}
	}
	slices.SortFunc(out, func(a, b Worker) int { return strings.Compare(a.ID, b.ID) })
	return out
}
