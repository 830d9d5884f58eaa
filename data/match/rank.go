package match

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// rank returns the k best rows for q under better, best first. It reads
// the rows of the demand's related occupations first (rankRelated) and
// scans the others only when they could still enter the top k.
func (c *workerColumns) rank(q *workerQuery, k int, better func(a, b ranked) bool) []ranked {
	h := newTopK(k, better)
	seen := newRowSet(c.len())
	bound := c.rankRelated(q, h, seen)
	heaps := []*topK[ranked]{h}
	if k > 0 && !(h.full() && h.root().key>>rankShift > bound) {
		heaps = append(heaps, c.scanRest(q, k, seen, better)...)
	}
	var best []ranked
	for _, h := range heaps {
		best = append(best, h.items...)
	}
	slices.SortFunc(best, func(a, b ranked) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	return best[:min(k, len(best))]
}

// rankShift: a workerKey shifted right by it is the rankKey (band and
// score) it was made from.
const rankShift = 33

// Query parallelism for the rows outside the related occupations: one
// query uses at most this many goroutines, and only for indexes large
// enough to repay starting them.
const (
	maxQueryGoroutines = 2
	parallelMinWorkers = 50_000
)

// scanRest scans every row not in seen, in parts on up to two goroutines,
// each into a heap of its own.
func (c *workerColumns) scanRest(q *workerQuery, k int, seen rowSet, better func(a, b ranked) bool) []*topK[ranked] {
	n := c.len()
	parts := 1
	if n >= parallelMinWorkers {
		parts = max(1, min(runtime.GOMAXPROCS(0), maxQueryGoroutines))
	}
	heaps := make([]*topK[ranked], parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			heaps[p] = newTopK(k, better)
			c.scan(q, int32(n*p/parts), int32(n*(p+1)/parts), seen, heaps[p])
		})
	}
	wg.Wait()
	return heaps
}

// posting is one occupation list a query reads: the rows holding (or
// wishing for) an occupation whose occupation part is occ for q.
type posting struct {
	rows     []int32
	sorted   int // rows[:sorted] are in tie-break order (see occPostings)
	occ      float64
	ownSkill bool // the demand's own 工种 held as a skill
}

// rankRelated offers h every row listed under an occupation related to
// q's, reading the lists by falling occupation part and marking each row
// in seen. It stops as soon as h is full and no row left unread can reach
// the rank of h's worst, and returns the highest rank (rankKey) a row
// not read may reach; every such row's occupation part is 0 once every
// list has been read.
//
// The bound: a row first met in a list whose occupation part is occ has
// an occupation part of exactly occ (a better one would have listed it
// earlier), and so do the rows in later lists at most. Its other parts
// are at most 1, except the skill level once the demand's own 工种 has
// been read: a row not listed there holds no level in it.
func (c *workerColumns) rankRelated(q *workerQuery, h *topK[ranked], seen rowSet) int64 {
	if h.k <= 0 {
		return 0
	}
	p := &c.byOcc
	var lists []posting
	for o, r := range q.occRel {
		if r > 0 && o < len(p.skill) {
			lists = append(lists, posting{rows: p.skill[o], sorted: sortedLen(p.skillSorted, o), occ: r, ownSkill: int32(o) == q.occ})
		}
	}
	for o, r := range q.occWish {
		if r > 0 && o < len(p.wish) {
			lists = append(lists, posting{rows: p.wish[o], sorted: sortedLen(p.wishSorted, o), occ: r})
		}
	}
	// Best first; among equals the demand's own 工种 first, since after it
	// the skill level of the rest is known.
	slices.SortStableFunc(lists, func(a, b posting) int {
		if a.occ != b.occ {
			return cmp.Compare(b.occ, a.occ)
		}
		if a.ownSkill != b.ownSkill {
			if a.ownSkill {
				return -1
			}
			return 1
		}
		return 0
	})
	skillRead := q.occ < 0 || int(q.occ) >= len(c.byOcc.skill)
	skillLeft := func() float64 {
		if skillRead {
			return skillValue(0, q.minLevel)
		}
		return 1
	}
	n := int32(c.len())
	for _, l := range lists {
		bound := rankBound(l.occ, skillLeft())
		if h.full() && h.root().key>>rankShift > bound {
			return bound
		}
		visit := func(row int32) {
			if row < n && !seen.has(row) {
				seen.add(row)
				c.offer(q, row, h)
			}
		}
		for _, row := range l.rows[:l.sorted] {
			// A row not written since the sort has the tie-break it was
			// sorted by, and every row after it one no better: once the
			// list's best rank with it cannot enter h, the rest of the
			// sorted part cannot either.
			if row < n && h.full() && !p.moved.has(row) && bound<<rankShift|c.tieBits(row) < h.root().key {
				break
			}
			visit(row)
		}
		for _, row := range l.rows[l.sorted:] {
			visit(row)
		}
		if l.ownSkill {
			skillRead = true
		}
	}
	return rankBound(0, skillLeft())
}

// sortedLen is the length of list o's sorted part: none for an
// occupation first listed since the lists were rebuilt.
func sortedLen(lens []int, o int) int {
	if o < len(lens) {
		return lens[o]
	}
	return 0
}

// rankBound is the highest rankKey of a worker whose occupation part is
// at most occ and skill part at most skill: every other part full.
func rankBound(occ, skill float64) int64 { return rankCeiling(occ, skill, 1, 1, 1) }

// rowSet is a set of rows as a bitmap: a million rows take 125 KB.
type rowSet []uint64

func newRowSet(n int) rowSet { return make(rowSet, (n+63)/64) }

func (s rowSet) has(row int32) bool {
	return s != nil && s[row>>6]&(1<<(row&63)) != 0
}

func (s rowSet) add(row int32) { s[row>>6] |= 1 << (row & 63) }
