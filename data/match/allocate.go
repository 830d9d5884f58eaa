package match

import (
	"time"

	"duikou/data/catalog"
)

// Assignment places one worker at one demand.
type Assignment struct {
	WorkerID, DemandID string
	Score              float64
	Band               Band
}

// Unfilled is a demand left with open seats.
type Unfilled struct {
	DemandID string
	Left     int
}

// Allocation is the outcome of a job-fair allocation.
type Allocation struct {
	Assignments      []Assignment // in the order of the demands, then of the workers given
	TotalScore       float64      // the maximum total score
	GreedyTotalScore float64      // what taking the best pairs first would have reached
	GreedyAssigned   int          // how many workers greedy would have placed
	Unfilled         []Unfilled   // demands with seats left, in the order given
	// Unassigned are the workers not placed who had at least one pair
	// allowed (强匹配 or 可考虑 at an open demand), in the order given.
	Unassigned []string
}

// Allocate assigns workers to demands for a job fair: each worker at most
// once, each demand at most its Room (the headcount left, less what open
// referrals already use up under the over-referral ratio), maximising the
// total score exactly. A pair may be assigned only if it passes Eligible and
// its band is 强匹配 or 可考虑 (so its score is at least ConsiderThreshold):
// a clerk should not be handed a 不推荐 pair because it raised a total.
// Leaving a seat empty is allowed; the optimum does not place as many
// workers as possible when that would lower the total.
//
// Scores are whole millionths (see Score), so the solver's integer weights
// are exact and the totals are exact sums. A worker or demand ID given twice
// counts once (the first). progress, if not nil, is called as the work
// advances with done <= total and finally with done == total; total stays
// the same throughout.
func Allocate(workers []Worker, demands []Demand, today time.Time, progress func(done, total int)) Allocation {
	workers = firstOfEach(workers, func(w Worker) string { return w.ID })
	demands = firstOfEach(demands, func(d Demand) string { return d.ID })

	// Scoring every pair is most of the work for a large pool (100,000
	// workers by 100 demands is ten million pairs), so it reports the
	// first half of the progress and the solve the second.
	scoring, solving := halves(progress)
	var pool fairPool
	var kept []int // pool worker → index in workers
	for u, w := range workers {
		var arcs []arc
		for j, d := range demands {
			// An unrelated occupation is 不推荐 whatever the rest (see
			// bandOf): skip it before the costlier filters and parts.
			if !relatedAtAll(w, d.Occupation) {
				continue
			}
			if ok, _ := Eligible(w, d, today); !ok {
				continue
			}
			if e := evaluate(w, d, today); e.band != NotRecommended {
				arcs = append(arcs, arc{int32(j), micros(e.score)})
			}
		}
		if len(arcs) > 0 {
			pool.ids = append(pool.ids, w.ID)
			pool.arcs = append(pool.arcs, arcs)
			kept = append(kept, u)
		}
		if scoring != nil && (u+1)%1024 == 0 {
			scoring(u+1, len(workers))
		}
	}
	// The band rests on more than the score (the 强匹配 conditions), so
	// the placed pairs are evaluated once more.
	return pool.allocate(demands, solving, func(u, j int) Band {
		return evaluate(workers[kept[u]], demands[j], today).band
	})
}

// fairPool is the workers of a job fair who have at least one allowed
// pair, in the order given, each with its arcs in the order of the
// demands. Workers without one can take no seat and change nothing in the
// solve, so they are left out.
type fairPool struct {
	ids  []string
	arcs [][]arc
}

// allocate solves the assignment for the pool and the demands (each
// demand's seats are its Room when open) and reports it; band gives the
// band of an assigned pair (pool worker u, demand j).
func (p *fairPool) allocate(demands []Demand, solving func(done, total int), band func(u, j int) Band) Allocation {
	caps := make([]int, len(demands))
	for j, d := range demands {
		if d.Open {
			caps[j] = d.Room()
		}
	}
	best := maxWeightAssignment(caps, p.arcs, solving)
	greedy := greedyAssignment(caps, p.arcs)

	var out Allocation
	weightOf := func(u int, j int32) int64 {
		for _, a := range p.arcs[u] {
			if a.demand == j {
				return a.weight
			}
		}
		panic("match: assigned along a missing arc")
	}
	var total, greedyTotal int64
	load := make([]int, len(demands))
	byDemand := make([][]int, len(demands))
	for u, j := range best {
		if j == unassigned {
			out.Unassigned = append(out.Unassigned, p.ids[u])
			continue
		}
		total += weightOf(u, j)
		load[j]++
		byDemand[j] = append(byDemand[j], u)
	}
	for u, j := range greedy {
		if j != unassigned {
			greedyTotal += weightOf(u, j)
			out.GreedyAssigned++
		}
	}
	for j, us := range byDemand {
		for _, u := range us {
			out.Assignments = append(out.Assignments, Assignment{
				WorkerID: p.ids[u], DemandID: demands[j].ID,
				Score: fromMicros(weightOf(u, int32(j))), Band: band(u, j),
			})
		}
		if left := caps[j] - load[j]; left > 0 {
			out.Unfilled = append(out.Unfilled, Unfilled{DemandID: demands[j].ID, Left: left})
		}
	}
	out.TotalScore = fromMicros(total)
	out.GreedyTotalScore = fromMicros(greedyTotal)
	return out
}

func fromMicros(m int64) float64 { return float64(m) / 1e6 }

func firstOfEach[T any](xs []T, id func(T) string) []T {
	seen := make(map[string]bool, len(xs))
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		if k := id(x); !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// relatedAtAll reports whether any of the worker's skills or wishes is
// related to occupation, i.e. whether evaluate's occupation part is above
// zero.
func relatedAtAll(w Worker, occupation string) bool {
	for _, s := range w.Skills {
		if catalog.Relatedness(s.Occupation, occupation) > 0 {
			return true
		}
	}
	for _, o := range w.DesiredOccupations {
		if catalog.Relatedness(o, occupation) > 0 {
			return true
		}
	}
	return false
}

// progressScale is the total the halves report against.
const progressScale = 1000

// halves splits one progress callback into two phases, each reporting its
// own done/total into one half of a fixed scale, so the bar only moves
// forward. Both are nil when progress is.
func halves(progress func(done, total int)) (first, second func(done, total int)) {
	if progress == nil {
		return nil, nil
	}
	const half = progressScale / 2
	first = func(done, total int) { progress(done*half/max(total, 1), progressScale) }
	second = func(done, total int) { progress(half+done*half/max(total, 1), progressScale) }
	return first, second
}
