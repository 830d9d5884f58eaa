package recommend

import (
	"cmp"
	"fmt"
	"slices"

	"duikou/data"
	"duikou/data/match"
)

// Allocate assigns the eligible workers to demands for a job fair,
// maximising the total score exactly (see match.Allocate), with the greedy
// total beside it. demandIDs names the demands, in the order the result
// lists them; none means every open demand with headcount left, oldest
// first. An unknown or deleted demand is data.ErrNotFound; a closed one
// takes no one and is not reported unfilled. progress may be nil.
func (m *Matcher) Allocate(demandIDs []string, progress func(done, total int)) (match.Allocation, error) {
	today, err := m.refresh()
	if err != nil {
		return match.Allocation{}, err
	}
	var demands []match.Demand
	if len(demandIDs) == 0 {
		m.mu.Lock()
		for _, d := range m.demands {
			if d.Open && d.Left > 0 {
				demands = append(demands, d)
			}
		}
		m.mu.Unlock()
		// UUIDv7 ids sort by creation.
		slices.SortFunc(demands, func(a, b match.Demand) int { return cmp.Compare(a.ID, b.ID) })
	} else {
		for _, id := range demandIDs {
			d, ok := m.ix.Demand(id)
			if !ok {
				return match.Allocation{}, fmt.Errorf("用工需求 %s：%w", id, data.ErrNotFound)
			}
			demands = append(demands, d)
		}
	}
	// The index is up to date after refresh: its eligible workers are the
	// pool, scored in place, without reading any worker from the database.
	return m.ix.Allocate(demands, today.Time(), progress), nil
}

// Apply records an allocation's assignments as placements at stage 已推荐,
// all in one transaction: every one is written or none. A worker who can
// no longer be put forward (referred elsewhere since the allocation was
// made, say) refuses the whole allocation, so a stale plan is redone
// rather than half applied. It returns how many placements were written.
func (m *Matcher) Apply(alloc match.Allocation) (int, error) {
	if _, err := m.refresh(); err != nil {
		return 0, err
	}
	names := make([]string, len(alloc.Assignments)) // "王秀兰→南京悦家…·住家保姆", for errors
	for i, a := range alloc.Assignments {
		w, ok := m.ix.Worker(a.WorkerID)
		if !ok {
			return 0, fmt.Errorf("劳动者 %s：%w", a.WorkerID, data.ErrNotFound)
		}
		if !w.Eligible {
			return 0, fmt.Errorf("劳动者%s已不可推荐（已推荐、已就业或不再同意共享信息），请重新分配", w.Name)
		}
		d, ok := m.ix.Demand(a.DemandID)
		if !ok {
			return 0, fmt.Errorf("用工需求 %s：%w", a.DemandID, data.ErrNotFound)
		}
		names[i] = w.Name + "→" + DemandName(d)
	}
	recs := make([]data.Record, len(alloc.Assignments))
	for i, a := range alloc.Assignments {
		recs[i] = &data.Placement{WorkerID: a.WorkerID, DemandID: a.DemandID, Stage: data.StageReferred}
	}
	err := m.s.CreateAll(recs, func(i int) string { return "推荐" + names[i] + "失败" })
	if err != nil {
		return 0, err
	}
	return len(alloc.Assignments), nil
}

// AllocationNames gives the names a clerk reads for an allocation's
// workers (worker id -> name) and demands (demand id -> employer·title),
// the unfilled demands included.
func (m *Matcher) AllocationNames(alloc match.Allocation) (workers, demands map[string]string, err error) {
	if _, err := m.refresh(); err != nil {
		return nil, nil, err
	}
	workers, demands = map[string]string{}, map[string]string{}
	nameDemand := func(id string) {
		if d, ok := m.ix.Demand(id); ok {
			demands[id] = DemandName(d)
		}
	}
	for _, a := range alloc.Assignments {
		if w, ok := m.ix.Worker(a.WorkerID); ok {
			workers[a.WorkerID] = w.Name
		}
		nameDemand(a.DemandID)
	}
	for _, u := range alloc.Unfilled {
		nameDemand(u.DemandID)
	}
	return workers, demands, nil
}
