package match

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteBest tries every assignment (each worker to one demand or none) and
// returns the best total weight that respects the arcs and the caps.
func bruteBest(caps []int, arcs [][]arc) int64 {
	load := make([]int, len(caps))
	var best int64
	var walk func(u int, sum int64)
	walk = func(u int, sum int64) {
		if u == len(arcs) {
			best = max(best, sum)
			return
		}
		walk(u+1, sum)
		for _, a := range arcs[u] {
			if load[a.demand] < caps[a.demand] {
				load[a.demand]++
				walk(u+1, sum+a.weight)
				load[a.demand]--
			}
		}
	}
	walk(0, 0)
	return best
}

// checkAssignment verifies the constraints and returns the total weight.
func checkAssignment(t *testing.T, label string, caps []int, arcs [][]arc, assigned []int32) int64 {
	t.Helper()
	load := make([]int, len(caps))
	var total int64
	for u, j := range assigned {
		if j == unassigned {
			continue
		}
		i := slices.IndexFunc(arcs[u], func(a arc) bool { return a.demand == j })
		if i < 0 {
			t.Fatalf("%s: worker %d assigned to demand %d without an arc", label, u, j)
		}
		total += arcs[u][i].weight
		load[j]++
	}
	for j := range caps {
		if load[j] > caps[j] {
			t.Fatalf("%s: demand %d holds %d, cap %d", label, j, load[j], caps[j])
		}
	}
	return total
}

func randomInstance(rng *rand.Rand, maxWorkers, maxDemands, maxCap int) ([]int, [][]arc) {
	caps := make([]int, 1+rng.IntN(maxDemands))
	for j := range caps {
		caps[j] = 1 + rng.IntN(maxCap)
	}
	arcs := make([][]arc, 1+rng.IntN(maxWorkers))
	density := 0.3 + 0.7*rng.Float64()
	// Allocate's weights are at least ConsiderThreshold, where rarely does
	// a longer path lose; a third of the instances use any positive weight
	// so that stopping before a losing path is tested too.
	wide := rng.IntN(3) == 0
	for u := range arcs {
		for j := range caps {
			if rng.Float64() < density {
				// Few distinct weights make ties, where wrong tie handling shows.
				w := int64(500_000 + 50_000*rng.IntN(11))
				if rng.IntN(3) == 0 {
					w = int64(500_000 + rng.IntN(500_001))
				}
				if wide {
					w = int64(1 + rng.IntN(1_000_000))
				}
				arcs[u] = append(arcs[u], arc{int32(j), w})
			}
		}
	}
	return caps, arcs
}

func TestAssignmentOptimalAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	strictlyBetter := 0
	for n := range 2000 {
		caps, arcs := randomInstance(rng, 6, 3, 3)
		label := fmt.Sprintf("instance %d (caps %v, arcs %v)", n, caps, arcs)
		got := checkAssignment(t, label, caps, arcs, maxWeightAssignment(caps, arcs, nil))
		want := bruteBest(caps, arcs)
		if got != want {
			t.Fatalf("%s: total %d, brute force %d", label, got, want)
		}
		greedy := checkAssignment(t, label+" greedy", caps, arcs, greedyAssignment(caps, arcs))
		if greedy > got {
			t.Fatalf("%s: greedy %d beats the optimum %d", label, greedy, got)
		}
		if greedy < got {
			strictlyBetter++
		}
	}
	if strictlyBetter == 0 {
		t.Fatal("greedy was never worse: the instances are too easy to test anything")
	}
	t.Logf("optimum beat greedy on %d of 2000 instances", strictlyBetter)
}

// referenceFlow is textbook min-cost flow by successive shortest paths with
// Bellman–Ford over every node of the full graph (source, workers, demands,
// sink), stopping when a path no longer gains. It checks the demand-only
// search of maxWeightAssignment on instances too large for brute force.
func referenceFlow(caps []int, arcs [][]arc) int64 {
	nW, nD := len(arcs), len(caps)
	src, sink := nW+nD, nW+nD+1
	n := nW + nD + 2
	type edge struct {
		to, rev, cap int
		cost         int64
	}
	g := make([][]edge, n)
	add := func(a, b, c int, cost int64) {
		g[a] = append(g[a], edge{b, len(g[b]), c, cost})
		g[b] = append(g[b], edge{a, len(g[a]) - 1, 0, -cost})
	}
	for u, as := range arcs {
		add(src, u, 1, 0)
		for _, a := range as {
			add(u, nW+int(a.demand), 1, -a.weight)
		}
	}
	for j, c := range caps {
		add(nW+j, sink, c, 0)
	}
	var total int64
	for {
		dist := make([]int64, n)
		prev := make([][2]int, n)
		for i := range dist {
			dist[i] = noPath
		}
		dist[src] = 0
		for changed := true; changed; {
			changed = false
			for v := range n {
				if dist[v] == noPath {
					continue
				}
				for i, e := range g[v] {
					if e.cap > 0 && dist[v]+e.cost < dist[e.to] {
						dist[e.to], prev[e.to], changed = dist[v]+e.cost, [2]int{v, i}, true
					}
				}
			}
		}
		if dist[sink] >= 0 {
			return total
		}
		total -= dist[sink]
		for v := sink; v != src; {
			p := prev[v]
			e := &g[p[0]][p[1]]
			e.cap--
			g[v][e.rev].cap++
			v = p[0]
		}
	}
}

func TestAssignmentOptimalOnLargerInstances(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	for n := range 150 {
		caps, arcs := randomInstance(rng, 60, 8, 6)
		label := fmt.Sprintf("instance %d", n)
		got := checkAssignment(t, label, caps, arcs, maxWeightAssignment(caps, arcs, nil))
		if want := referenceFlow(caps, arcs); got != want {
			t.Fatalf("%s: total %d, reference flow %d", label, got, want)
		}
	}
}

func TestAssignmentDoesNotChaseCardinality(t *testing.T) {
	// Worker 0 fits demand 0 (1.0) and demand 1 (0.1); worker 1 only
	// demand 0 (0.5). Two placements total 0.6; one placement 1.0 is best.
	caps := []int{1, 1}
	arcs := [][]arc{{{0, 1_000_000}, {1, 100_000}}, {{0, 500_000}}}
	got := maxWeightAssignment(caps, arcs, nil)
	if !slices.Equal(got, []int32{0, unassigned}) {
		t.Fatalf("assigned %v, want [0 -1]", got)
	}
}

func TestAssignmentBeatsGreedy(t *testing.T) {
	// Greedy seats worker 0 at demand 0 (0.9) and strands worker 1; the
	// optimum moves worker 0 to demand 1: 0.8 + 0.85 = 1.65.
	caps := []int{1, 1}
	arcs := [][]arc{{{0, 900_000}, {1, 800_000}}, {{0, 850_000}}}
	if got := maxWeightAssignment(caps, arcs, nil); !slices.Equal(got, []int32{1, 0}) {
		t.Fatalf("optimum %v, want [1 0]", got)
	}
	if got := greedyAssignment(caps, arcs); !slices.Equal(got, []int32{0, unassigned}) {
		t.Fatalf("greedy %v, want [0 -1]", got)
	}
}

// bruteAllocate is the specification of Allocate in its plainest form:
// try every assignment of workers to eligible, not-不推荐 demands.
func bruteAllocate(ws []Worker, ds []Demand) int64 {
	caps := make([]int, len(ds))
	arcs := make([][]arc, len(ws))
	for j, d := range ds {
		caps[j] = max(d.Left, 0)
	}
	for u, w := range ws {
		for j, d := range ds {
			ok, _ := Eligible(w, d, genToday)
			r := Score(w, d, genToday)
			if ok && r.Band != NotRecommended {
				arcs[u] = append(arcs[u], arc{int32(j), micros(r.Score)})
			}
		}
	}
	return bruteBest(caps, arcs)
}

func TestAllocateAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	// Few occupations and regions so that most pairs can be assigned.
	occs := []string{"housekeeper", "cleaner", "nanny"}
	for n := range 400 {
		ws := make([]Worker, 1+rng.IntN(6))
		for i := range ws {
			ws[i] = genWorker(rng)
			ws[i].Eligible = rng.IntN(8) > 0
			ws[i].Skills = []Skill{{pick(rng, occs), 0}}
		}
		ds := make([]Demand, 1+rng.IntN(3))
		for j := range ds {
			ds[j] = genDemand(rng)
			ds[j].Occupation = pick(rng, occs)
			ds[j].Left = 1 + rng.IntN(3)
			ds[j].Sex, ds[j].AgeMin, ds[j].AgeMax = AnySex, 0, 0
			ds[j].Open = rng.IntN(10) > 0
		}
		a := Allocate(ws, ds, genToday, nil)
		label := fmt.Sprintf("instance %d", n)
		checkAllocation(t, label, ws, ds, a)
		if want := bruteAllocate(ws, openOnly(ds)); micros(a.TotalScore) != want {
			t.Fatalf("%s: total %v, brute force %v", label, a.TotalScore, fromMicros(want))
		}
		if a.GreedyTotalScore > a.TotalScore {
			t.Fatalf("%s: greedy %v beats %v", label, a.GreedyTotalScore, a.TotalScore)
		}
	}
}

// openOnly zeroes the headcount of closed demands, which is how Allocate
// treats them.
func openOnly(ds []Demand) []Demand {
	out := slices.Clone(ds)
	for i := range out {
		if !out[i].Open {
			out[i].Left = 0
		}
	}
	return out
}

// checkAllocation verifies every constraint of an Allocation.
func checkAllocation(t *testing.T, label string, ws []Worker, ds []Demand, a Allocation) {
	t.Helper()
	byID := map[string]Worker{}
	for _, w := range ws {
		byID[w.ID] = w
	}
	dByID := map[string]Demand{}
	for _, d := range ds {
		dByID[d.ID] = d
	}
	placed := map[string]bool{}
	load := map[string]int{}
	var sum int64
	for _, as := range a.Assignments {
		w, d := byID[as.WorkerID], dByID[as.DemandID]
		if placed[as.WorkerID] {
			t.Fatalf("%s: worker %s placed twice", label, as.WorkerID)
		}
		placed[as.WorkerID] = true
		load[as.DemandID]++
		if ok, why := Eligible(w, d, genToday); !ok {
			t.Fatalf("%s: ineligible pair assigned: %s", label, why)
		}
		r := Score(w, d, genToday)
		if r.Band == NotRecommended || r.Score != as.Score || r.Band != as.Band {
			t.Fatalf("%s: assignment %+v, pair scores %v %s", label, as, r.Score, r.Band.Label())
		}
		sum += micros(as.Score)
	}
	if micros(a.TotalScore) != sum {
		t.Fatalf("%s: total %v, assignments sum to %v", label, a.TotalScore, fromMicros(sum))
	}
	unfilled := map[string]int{}
	for _, u := range a.Unfilled {
		unfilled[u.DemandID] = u.Left
	}
	for _, d := range ds {
		if load[d.ID] > d.Left {
			t.Fatalf("%s: demand %s holds %d of %d", label, d.ID, load[d.ID], d.Left)
		}
		if want := d.Left - load[d.ID]; d.Open && want > 0 && unfilled[d.ID] != want {
			t.Fatalf("%s: demand %s reported %d unfilled, want %d", label, d.ID, unfilled[d.ID], want)
		}
	}
	// Unassigned: the workers with an allowed pair who were not placed.
	candidates := 0
	for _, w := range ws {
		for _, d := range ds {
			if ok, _ := Eligible(w, d, genToday); ok && Score(w, d, genToday).Band != NotRecommended {
				candidates++
				break
			}
		}
	}
	if len(a.Unassigned)+len(a.Assignments) != candidates {
		t.Fatalf("%s: %d unassigned + %d assigned != %d workers with an allowed pair", label, len(a.Unassigned), len(a.Assignments), candidates)
	}
	for _, id := range a.Unassigned {
		if placed[id] {
			t.Fatalf("%s: worker %s both placed and unassigned", label, id)
		}
	}
}

func TestAllocateJobFair(t *testing.T) {
	ws, ds := jobFair()
	var calls, last, lastTotal int
	a := Allocate(ws, ds, genToday, func(done, total int) {
		if done < last || done > total || (calls > 0 && total != lastTotal) {
			t.Fatalf("progress %d/%d after %d/%d", done, total, last, lastTotal)
		}
		calls++
		last, lastTotal = done, total
	})
	checkAllocation(t, "job fair", ws, ds, a)
	if last != lastTotal || calls < 2 || calls > 110 {
		t.Fatalf("progress ended at %d/%d after %d calls", last, lastTotal, calls)
	}
	if a.GreedyTotalScore > a.TotalScore {
		t.Fatalf("greedy %v beats %v", a.GreedyTotalScore, a.TotalScore)
	}
	t.Logf("placed %d of %d workers, total %.6f, greedy %.6f with %d placed, %d demands unfilled",
		len(a.Assignments), len(ws), a.TotalScore, a.GreedyTotalScore, a.GreedyAssigned, len(a.Unfilled))
}

func TestAllocateCountsDuplicatesOnce(t *testing.T) {
	w := baseWorker()
	d := baseDemand()
	d.Left = 2
	a := Allocate([]Worker{w, w}, []Demand{d, d}, fixtureToday, nil)
	if len(a.Assignments) != 1 || a.TotalScore != 0.99 || len(a.Unfilled) != 1 || a.Unfilled[0].Left != 1 {
		t.Fatalf("allocation %+v", a)
	}
}

// jobFair is the demo job fair: 2,000 Gansu workers and 55 Nanjing
// employers offering 1,600 positions, mostly domestic service.
func jobFair() ([]Worker, []Demand) {
	rng := rand.New(rand.NewPCG(2026, 55))
	ws := make([]Worker, 2000)
	for i := range ws {
		ws[i] = genWorker(rng)
		ws[i].Eligible = true
		ws[i].HomeProvince = "620000"
		if rng.IntN(3) > 0 {
			ws[i].DesiredRegions = []string{pick(rng, []string{"320000", "320100", "320115"})}
		}
	}
	ds := make([]Demand, 55)
	left := 1600
	for j := range ds {
		ds[j] = genDemand(rng)
		ds[j].WorkRegion = pick(rng, []string{"320115", "320102", "320104", "320106", "320111"})
		ds[j].PartnerProvinces = []string{"620000"}
		ds[j].Left = left / (55 - j) // 29 or 30 each, 1,600 in all
		left -= ds[j].Left
	}
	return ws, ds
}

// Open referrals use up a demand's seats at a job fair: 3 left at ratio 2
// with 5 referrals open leaves room for one, however many workers fit.
func TestAllocateLeavesRoomForOpenReferrals(t *testing.T) {
	d := baseDemand()
	d.Left, d.Referred, d.OverReferral = 3, 5, 2
	if d.Room() != 1 {
		t.Fatalf("room = %d, want 1", d.Room())
	}
	var ws []Worker
	for i := range 4 {
		w := baseWorker()
		w.ID = fmt.Sprintf("w%d", i)
		ws = append(ws, w)
	}
	a := Allocate(ws, []Demand{d}, genToday, nil)
	if len(a.Assignments) != 1 || len(a.Unfilled) != 0 {
		t.Fatalf("assigned %d, unfilled %v; want 1 and none", len(a.Assignments), a.Unfilled)
	}
	// Without the ratio (0) referrals are not counted: all 3 seats.
	d.OverReferral = 0
	if a := Allocate(ws, []Demand{d}, genToday, nil); len(a.Assignments) != 3 {
		t.Fatalf("without the ratio assigned %d, want 3", len(a.Assignments))
	}
	// More open than the ceiling (after a hire) is room 0, not negative.
	d.OverReferral, d.Referred = 2, 9
	if d.Room() != 0 {
		t.Fatalf("room = %d, want 0", d.Room())
	}
}
