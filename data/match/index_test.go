package match

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// bruteTopWorkers ranks workers the slow, obvious way: Eligible and Score
// for every one, sorted by band, score, priority, 可到岗日期 (none last),
// ID; then each pair of equal scores is compared for the tie notes.
func bruteTopWorkers(ws []Worker, d Demand, k int) []Candidate {
	type entry struct {
		c Candidate
		w Worker
	}
	var all []entry
	for _, w := range ws {
		if ok, _ := Eligible(w, d, genToday); ok {
			all = append(all, entry{Candidate{WorkerID: w.ID, Name: w.Name, Result: Score(w, d, genToday)}, w})
		}
	}
	rank := func(e entry) int64 { return rankKey(e.c.Result.Band, e.c.Result.Score) }
	first := func(e entry) bool { return e.w.Priority == PriorityLifted || e.w.Priority == PriorityMonitored }
	// waitOrder: known dates by date, then unknown.
	waitOrder := func(a, b entry) int {
		da, db := dayOf(a.w.AvailableFrom), dayOf(b.w.AvailableFrom)
		switch {
		case da == noDay && db == noDay:
			return 0
		case da == noDay:
			return 1
		case db == noDay:
			return -1
		}
		return cmp.Compare(da, db)
	}
	slices.SortFunc(all, func(a, b entry) int {
		firstOrder := 0
		if first(a) != first(b) {
			firstOrder = 1
			if first(a) {
				firstOrder = -1
			}
		}
		return cmp.Or(cmp.Compare(rank(b), rank(a)), firstOrder, waitOrder(a, b), cmp.Compare(a.c.WorkerID, b.c.WorkerID))
	})
	all = all[:min(k, len(all))]
	out := make([]Candidate, len(all))
	for i, e := range all {
		note := ""
		for _, o := range all[i+1:] {
			if rank(o) != rank(e) {
				continue
			}
			if first(e) && !first(o) {
				note = "同分优先：" + e.w.Priority.Label()
				break
			}
			if first(e) == first(o) && waitOrder(e, o) < 0 {
				note = "同分优先：待业最久" // a priority note found later wins
			}
		}
		out[i] = e.c
		if note != "" {
			out[i].Result.TieNote = note
			out[i].Result.Matched = append(out[i].Result.Matched, note)
		}
	}
	return out
}

func sameCandidates(t *testing.T, label string, got, want []Candidate) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d candidates, want %d", label, len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: candidate %d\n got  %+v\n want %+v", label, i, got[i], want[i])
		}
	}
}

func TestTopWorkersMatchesBruteForce(t *testing.T) {
	ws := genWorkerSlice(1, 3000)
	ix := Build(slices.Values(ws), nil)
	if n, _ := ix.Len(); n != len(ws) {
		t.Fatalf("index holds %d workers, want %d", n, len(ws))
	}
	notes := map[string]int{}
	for i, d := range genDemands(1, 40) {
		for _, k := range []int{1, 20, 5000} {
			got := ix.TopWorkers(d, k, genToday)
			sameCandidates(t, fmt.Sprintf("demand %d k %d", i, k), got, bruteTopWorkers(ws, d, k))
			for _, c := range got {
				notes[c.Result.TieNote]++
				if c.Result.BandNote != "" {
					notes["band"]++
				}
			}
		}
	}
	// The generated workers exercise every tie-break and held band.
	for _, note := range []string{"同分优先：脱贫户", "同分优先：监测对象", "同分优先：待业最久", "band"} {
		if notes[note] == 0 {
			t.Errorf("no candidate with %q: %v", note, notes)
		}
	}
}

func TestTopWorkersParallelScan(t *testing.T) {
	ws := genWorkerSlice(2, parallelMinWorkers+1234)
	ix := Build(slices.Values(ws), nil)
	for i, d := range genDemands(2, 3) {
		sameCandidates(t, fmt.Sprintf("demand %d", i), ix.TopWorkers(d, 50, genToday), bruteTopWorkers(ws, d, 50))
	}
}

func TestTopWorkersRanksAndExplains(t *testing.T) {
	d := baseDemand()
	strong := baseWorker()
	related := baseWorker()
	related.ID, related.Skills = "w2", []Skill{{"cleaner", 0}}
	welder := baseWorker()
	welder.ID, welder.Skills = "w3", []Skill{{"welder", 0}}
	placed := baseWorker()
	placed.ID, placed.Eligible = "w4", false
	ix := Build(slices.Values([]Worker{welder, placed, related, strong}), nil)
	got := ix.TopWorkers(d, 10, fixtureToday)
	var ids []string
	for _, c := range got {
		ids = append(ids, c.WorkerID)
	}
	if want := []string{"w1", "w2", "w3"}; !slices.Equal(ids, want) {
		t.Fatalf("ranked %v, want %v", ids, want)
	}
	if got[0].Name != "李秀兰" || got[0].Result.Score != 0.99 || got[0].Result.Parts[0].Reason != "工种相同：家政服务员" {
		t.Fatalf("first candidate %+v", got[0])
	}
	closed := d
	closed.Open = false
	if c := ix.TopWorkers(closed, 10, fixtureToday); c != nil {
		t.Fatalf("closed demand has candidates %v", c)
	}
}

func TestTopWorkersBandBeforeScore(t *testing.T) {
	// The welder scores 0.59 but is 不推荐; the 保育员 (group only, 0.3)
	// scores less yet is 可考虑 and must come first.
	d := baseDemand()
	d.MinLevel = 0
	welder := baseWorker()
	welder.Skills = []Skill{{"welder", 0}}
	group := baseWorker()
	group.ID, group.Skills = "w2", []Skill{{"childcare_worker", 0}}
	group.AvailableFrom = date(2026, 11, 1)
	ix := Build(slices.Values([]Worker{welder, group}), nil)
	got := ix.TopWorkers(d, 2, fixtureToday)
	// group: 0.4·0.3 + 0.15 + 0.20 + 0.15 + 0.10 = 0.72 (可考虑); welder 0.59.
	if got[0].WorkerID != "w2" || got[0].Result.Band != Consider || got[1].Result.Band != NotRecommended || got[1].Result.Score != 0.59 {
		t.Fatalf("got %s %v %v, %s %v %v", got[0].WorkerID, got[0].Result.Band, got[0].Result.Score, got[1].WorkerID, got[1].Result.Band, got[1].Result.Score)
	}
}

// TestIndexKeepsInStep applies a random stream of writes to the index and
// to a plain map, and checks after each batch that the index answers as if
// it had been built from the map.
func TestIndexKeepsInStep(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	ref := map[string]Worker{}
	var ids []string
	ix := NewIndex()
	compactions := 0
	demands := genDemands(3, 3)
	for batch := range 20 {
		for range 800 {
			before := len(ix.workers.feat)
			switch op := rng.IntN(10); {
			case op < 4 || len(ids) == 0: // new worker
				w := genWorker(rng)
				ref[w.ID] = w
				ids = append(ids, w.ID)
				ix.UpsertWorker(w)
			case op < 8: // edit: new features, often longer lists
				w := genWorker(rng)
				w.ID = pick(rng, ids)
				for range rng.IntN(4) {
					w.DesiredRegions = append(w.DesiredRegions, pick(rng, genDesired))
				}
				ref[w.ID] = w
				ix.UpsertWorker(w)
			case op < 9: // remove
				i := rng.IntN(len(ids))
				delete(ref, ids[i])
				ix.RemoveWorker(ids[i])
				ids[i] = ids[len(ids)-1]
				ids = ids[:len(ids)-1]
			default:
				ix.RemoveWorker(genID(rng)) // unknown: nothing happens
			}
			if len(ix.workers.feat) < before {
				compactions++
			}
		}
		if n, _ := ix.Len(); n != len(ref) {
			t.Fatalf("batch %d: index holds %d workers, map %d", batch, n, len(ref))
		}
		for _, id := range ids {
			got, ok := ix.Worker(id)
			if !ok {
				t.Fatalf("batch %d: worker %s lost", batch, id)
			}
			want := ref[id]
			if got.Name != want.Name || !reflect.DeepEqual(Score(got, demands[0], genToday), Score(want, demands[0], genToday)) {
				t.Fatalf("batch %d: worker %s came back as %+v, was %+v", batch, id, got, want)
			}
		}
		ws := make([]Worker, 0, len(ref))
		for _, w := range ref {
			ws = append(ws, w)
		}
		for i, d := range demands {
			sameCandidates(t, fmt.Sprintf("batch %d demand %d", batch, i), ix.TopWorkers(d, 30, genToday), bruteTopWorkers(ws, d, 30))
		}
		c := &ix.workers
		if c.featDead > max(compactMin, len(c.feat)/2) || c.textDead > max(compactMin, len(c.text)/2) {
			t.Fatalf("batch %d: garbage not compacted: feat %d/%d text %d/%d", batch, c.featDead, len(c.feat), c.textDead, len(c.text))
		}
	}
	t.Logf("%d compactions", compactions)
	if compactions == 0 {
		t.Fatal("the stream never triggered a compaction; the test does not cover it")
	}
}

func TestWorkerRoundTrip(t *testing.T) {
	w := baseWorker()
	w.DesiredOccupations = []string{"nanny", "no_such_key"}
	w.DesiredRegions = []string{"320000", "999999"}
	w.Priority = PriorityMonitored
	ix := Build(slices.Values([]Worker{w}), nil)
	got, ok := ix.Worker("w1")
	if !ok || !reflect.DeepEqual(got, w) {
		t.Fatalf("Worker = %+v, %v; want %+v", got, ok, w)
	}
	if _, ok := ix.Worker("nobody"); ok {
		t.Fatal("found an unknown worker")
	}
}

func TestTopDemandsMatchesBruteForce(t *testing.T) {
	ds := genDemands(4, 300)
	ds[0].Open = false
	ds[1].Left = 0
	ix := Build(nil, slices.Values(ds))
	ix.RemoveDemand(ds[2].ID)
	ix.RemoveDemand("unknown")
	edited := ds[3]
	edited.Occupation = "welder"
	ix.UpsertDemand(edited)
	live := append([]Demand{edited}, ds[4:]...)
	live = append(live, ds[0], ds[1])
	for i, w := range genWorkerSlice(4, 50) {
		w.Eligible = true
		var want []DemandCandidate
		for _, d := range live {
			if ok, _ := Eligible(w, d, genToday); ok {
				want = append(want, DemandCandidate{DemandID: d.ID, Title: d.Title, EmployerName: d.EmployerName, Result: Score(w, d, genToday)})
			}
		}
		slices.SortFunc(want, func(a, b DemandCandidate) int {
			return cmp.Or(cmp.Compare(rankKey(b.Result.Band, b.Result.Score), rankKey(a.Result.Band, a.Result.Score)), cmp.Compare(a.DemandID, b.DemandID))
		})
		want = want[:min(10, len(want))]
		got := ix.TopDemands(w, 10, genToday)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("worker %d:\n got  %+v\n want %+v", i, got, want)
		}
	}
	if d, ok := ix.Demand(edited.ID); !ok || d.Occupation != "welder" {
		t.Fatal("edit not kept")
	}
	if _, ok := ix.Demand(ds[2].ID); ok {
		t.Fatal("removed demand still there")
	}
}

// TestIndexConcurrentUse runs queries while writes happen; with -race it
// checks the locking.
func TestIndexConcurrentUse(t *testing.T) {
	ws := genWorkerSlice(5, 2000)
	ix := Build(slices.Values(ws), slices.Values(genDemands(5, 20)))
	ds := genDemands(6, 4)
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 50 {
				ix.TopWorkers(ds[(g+i)%len(ds)], 10, genToday)
				ix.TopDemands(ws[i], 5, genToday)
			}
		})
	}
	wg.Go(func() {
		rng := rand.New(rand.NewPCG(9, 9))
		for i := range 500 {
			w := genWorker(rng)
			w.ID = ws[i].ID
			ix.UpsertWorker(w)
			if i%5 == 0 {
				ix.RemoveWorker(ws[i+1000].ID)
				ix.UpsertDemand(genDemand(rng))
			}
		}
	})
	wg.Wait()
	if n, _ := ix.Len(); n != 1900 {
		t.Fatalf("%d workers after the writes, want 1900", n)
	}
}

func TestTopWithHugeK(t *testing.T) {
	ws := genWorkerSlice(8, 100)
	ds := genDemands(8, 10)
	ix := Build(slices.Values(ws), slices.Values(ds))
	sameCandidates(t, "huge k", ix.TopWorkers(ds[0], 1<<40, genToday), bruteTopWorkers(ws, ds[0], 100))
	w := ws[0]
	w.Eligible = true
	if got := ix.TopDemands(w, 1<<40, genToday); len(got) == 0 || len(got) > len(ds) {
		t.Fatalf("%d demands", len(got))
	}
	if len(ix.TopWorkers(ds[0], 0, genToday)) != 0 || len(NewIndex().TopWorkers(ds[0], 5, genToday)) != 0 {
		t.Fatal("candidates from k = 0 or an empty index")
	}
}
