package recommend

import (
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/match"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

func newMatcher(t *testing.T, s *storage.Store) *Matcher { return built(t, New, s) }

// built is the Matcher build makes on s, failing the test on an error.
func built(t *testing.T, build func(Source) (*Matcher, error), s Source) *Matcher {
	t.Helper()
	m, err := build(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func topWorkers(t *testing.T, m *Matcher, demandID string) []Ranked {
	t.Helper()
	return top20(t, m.TopWorkers, demandID)
}

func topDemands(t *testing.T, m *Matcher, workerID string) []Ranked {
	t.Helper()
	return top20(t, m.TopDemands, workerID)
}

// top20 is rank's first 20 for id, failing the test on an error.
func top20(t *testing.T, rank func(id string, k int) ([]Ranked, error), id string) []Ranked {
	t.Helper()
	r, err := rank(id, 20)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func workerIDs(rs []Ranked) []string { return idsOf(rs, func(r Ranked) string { return r.WorkerID }) }

func demandIDs(rs []Ranked) []string { return idsOf(rs, func(r Ranked) string { return r.DemandID }) }

func idsOf(rs []Ranked, id func(Ranked) string) []string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, id(r))
	}
	return ids
}

func find(rs []Ranked, id string) (Ranked, bool) {
	for _, r := range rs {
		if r.WorkerID == id || r.DemandID == id {
			return r, true
		}
	}
	return Ranked{}, false
}

// demandAndTwo is the set-up most tests share: a Nanjing employer's
// demand (changed by demand), the workers 王秀兰 and 马海燕 (马海燕
// changed by second), and the Matcher built on them.
func demandAndTwo(t *testing.T, demand func(*data.Demand), second func(*data.Worker)) (*storage.Store, *data.Demand, *data.Worker, *data.Worker, *Matcher) {
	t.Helper()
	s := openStore(t)
	e := newEmployer(t, s, "南京悦家家政服务有限公司")
	d := newDemand(t, s, e, demand)
	a := newWorker(t, s, "王秀兰", nil)
	b := newWorker(t, s, "马海燕", second)
	return s, d, a, b, newMatcher(t, s)
}

func TestBuildsFromTheStore(t *testing.T) {
	_, d, a, b, m := demandAndTwo(t, nil, func(w *data.Worker) { w.Skills = []data.Skill{{Occupation: "welder"}} })
	if w, n := m.Len(); w != 2 || n != 1 {
		t.Fatalf("index holds %d workers and %d demands, want 2 and 1", w, n)
	}
	got := topWorkers(t, m, d.ID)
	if ids := workerIDs(got); !slices.Equal(ids, []string{a.ID, b.ID}) {
		t.Fatalf("ranked %v, want %v", ids, []string{a.ID, b.ID})
	}
	if got[0].Name != "王秀兰" || got[0].BandLabel != "强匹配" || got[0].Score != 1 {
		t.Fatalf("first: %+v", got[0])
	}
	if !slices.Contains(got[0].Reasons, "户籍所在甘肃省为对口协作省份") {
		t.Fatalf("a Gansu worker at a Gansu sending office comes through the partner channel: %v", got[0].Reasons)
	}
	if got[1].BandLabel != "不推荐" || !slices.Contains(got[1].Missing, "无家政服务员或相近工种的技能或意向") {
		t.Fatalf("welder: %+v", got[1])
	}
	ds := topDemands(t, m, a.ID)
	if len(ds) != 1 || ds[0].DemandID != d.ID || ds[0].Name != "南京悦家家政服务有限公司·住家保姆" || ds[0].Score != 1 {
		t.Fatalf("demands for %s: %+v", a.Name, ds)
	}
}

func TestAnEditToAWorkerChangesTheNextMatch(t *testing.T) {
	// 王秀兰 holds 四级, below the 三级 asked.
	s, d, a, b, m := demandAndTwo(t, func(d *data.Demand) { d.MinLevel = catalog.Level3 },
		func(w *data.Worker) { w.Skills = []data.Skill{{Occupation: "welder"}} })
	if ids := workerIDs(topWorkers(t, m, d.ID)); !slices.Equal(ids, []string{a.ID, b.ID}) {
		t.Fatalf("before: %v", ids)
	}

	// The clerk records that 马海燕 holds a 二级 housekeeping certificate
	// and wants to work in Jiangning.
	b.Skills = []data.Skill{{Occupation: "housekeeper", Level: catalog.Level2}}
	b.DesiredRegions = []string{"320115"}
	if err := s.Update(b); err != nil {
		t.Fatal(err)
	}
	got := topWorkers(t, m, d.ID)
	if ids := workerIDs(got); !slices.Equal(ids, []string{b.ID, a.ID}) {
		t.Fatalf("after the skill edit: %v, want %s first", ids, b.Name)
	}
	if got[0].Score != 1 || !slices.Contains(got[0].Reasons, "工作地江苏省南京市江宁区即意向地区") {
		t.Fatalf("edited worker: %+v", got[0])
	}

	// 王秀兰 now only wants to go to Chongqing: her location part drops.
	before, _ := find(got, a.ID)
	a.DesiredRegions = []string{"500000"}
	if err := s.Update(a); err != nil {
		t.Fatal(err)
	}
	after, ok := find(topWorkers(t, m, d.ID), a.ID)
	if !ok || after.Score >= before.Score || !slices.Contains(after.Missing, "工作地江苏省南京市江宁区不在意向地区（重庆市）") {
		t.Fatalf("after the region edit: %+v (was %.6f)", after, before.Score)
	}
}

func TestAPlacementTakesTheWorkerOutUntilItEnds(t *testing.T) {
	s, d, a, b, m := demandAndTwo(t, func(d *data.Demand) { d.Headcount = 1 }, func(w *data.Worker) { w.Skills[0].Level = catalog.Level5 })
	if ids := workerIDs(topWorkers(t, m, d.ID)); !slices.Equal(ids, []string{a.ID, b.ID}) {
		t.Fatalf("before: %v", ids)
	}

	p := &data.Placement{WorkerID: a.ID, DemandID: d.ID, Stage: data.StageReferred}
	if err := s.Create(p); err != nil {
		t.Fatal(err)
	}
	if ids := workerIDs(topWorkers(t, m, d.ID)); !slices.Equal(ids, []string{b.ID}) {
		t.Fatalf("a referred worker is not put forward again: %v", ids)
	}
	if ds := topDemands(t, m, a.ID); len(ds) != 0 {
		t.Fatalf("demands for a referred worker: %v", demandIDs(ds))
	}
	if why, err := m.WorkerUnavailable(a.ID); err != nil || why == "" {
		t.Fatalf("why unavailable: %q, %v", why, err)
	}

	// Hired: the one position is filled, so the demand takes no one.
	p.Stage = data.StageHired
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if got := topWorkers(t, m, d.ID); len(got) != 0 {
		t.Fatalf("a filled demand still ranks %v", workerIDs(got))
	}
	if why, _ := m.DemandClosed(d.ID); why != "该用工需求已招满（1人）" {
		t.Fatalf("why closed: %q", why)
	}

	// Started and then left: the position opens and she is 待业 again.
	p.Stage = data.StageStarted
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	p.Stage, p.CloseReason = data.StageLeft, "personal"
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if ids := workerIDs(topWorkers(t, m, d.ID)); !slices.Equal(ids, []string{a.ID, b.ID}) {
		t.Fatalf("after the placement ended: %v", ids)
	}
}

func TestADeletedWorkerDropsOut(t *testing.T) {
	s, d, a, b, m := demandAndTwo(t, nil, nil)
	if err := s.Delete(&data.Worker{Synced: data.Synced{ID: b.ID}}); err != nil {
		t.Fatal(err)
	}
	if ids := workerIDs(topWorkers(t, m, d.ID)); !slices.Equal(ids, []string{a.ID}) {
		t.Fatalf("after the delete: %v", ids)
	}
	if _, err := m.TopDemands(b.ID, 5); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("a deleted worker: %v", err)
	}
	if w, _ := m.Len(); w != 1 {
		t.Fatalf("index holds %d workers", w)
	}
}

func TestDemandAndEmployerEditsShow(t *testing.T) {
	s := openStore(t)
	e := newEmployer(t, s, "南京悦家家政服务有限公司")
	d1 := newDemand(t, s, e, nil)
	a := newWorker(t, s, "王秀兰", nil)
	m := newMatcher(t, s)

	// A demand entered after the build is matched.
	d2 := newDemand(t, s, e, func(d *data.Demand) { d.Title, d.Occupation = "", "nanny" })
	ds := topDemands(t, m, a.ID)
	if ids := demandIDs(ds); !slices.Equal(ids, []string{d1.ID, d2.ID}) {
		t.Fatalf("demands: %v", ids)
	}
	if ds[1].Name != "南京悦家家政服务有限公司·育婴员" {
		t.Fatalf("an untitled demand is named by its 工种: %q", ds[1].Name)
	}

	e.Name = "南京悦家家庭服务有限公司"
	if err := s.Update(e); err != nil {
		t.Fatal(err)
	}
	d1.Status = data.DemandPaused
	if err := s.Update(d1); err != nil {
		t.Fatal(err)
	}
	ds = topDemands(t, m, a.ID)
	if len(ds) != 1 || ds[0].DemandID != d2.ID || ds[0].Name != "南京悦家家庭服务有限公司·育婴员" {
		t.Fatalf("after the edits: %+v", ds)
	}
	if got := topWorkers(t, m, d1.ID); len(got) != 0 {
		t.Fatalf("a paused demand ranks %v", workerIDs(got))
	}
	if why, _ := m.DemandClosed(d1.ID); why != "该用工需求状态为暂停" {
		t.Fatalf("why closed: %q", why)
	}
}

func TestADemandClosesWhenTheDayTurns(t *testing.T) {
	now := fixedNow
	s, err := storage.OpenWith(testdb.Location(t), storage.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	e := newEmployer(t, s, "南京悦家家政服务有限公司")
	d := newDemand(t, s, e, func(d *data.Demand) { d.ValidUntil = data.DateOf(fixedNow) })
	newWorker(t, s, "王秀兰", nil)
	m := newMatcher(t, s)
	if got := topWorkers(t, m, d.ID); len(got) != 1 {
		t.Fatalf("on its last day: %d candidates", len(got))
	}
	now = now.Add(24 * time.Hour)
	if got := topWorkers(t, m, d.ID); len(got) != 0 {
		t.Fatalf("the day after: %d candidates", len(got))
	}
}

func TestAPartnerPinnedLaterCounts(t *testing.T) {
	s := openStore(t) // Gansu office, Nanjing partner
	e := newEmployer(t, s, "南京悦家家政服务有限公司")
	d := newDemand(t, s, e, nil)
	w := newWorker(t, s, "罗小平", func(w *data.Worker) { w.HukouRegion = "510802" })
	m := newMatcher(t, s)
	r := topWorkers(t, m, d.ID)[0]
	if r.WorkerID != w.ID || !slices.Contains(r.Missing, "户籍所在四川省不是对口协作省份") {
		t.Fatalf("before: %+v", r)
	}
	if err := s.AddPartner(&data.Partner{ID: data.NewID(), Name: "广元市总工会", Region: "510800", Role: data.RoleSending}); err != nil {
		t.Fatal(err)
	}
	r2 := topWorkers(t, m, d.ID)[0]
	if !slices.Contains(r2.Reasons, "户籍所在四川省为对口协作省份") || r2.Score <= r.Score {
		t.Fatalf("after pinning Guangyuan: %+v", r2)
	}
}

func TestPartnerProvincesAreWhereWorkersComeFrom(t *testing.T) {
	nanjing := data.Partner{Region: "320100", Role: data.RoleReceiving}
	guangyuan := data.Partner{Region: "510800", Role: data.RoleSending}
	unknown := data.Partner{Region: "500112"}
	for _, c := range []struct {
		office   data.Office
		partners []data.Partner
		want     []string
	}{
		{data.Office{Region: "620123", Role: data.RoleSending}, []data.Partner{nanjing}, []string{"620000"}},
		{data.Office{Region: "320115", Role: data.RoleReceiving}, []data.Partner{guangyuan, nanjing}, []string{"510000"}},
		{data.Office{Region: "500112", Role: data.RoleBoth}, []data.Partner{guangyuan, unknown}, []string{"500000", "510000"}},
		{data.Office{Region: "320115", Role: data.RoleReceiving}, nil, nil},
	} {
		if got := partnerProvinces(&c.office, c.partners); !slices.Equal(got, c.want) {
			t.Errorf("office %s %s: %v, want %v", c.office.Region, c.office.Role, got, c.want)
		}
	}
}

func TestAllocateAndApply(t *testing.T) {
	s := openStore(t)
	e := newEmployer(t, s, "南京悦家家政服务有限公司")
	hk := newDemand(t, s, e, func(d *data.Demand) { d.Headcount = 1 })
	el := newDemand(t, s, e, func(d *data.Demand) { d.Occupation, d.Title, d.Headcount = "electrician", "电工", 2 })
	a := newWorker(t, s, "王秀兰", nil)
	b := newWorker(t, s, "马建国", func(w *data.Worker) { w.Skills = []data.Skill{{Occupation: "electrician"}} })
	c := newWorker(t, s, "李桂英", func(w *data.Worker) { w.Skills[0].Level = catalog.Level5; w.DesiredRegions = nil })
	m := newMatcher(t, s)

	alloc, err := m.Allocate(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ w, d string }
	var got []pair
	for _, x := range alloc.Assignments {
		got = append(got, pair{x.WorkerID, x.DemandID})
	}
	// 王秀兰 beats 李桂英 (who named no region) for the one housekeeping
	// place; 马建国 takes one of the two electrician places.
	if want := []pair{{a.ID, hk.ID}, {b.ID, el.ID}}; !slices.Equal(got, want) {
		t.Fatalf("assignments %v, want %v", got, want)
	}
	if len(alloc.Unfilled) != 1 || alloc.Unfilled[0] != (match.Unfilled{DemandID: el.ID, Left: 1}) {
		t.Fatalf("unfilled %+v", alloc.Unfilled)
	}
	if alloc.TotalScore != alloc.Assignments[0].Score+alloc.Assignments[1].Score {
		t.Fatalf("total %v", alloc.TotalScore)
	}

	n, err := m.Apply(alloc)
	if err != nil || n != 2 {
		t.Fatalf("apply: %d, %v", n, err)
	}
	ps, _, err := s.ListPlacements(data.PlacementFilter{}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	var recorded []pair
	for _, p := range ps {
		if p.Stage != data.StageReferred {
			t.Fatalf("placement at stage %s", p.Stage)
		}
		recorded = append(recorded, pair{p.WorkerID, p.DemandID})
	}
	sort.Slice(recorded, func(i, j int) bool { return recorded[i].w < recorded[j].w })
	if want := []pair{{a.ID, hk.ID}, {b.ID, el.ID}}; !slices.Equal(recorded, want) {
		t.Fatalf("recorded %v, want %v", recorded, want)
	}
	if ids := workerIDs(topWorkers(t, m, hk.ID)); !slices.Equal(ids, []string{c.ID}) {
		t.Fatalf("after apply, housekeeping ranks %v", ids)
	}

	// The same plan again is stale: refused whole, nothing written.
	if n, err := m.Apply(alloc); err == nil || n != 0 || !strings.Contains(err.Error(), "王秀兰") {
		t.Fatalf("stale apply: %d, %v", n, err)
	}
	if cnt, _ := s.CountPlacements(data.PlacementFilter{}); cnt != 2 {
		t.Fatalf("%d placements after a refused apply", cnt)
	}

	// Named demands: only those, in the order given.
	alloc, err = m.Allocate([]string{hk.ID}, nil)
	if err != nil || len(alloc.Assignments) != 1 || alloc.Assignments[0].WorkerID != c.ID {
		t.Fatalf("named demand: %+v, %v", alloc, err)
	}
	if _, err := m.Allocate([]string{"no-such-demand"}, nil); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("unknown demand: %v", err)
	}
}

func TestApplyIsOneTransaction(t *testing.T) {
	s, hk, a, b, m := demandAndTwo(t, nil, nil)
	// The third assignment repeats the second, which the Store refuses
	// inside the transaction: the first two must not be written either.
	plan := match.Allocation{Assignments: []match.Assignment{
		{WorkerID: a.ID, DemandID: hk.ID}, {WorkerID: b.ID, DemandID: hk.ID}, {WorkerID: b.ID, DemandID: hk.ID}}}
	n, err := m.Apply(plan)
	if err == nil || n != 0 || !strings.Contains(err.Error(), "推荐马海燕→南京悦家家政服务有限公司·住家保姆失败") {
		t.Fatalf("apply: %d, %v", n, err)
	}
	if cnt, _ := s.CountPlacements(data.PlacementFilter{}); cnt != 0 {
		t.Fatalf("%d placements written by a failed apply", cnt)
	}
	if ids := workerIDs(topWorkers(t, m, hk.ID)); len(ids) != 2 {
		t.Fatalf("after a failed apply the workers are still free: %v", ids)
	}
}

func TestUnknownIDsAreNotFound(t *testing.T) {
	s := openStore(t)
	m := newMatcher(t, s)
	if _, err := m.TopWorkers("nope", 5); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("TopWorkers: %v", err)
	}
	if _, err := m.TopDemands("nope", 5); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("TopDemands: %v", err)
	}
}

func TestRankedJSONKeys(t *testing.T) {
	r := rankedOf(match.Result{Score: 0.5, Band: match.Consider})
	r.WorkerID, r.Name = "w", "王秀兰"
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"worker_id":"w","name":"王秀兰","score":0.5,"band":"可考虑","reasons":[],"missing":[]}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
}

func TestWritesAndMatchesMayRunTogether(t *testing.T) {
	s := openStore(t)
	e := newEmployer(t, s, "南京悦家家政服务有限公司")
	d := newDemand(t, s, e, nil)
	w := newWorker(t, s, "王秀兰", nil)
	m := newMatcher(t, s)
	done := make(chan error)
	go func() {
		for i := range 30 {
			w.ExpectedWage = data.Yuan(int64(5000 + 100*i))
			if err := s.Update(w); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 30 {
		if _, err := m.TopWorkers(d.ID, 5); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// The last edit (期望7900元 against 6500元 offered) is what counts.
	r := topWorkers(t, m, d.ID)[0]
	if !slices.Contains(r.Missing, "工资上限6500元低于期望7900元（为期望的82%）") {
		t.Fatalf("after concurrent edits: %+v", r)
	}
}
