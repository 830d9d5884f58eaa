package match

import (
	"slices"
	"time"
)

// Allocate is the job fair (see the function Allocate) over the index's
// eligible workers: the same allocation as
// Allocate(ix.EligibleWorkers(), demands, today, progress), without
// decoding every worker. A pair can only be 强匹配 or 可考虑 when the
// worker holds or wishes for a related 工种, so each demand reads its
// related occupation lists (see occPostings) and scores the rows with the
// hot loop's arithmetic; only the workers who have a pair are kept, in ID
// order as EligibleWorkers gives them.
func (ix *Index) Allocate(demands []Demand, today time.Time, progress func(done, total int)) Allocation {
	demands = firstOfEach(demands, func(d Demand) string { return d.ID })
	scoring, solving := halves(progress)

	pool, bands := ix.fairPool(demands, today, scoring)
	// The index is not held while the pool is solved: the clerk may edit
	// and rank meanwhile.
	return pool.allocate(demands, solving, func(u, j int) Band {
		for i, a := range pool.arcs[u] {
			if a.demand == int32(j) {
				return bands[u][i]
			}
		}
		panic("match: band of a missing arc")
	})
}

// fairPool scores every demand's related rows and returns the workers who
// have an allowed pair, in ID order, with the band of each arc.
func (ix *Index) fairPool(demands []Demand, today time.Time, scoring func(done, total int)) (fairPool, [][]Band) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c := &ix.workers
	n := c.len()
	poolOf := make([]int32, n) // row → pool worker + 1; 0: none yet
	var rows []int32           // pool worker → row
	var arcs [][]arc
	var bands [][]Band
	seen := newRowSet(n)
	for j, d := range demands {
		if d.Open && d.Left > 0 {
			clear(seen)
			q := ix.newWorkerQuery(d, today)
			c.eachRelated(q, seen, func(row int32) {
				key, ok := c.keyAbove(q, row, allowedFloor)
				rank := key >> rankShift
				band := Band(rank / rankBandUnit)
				if !ok || band == NotRecommended {
					return
				}
				u := poolOf[row] - 1
				if u < 0 {
					u = int32(len(rows))
					poolOf[row] = u + 1
					rows = append(rows, row)
					arcs = append(arcs, nil)
					bands = append(bands, nil)
				}
				arcs[u] = append(arcs[u], arc{int32(j), rank % rankBandUnit})
				bands[u] = append(bands[u], band)
			})
		}
		if scoring != nil {
			scoring(j+1, len(demands))
		}
	}

	// ID order, as the pool of the function Allocate is given.
	order := make([]int, len(rows))
	for u := range order {
		order[u] = u
	}
	slices.SortFunc(order, func(a, b int) int { return c.compareIDs(rows[a], rows[b]) })
	pool := fairPool{ids: make([]string, len(rows)), arcs: make([][]arc, len(rows))}
	sortedBands := make([][]Band, len(rows))
	for i, u := range order {
		pool.ids[i] = c.idText(rows[u])
		pool.arcs[i] = arcs[u]
		sortedBands[i] = bands[u]
	}
	return pool, sortedBands
}

// allowedFloor is the lowest rank of a pair the job fair may assign: 可考虑
// at ConsiderThreshold.
var allowedFloor = rankKey(Consider, ConsiderThreshold)

// eachRelated calls fn once for every row listed under an occupation
// related to q's (the rows whose occupation part is above zero), marking
// them in seen.
func (c *workerColumns) eachRelated(q *workerQuery, seen rowSet, fn func(row int32)) {
	n := int32(c.len())
	read := func(lists [][]int32, rel []float64) {
		for o, r := range rel {
			if r <= 0 || o >= len(lists) {
				continue
			}
			for _, row := range lists[o] {
				if row < n && !seen.has(row) {
					seen.add(row)
					fn(row)
				}
			}
		}
	}
	read(c.byOcc.skill, q.occRel)
	read(c.byOcc.wish, q.occWish)
}
