package recommend

import (
	"errors"
	"maps"
	"slices"
	"sync"

	"duikou/data"
	"duikou/data/match"
)

// Matcher ranks and allocates from an in-memory index of the Store's
// workers and demands, kept in step with every write. It is safe for
// concurrent use.
type Matcher struct {
	s  Source
	ix *match.Index

	// pending holds the rows written since the last refresh, per table,
	// each with whether its last notice was a delete. The writer only
	// touches this, under its own lock, so a write never waits on a match.
	pendingMu sync.Mutex
	pending   changeSet
	replaced  bool // every table was replaced (a restore elsewhere): index everything again

	// mu serialises refreshes and guards the fields below.
	mu       sync.Mutex
	day      data.Date               // the day the demands' Open was computed for
	partners []string                // the partner provinces the demands carry
	ratio    int                     // the over-referral ratio the demands carry
	demands  map[string]match.Demand // the indexed demands, to list them
}

// changeSet is table -> row id -> deleted.
type changeSet map[data.Table]map[string]bool

func (c changeSet) add(table data.Table, id string, deleted bool) {
	if c[table] == nil {
		c[table] = map[string]bool{}
	}
	c[table][id] = deleted
}

// New builds the index from every live worker and demand in s and keeps it
// in step with s from then on. Building reads the whole worker table once
// (a million workers take seconds); later writes cost a reload by id each.
// Open does the same, from the snapshot beside the database when it can.
func New(s Source) (*Matcher, error) {
	m := subscribed(s)
	if err := m.indexAllWorkers(); err != nil {
		return nil, err
	}
	return m, m.loadDemands()
}

// subscribed is an empty Matcher listening to s. It subscribes before
// anything is read: a row written while the index is filled is reloaded
// at the first query, so nothing written meanwhile is missed.
func subscribed(s Source) *Matcher {
	m := &Matcher{s: s, pending: changeSet{}, demands: map[string]match.Demand{}, ix: match.NewIndex()}
	s.OnChange(m.noteChange)
	return m
}

// indexAllWorkers reads every live worker into the index.
func (m *Matcher) indexAllWorkers() error {
	placed, err := m.s.ActivelyPlaced(nil)
	if err != nil {
		return err
	}
	var walkErr error
	workers := func(yield func(match.Worker) bool) {
		walkErr = m.s.EachWorkerForMatching(func(w *data.Worker) error {
			if !yield(workerOf(w, placed[w.ID])) {
				return errStopped
			}
			return nil
		})
	}
	m.ix = match.Build(workers, nil)
	return walkErr
}

// loadDemands reads the partners, the referral ratio and every demand.
func (m *Matcher) loadDemands() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var err error
	if m.partners, err = m.loadPartners(); err != nil {
		return err
	}
	m.ratio = m.s.OverReferralRatio()
	return m.reloadAllDemands(m.s.Today())
}

var errStopped = errors.New("recommend: walk stopped")

// Len is the number of indexed workers and demands (open or not).
func (m *Matcher) Len() (workers, demands int) { return m.ix.Len() }

// noteChange is the Store's change listener.
func (m *Matcher) noteChange(c data.Change) {
	if c.Replaced {
		m.pendingMu.Lock()
		m.replaced = true
		m.pendingMu.Unlock()
		return
	}
	switch c.Table {
	case data.TableWorkers, data.TableEmployers, data.TableDemands, data.TablePlacements:
	default:
		return
	}
	m.pendingMu.Lock()
	m.pending.add(c.Table, c.ID, c.Deleted)
	m.pendingMu.Unlock()
}

// refresh brings the index up to date with the Store: the rows written
// since the last call, the partner provinces, and the demands' Open when
// the day has turned. It returns the day to match on.
func (m *Matcher) refresh() (data.Date, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	today := m.s.Today()
	partners, err := m.loadPartners()
	if err != nil {
		return today, err
	}
	ratio := m.s.OverReferralRatio()
	switch {
	case today != m.day:
		// Validity windows open and close with the date.
		m.partners, m.ratio = partners, ratio
		if err := m.reloadAllDemands(today); err != nil {
			return today, err
		}
	case !slices.Equal(partners, m.partners) || ratio != m.ratio:
		// Settings change without a change notice: compare each time.
		m.partners, m.ratio = partners, ratio
		for id, d := range m.demands {
			d.PartnerProvinces, d.OverReferral = partners, ratio
			m.demands[id] = d
			m.ix.UpsertDemand(d)
		}
	}

	m.pendingMu.Lock()
	taken, replaced := m.pending, m.replaced
	m.pending, m.replaced = changeSet{}, false
	m.pendingMu.Unlock()
	if replaced {
		return today, m.reindex(today)
	}
	if len(taken) == 0 {
		return today, nil
	}
	if err := m.apply(taken, today); err != nil {
		// Keep the notices for the next try: the index must not silently
		// fall behind the Store.
		m.pendingMu.Lock()
		for table, ids := range taken {
			for id, del := range ids {
				if _, newer := m.pending[table][id]; !newer {
					m.pending.add(table, id, del)
				}
			}
		}
		m.pendingMu.Unlock()
		return today, err
	}
	return today, nil
}

// reindex builds the index again from every worker and demand, after
// the Store's tables were replaced at once; a failure leaves the
// replacement pending, to be tried again at the next query.
func (m *Matcher) reindex(today data.Date) error {
	err := m.indexAllWorkers()
	if err == nil {
		m.demands = map[string]match.Demand{}
		err = m.reloadAllDemands(today)
	}
	if err != nil {
		m.pendingMu.Lock()
		m.replaced = true
		m.pendingMu.Unlock()
	}
	return err
}

// apply reloads the rows in c. Placements and employers change what is
// shown of other rows, so they are turned into worker and demand reloads.
func (m *Matcher) apply(c changeSet, today data.Date) error {
	workers := maps.Clone(c[data.TableWorkers])
	demands := maps.Clone(c[data.TableDemands])
	if workers == nil {
		workers = map[string]bool{}
	}
	if demands == nil {
		demands = map[string]bool{}
	}
	wids, dids, err := m.s.PlacementParties(slices.Collect(maps.Keys(c[data.TablePlacements])))
	if err != nil {
		return err
	}
	for _, id := range wids {
		workers[id] = workers[id] // reload, keeping a delete notice
	}
	for _, id := range dids {
		demands[id] = demands[id]
	}
	dids, err = m.s.DemandIDsOfEmployers(slices.Collect(maps.Keys(c[data.TableEmployers])))
	if err != nil {
		return err
	}
	for _, id := range dids {
		demands[id] = demands[id]
	}
	if err := m.reloadWorkers(workers); err != nil {
		return err
	}
	return m.reloadDemands(demands, today)
}

// reloadWorkers re-reads the workers in ids (id -> deleted) and replaces
// them in the index; a deleted or vanished worker is removed.
func (m *Matcher) reloadWorkers(ids map[string]bool) error {
	var load []string
	for id, deleted := range ids {
		if deleted {
			m.ix.RemoveWorker(id)
		} else {
			load = append(load, id)
		}
	}
	if len(load) == 0 {
		return nil
	}
	rows, err := m.s.WorkersByID(load)
	if err != nil {
		return err
	}
	placed, err := m.s.ActivelyPlaced(load)
	if err != nil {
		return err
	}
	live := make(map[string]bool, len(rows))
	for i := range rows {
		live[rows[i].ID] = true
		m.ix.UpsertWorker(workerOf(&rows[i], placed[rows[i].ID]))
	}
	for _, id := range load {
		if !live[id] {
			m.ix.RemoveWorker(id)
		}
	}
	return nil
}

// reloadDemands is reloadWorkers for demands.
func (m *Matcher) reloadDemands(ids map[string]bool, today data.Date) error {
	var load []string
	for id, deleted := range ids {
		if deleted {
			m.removeDemand(id)
		} else {
			load = append(load, id)
		}
	}
	if len(load) == 0 {
		return nil
	}
	rows, err := m.s.DemandsByID(load)
	if err != nil {
		return err
	}
	live := make(map[string]bool, len(rows))
	for i := range rows {
		live[rows[i].ID] = true
		m.putDemand(demandOf(&rows[i], today, m.partners, m.ratio))
	}
	for _, id := range load {
		if !live[id] {
			m.removeDemand(id)
		}
	}
	return nil
}

// reloadAllDemands re-reads every live demand for today.
func (m *Matcher) reloadAllDemands(today data.Date) error {
	seen := map[string]bool{}
	err := m.s.EachDemand(data.DemandFilter{}, func(d *data.Demand) error {
		seen[d.ID] = true
		m.putDemand(demandOf(d, today, m.partners, m.ratio))
		return nil
	})
	if err != nil {
		return err
	}
	for id := range m.demands {
		if !seen[id] {
			m.removeDemand(id)
		}
	}
	m.day = today
	return nil
}

func (m *Matcher) putDemand(d match.Demand) {
	m.demands[d.ID] = d
	m.ix.UpsertDemand(d)
}

func (m *Matcher) removeDemand(id string) {
	delete(m.demands, id)
	m.ix.RemoveDemand(id)
}

func (m *Matcher) loadPartners() ([]string, error) {
	ps, err := m.s.Partners()
	if err != nil {
		return nil, err
	}
	return partnerProvinces(m.s.Office(), ps), nil
}
