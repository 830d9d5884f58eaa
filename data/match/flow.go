package match

import (
	"cmp"
	"math"
	"slices"
)

// arc is an allowed worker-demand pair with its integer weight (the score
// in millionths). The solver works on integers so that "best" is exact.
type arc struct {
	demand int32
	weight int64
}

// unassigned marks a worker without a demand.
const unassigned = -1

// maxWeightAssignment assigns workers to demands, each worker at most once
// and demand j at most caps[j] times, along arcs only, maximising the total
// weight. arcs[u] lists worker u's allowed demands with positive weights.
// It returns each worker's demand index or unassigned.
//
// It is min-cost flow by successive shortest paths on source → worker
// (capacity 1) → demand (cost −weight) → sink (capacity caps[j]). Each path
// adds one unit along the cheapest route, so after n paths the assignment is
// the best of all with n workers; the cost as a function of n is convex, so
// the loop stops at the first path whose cost is not negative: the total is
// then the best over every number of assigned workers. (The maximum total
// need not place the most workers: moving a worker off a demand he fits
// well to make room for a second, weaker pair can lower the total.)
//
// A shortest path starts at a free worker, enters a demand, and may then
// hop from demand i to demand j by moving a worker assigned to i over to j
// before it ends at a demand with a seat left. So the search runs on the
// demands alone: dist(j) starts at −(best free worker's weight for j), and
// a hop i→j costs the least w(u,i) − w(u,j) over the workers u seated at i.
// Job fairs have tens of demands and thousands of workers, which makes each
// path cost a Bellman–Ford over a few thousand hop arcs instead of a search
// over every worker-demand pair. Only the rows of demands whose workers
// changed are recomputed after a path. progress, if not nil, is called with
// the number of paths done and an upper bound of them.
func maxWeightAssignment(caps []int, arcs [][]arc, progress func(done, total int)) []int32 {
	s := newFlowSolver(caps, arcs)
	s.run(progress)
	return s.assigned
}

// noPath is an infinite distance that cannot overflow when added to.
const noPath = math.MaxInt64 / 4

// candidate is a worker allowed at a demand, with the pair's weight.
type candidate struct {
	worker int32
	weight int64
}

type flowSolver struct {
	caps     []int
	arcs     [][]arc
	assigned []int32 // worker → demand or unassigned
	weight   []int64 // worker → weight of its current arc
	members  [][]int32
	pos      []int32 // worker → its index in members[assigned]
	load     []int

	// free[j] lists the workers allowed at j, heaviest first; head[j]
	// skips those already assigned (a worker, once assigned, stays so:
	// no shortest path runs back into the source).
	free [][]candidate
	head []int

	hop   [][]int64 // hop[i][j]: cost of moving a worker from i to j
	via   [][]int32 // the worker that achieves it
	dirty []bool
}

func newFlowSolver(caps []int, arcs [][]arc) *flowSolver {
	m := len(caps)
	s := &flowSolver{
		caps:     caps,
		arcs:     arcs,
		assigned: make([]int32, len(arcs)),
		weight:   make([]int64, len(arcs)),
		pos:      make([]int32, len(arcs)),
		members:  make([][]int32, m),
		load:     make([]int, m),
		free:     make([][]candidate, m),
		head:     make([]int, m),
		hop:      make([][]int64, m),
		via:      make([][]int32, m),
		dirty:    make([]bool, m),
	}
	for u := range arcs {
		s.assigned[u] = unassigned
	}
	// Each demand's list heaviest first, the lower worker first among
	// equals: dealt out from every pair sorted so.
	for _, p := range sortedPairs(arcs) {
		s.free[p.j] = append(s.free[p.j], candidate{p.u, p.w})
	}
	for j := range m {
		s.hop[j] = make([]int64, m)
		s.via[j] = make([]int32, m)
		s.dirty[j] = true
	}
	return s
}

// bound is the most paths there can be: seats, or workers with an arc.
func (s *flowSolver) bound() int {
	seats, workers := 0, 0
	for j, c := range s.caps {
		if len(s.free[j]) > 0 {
			seats += max(c, 0)
		}
	}
	for _, as := range s.arcs {
		if len(as) > 0 {
			workers++
		}
	}
	return min(seats, workers)
}

func (s *flowSolver) run(progress func(done, total int)) {
	m := len(s.caps)
	total := s.bound()
	dist := make([]int64, m)
	pred := make([]int32, m) // previous demand on the path; -1: entered from a free worker
	inQueue := make([]bool, m)
	queue := make([]int32, 0, m)
	path := make([]int32, 0, m)
	reported := -1
	for done := 0; ; done++ {
		if progress != nil && (done == total || done*100/max(total, 1) != reported) {
			reported = done * 100 / max(total, 1)
			progress(done, total)
		}
		for i := range m {
			if s.dirty[i] {
				s.recomputeHops(i)
			}
		}
		// Bellman–Ford (queue-based) over the demands; the residual graph
		// has no negative cycle, so it terminates.
		queue = queue[:0]
		for j := range m {
			dist[j], pred[j] = noPath, -1
			if w, ok := s.bestFree(j); ok {
				dist[j] = -w
				queue = append(queue, int32(j))
				inQueue[j] = true
			}
		}
		for len(queue) > 0 {
			i := queue[0]
			queue = queue[1:]
			inQueue[i] = false
			for j, c := range s.hop[i] {
				if c < noPath && dist[i]+c < dist[j] {
					dist[j], pred[j] = dist[i]+c, i
					if !inQueue[j] {
						inQueue[j] = true
						queue = append(queue, int32(j))
					}
				}
			}
		}
		end := int32(-1)
		for j := range m {
			if s.load[j] < s.caps[j] && dist[j] < 0 && (end < 0 || dist[j] < dist[end]) {
				end = int32(j)
			}
		}
		if end < 0 {
			// No path gains: the assignment is optimal.
			if progress != nil && done != total {
				progress(total, total)
			}
			return
		}
		path = path[:0]
		for j := end; j >= 0; j = pred[j] {
			path = append(path, j)
			if len(path) > m {
				panic("match: cycle in shortest-path tree")
			}
		}
		slices.Reverse(path)
		// Move workers along the hops from the end back, then seat the
		// free worker at the first demand. The hops' workers were chosen
		// from the rows before this change.
		for h := len(path) - 1; h > 0; h-- {
			from, to := path[h-1], path[h]
			u := s.via[from][to]
			s.unseat(u)
			s.seat(u, to)
		}
		s.seat(s.bestFreeWorker(path[0]), path[0])
	}
}

// bestFree is the heaviest weight of a free worker at demand j.
func (s *flowSolver) bestFree(j int) (int64, bool) {
	for s.head[j] < len(s.free[j]) && s.assigned[s.free[j][s.head[j]].worker] != unassigned {
		s.head[j]++
	}
	if s.head[j] == len(s.free[j]) {
		return 0, false
	}
	return s.free[j][s.head[j]].weight, true
}

// bestFreeWorker is that worker; call it only after bestFree found one.
func (s *flowSolver) bestFreeWorker(j int32) int32 {
	s.bestFree(int(j))
	return s.free[j][s.head[j]].worker
}

func (s *flowSolver) recomputeHops(i int) {
	row, via := s.hop[i], s.via[i]
	for j := range row {
		row[j], via[j] = noPath, -1
	}
	for _, u := range s.members[i] {
		for _, a := range s.arcs[u] {
			if a.demand == int32(i) {
				continue
			}
			if c := s.weight[u] - a.weight; c < row[a.demand] {
				row[a.demand], via[a.demand] = c, u
			}
		}
	}
	s.dirty[i] = false
}

func (s *flowSolver) seat(u, j int32) {
	for _, a := range s.arcs[u] {
		if a.demand == j {
			s.weight[u] = a.weight
		}
	}
	s.assigned[u] = j
	s.pos[u] = int32(len(s.members[j]))
	s.members[j] = append(s.members[j], u)
	s.load[j]++
	s.dirty[j] = true
}

func (s *flowSolver) unseat(u int32) {
	j := s.assigned[u]
	ms := s.members[j]
	last := ms[len(ms)-1]
	ms[s.pos[u]], s.pos[last] = last, s.pos[u]
	s.members[j] = ms[:len(ms)-1]
	s.load[j]--
	s.dirty[j] = true
	s.assigned[u] = unassigned
}

// greedyAssignment takes arcs heaviest first while the worker is free and
// the demand has a seat: the obvious method, reported beside the optimum.
// Ties go to the lower worker, then the lower demand index.
func greedyAssignment(caps []int, arcs [][]arc) []int32 {
	pairs := sortedPairs(arcs)
	assigned := make([]int32, len(arcs))
	for u := range assigned {
		assigned[u] = unassigned
	}
	load := make([]int, len(caps))
	for _, p := range pairs {
		if assigned[p.u] == unassigned && load[p.j] < caps[p.j] {
			assigned[p.u] = p.j
			load[p.j]++
		}
	}
	return assigned
}

// pair is one arc with its worker.
type pair struct {
	u, j int32
	w    int64
}

// sortedPairs lists every arc heaviest first; among equal weights the
// lower worker, then the lower demand, first.
func sortedPairs(arcs [][]arc) []pair {
	n := 0
	for _, as := range arcs {
		n += len(as)
	}
	pairs := make([]pair, 0, n)
	for u, as := range arcs {
		for _, a := range as {
			pairs = append(pairs, pair{int32(u), a.demand, a.weight})
		}
	}
	// The pairs are in worker order and each worker's in demand order
	// (arcs lists them so), which is the order among equal weights.
	return heaviestFirst(pairs, func(p pair) int64 { return p.w })
}

// heaviestFirst sorts xs by falling weight, keeping their order among
// equal weights. Weights are scores in millionths, a range of a million at
// most, so it counts them (one pass to count, one to place) where a
// comparison sort of the millions of pairs of a large job fair takes
// seconds; a wider range falls back to a stable sort.
func heaviestFirst[T any](xs []T, weight func(T) int64) []T {
	if len(xs) == 0 {
		return xs
	}
	lo, hi := weight(xs[0]), weight(xs[0])
	for _, x := range xs {
		lo, hi = min(lo, weight(x)), max(hi, weight(x))
	}
	if hi-lo > countingSortRange {
		slices.SortStableFunc(xs, func(a, b T) int { return cmp.Compare(weight(b), weight(a)) })
		return xs
	}
	// at[w] is where the first x of weight hi-w goes.
	at := make([]int, hi-lo+2)
	for _, x := range xs {
		at[hi-weight(x)+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	out := make([]T, len(xs))
	for _, x := range xs {
		w := hi - weight(x)
		out[at[w]] = x
		at[w]++
	}
	return out
}

// countingSortRange is the widest range of weights heaviestFirst counts.
const countingSortRange = 1 << 22
