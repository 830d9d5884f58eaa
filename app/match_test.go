package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/cli"
	"duikou/data/ident"
	"duikou/data/recommend"
	"duikou/data/storage"
)

// matchWorker stores an eligible 榆中县 housekeeper (四级) who wants to
// work in 南京市, after edit has shaped her.
func (h *harness) matchWorker(seq int, name string, edit func(w *data.Worker)) *data.Worker {
	h.t.Helper()
	w := testWorker(seq, name)
	w.DesiredRegions = []string{"320100"}
	w.ExpectedWage = data.Yuan(5000)
	w.ConsentDate = h.s.Today() // the worker form asks for it
	if edit != nil {
		edit(w)
	}
	if err := h.s.Create(w); err != nil {
		h.t.Fatal(err)
	}
	return w
}

// matchDemand stores a housekeeping demand in 江宁区 of a new employer.
func (h *harness) matchDemand(body8, employer string, edit func(d *data.Demand)) *data.Demand {
	h.t.Helper()
	e := &data.Employer{Name: employer, CreditCode: testCreditCode(body8), Region: "320115"}
	if err := h.s.Create(e); err != nil {
		h.t.Fatal(err)
	}
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 5,
		WorkRegion: "320115", WageMin: data.Yuan(4500), WageMax: data.Yuan(6500)}
	if edit != nil {
		edit(d)
	}
	if err := h.s.Create(d); err != nil {
		h.t.Fatal(err)
	}
	return d
}

// openMatch shows 匹配推荐 and waits for its index.
func (h *harness) openMatch() *matchScreen {
	h.t.Helper()
	h.g.navigate(screenMatch)
	h.settle()
	s := h.g.match
	if s.engine == nil {
		h.t.Fatalf("the match index was not built: %s", s.state.Text)
	}
	return s
}

// pickDemand searches the demand list and picks the first hit.
func (h *harness) pickDemand(s *matchScreen, q string) {
	h.t.Helper()
	h.typeInto(s.byDemand.pick.entry, q)
	if len(s.byDemand.pick.items) == 0 {
		h.t.Fatalf("no demand found for %q", q)
	}
	s.byDemand.pick.list.Select(0)
	h.settle()
}

// referTicked ticks the workers in the 按需求找人 ranking and taps
// 推荐所选, whose label counts them.
func (h *harness) referTicked(s *matchScreen, workerIDs ...string) {
	h.t.Helper()
	for _, id := range workerIDs {
		s.byDemand.table.setChecked(id, true)
	}
	h.tap(fmt.Sprintf("推荐所选（%d 人）", len(workerIDs)))
}

// cliRanking runs `duikou match --demand id --top 50 --json` on the file
// and returns the worker ids it lists, best first.
func cliRanking(t *testing.T, path, demandID string) []string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Run([]string{"match", "--db", path, "--demand", demandID, "--top", strconv.Itoa(rankLimit), "--json"}, &out, &errOut); code != cli.ExitOK {
		t.Fatalf("duikou match: %d %s", code, errOut.String())
	}
	var rows []struct {
		WorkerID string `json:"worker_id"`
	}
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.WorkerID
	}
	return ids
}

func candidateIDs(rows []candidate) []string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.r.WorkerID
	}
	return ids
}

// fourCandidates: a demand and four workers who rank differently.
func fourCandidates(h *harness) (*data.Demand, []*data.Worker) {
	d := h.matchDemand("MA1XY2K2", "南京悦家家政服务有限公司", func(d *data.Demand) { d.MinLevel = catalog.Level3 })
	ws := []*data.Worker{
		h.matchWorker(1, "王秀兰", nil),
		h.matchWorker(2, "马海燕", func(w *data.Worker) { w.Skills = []data.Skill{{Occupation: "welder", Level: catalog.Level3}} }),
		h.matchWorker(3, "李春梅", func(w *data.Worker) {
			w.Skills = []data.Skill{{Occupation: "housekeeper", Level: catalog.Level2}}
			w.DesiredRegions = []string{"320115"}
		}),
		h.matchWorker(4, "张兰", func(w *data.Worker) { w.DesiredRegions = []string{"500000"} }),
	}
	return d, ws
}

func TestMatchScreenRanksAsTheMatcherAndTheCommandLine(t *testing.T) {
	h := newHarness(t, true)
	d, ws := fourCandidates(h)
	s := h.openMatch()
	h.mustShow("匹配索引已建立：4 名劳动者，1 条用工需求")

	h.pickDemand(s, "保姆") // a 工种 alias finds the demand
	got := candidateIDs(s.byDemand.table.rows)

	m, err := recommend.New(h.s)
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.TopWorkers(d.ID, rankLimit)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := make([]string, len(want))
	for i, r := range want {
		wantIDs[i] = r.WorkerID
	}
	if len(got) != 4 || !slices.Equal(got, wantIDs) {
		t.Fatalf("screen ranks %v, the matcher %v", got, wantIDs)
	}
	if got[0] != ws[2].ID {
		t.Fatalf("李春梅 (二级, wants 江宁区) should lead: %v", got)
	}

	// The command line, run on the same file, ranks alike.
	if cliIDs := cliRanking(t, h.s.Path(), d.ID); !slices.Equal(got, cliIDs) {
		t.Fatalf("screen ranks %v, duikou match %v", got, cliIDs)
	}

	// The row reads as a clerk needs it: band, masked phone, 工种/等级.
	tb := s.byDemand.table
	if tb.cellText(0, 1) != "李春梅" || tb.cellText(0, 2) != "强匹配" || tb.cellText(0, 6) != "家政服务员（二级）" {
		t.Fatalf("first row: %q %q %q", tb.cellText(0, 1), tb.cellText(0, 2), tb.cellText(0, 6))
	}
	if phone := tb.cellText(0, 8); phone != ident.MaskPhone(ws[2].Phone) || strings.Contains(phone, ws[2].Phone) {
		t.Fatalf("the phone is not masked: %q", phone)
	}
	tb.table.Select(tableCell(0, 2))
	if !strings.Contains(s.byDemand.detail.source, "工种相同：家政服务员") {
		t.Fatalf("detail: %q", s.byDemand.detail.source)
	}

	// 按劳动者找岗位 ranks the demands for a worker as the matcher does.
	s.tabs.SelectIndex(1)
	h.settle()
	h.typeInto(s.byWorker.pick.entry, "王秀兰")
	s.byWorker.pick.list.Select(0)
	h.settle()
	ds, err := m.TopDemands(ws[0].ID, rankLimit)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.byWorker.table.rows) != len(ds) || len(ds) != 1 || s.byWorker.table.rows[0].r.DemandID != d.ID {
		t.Fatalf("demands for 王秀兰: screen %d rows, matcher %v", len(s.byWorker.table.rows), ds)
	}
}

func TestMatchReferTwoSelectedWorkers(t *testing.T) {
	h := newHarness(t, true)
	d, ws := fourCandidates(h)
	s := h.openMatch()
	h.pickDemand(s, "南京悦家")
	before := candidateIDs(s.byDemand.table.rows)
	h.referTicked(s, before[0], before[1])
	if !h.dialogOpen() {
		t.Fatal("推荐 should ask first")
	}
	h.tap("推荐")

	ps, _, err := h.s.ListPlacements(data.PlacementFilter{DemandID: d.ID}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	var placed []string
	for _, p := range ps {
		if p.Stage != data.StageReferred {
			t.Fatalf("placement at %s, want 已推荐", p.Stage.Label())
		}
		placed = append(placed, p.WorkerID)
	}
	slices.Sort(placed)
	want := []string{before[0], before[1]}
	slices.Sort(want)
	if !slices.Equal(placed, want) {
		t.Fatalf("placements for %v, want %v", placed, want)
	}
	// The referred workers drop out of the ranking; the demand still
	// recruits (已推荐 takes no seat until 已录用).
	after := candidateIDs(s.byDemand.table.rows)
	if len(after) != 2 || slices.Contains(after, before[0]) || slices.Contains(after, before[1]) {
		t.Fatalf("after 推荐 the ranking is %v", after)
	}
	h.mustShow("已推荐 2 人")
	for _, id := range want {
		w, err := h.s.Worker(id)
		if err != nil {
			t.Fatal(err)
		}
		if w.Status != data.WorkerReferred {
			t.Fatalf("%s is %s, want 已推荐", w.Name, w.Status.Label())
		}
	}
	dd, err := h.s.Demand(d.ID)
	if err != nil || dd.Left() != 5 {
		t.Fatalf("demand left %d (%v), want 5", dd.Left(), err)
	}
	if w, _ := h.s.Worker(ws[1].ID); w.Status != data.WorkerIdle {
		t.Fatalf("the unticked welder is %s", w.Status.Label())
	}
}

func TestMatchReferRespectsTheHeadcountLeft(t *testing.T) {
	h := newHarness(t, true)
	d := h.matchDemand("MA1XY2K2", "南京悦家家政服务有限公司", func(d *data.Demand) { d.Headcount = 1 })
	a := h.matchWorker(1, "王秀兰", nil)
	b := h.matchWorker(2, "李春梅", nil)
	s := h.openMatch()
	h.pickDemand(s, "南京悦家")
	h.referTicked(s, a.ID, b.ID)
	h.mustShow("还缺 1 人，推荐中 0 人，现可推荐 1 人，已勾选2人")
	if n, _ := h.s.CountPlacements(data.PlacementFilter{DemandID: d.ID}); n != 0 {
		t.Fatalf("%d placements written, want none", n)
	}
}

// Two referrals already open on a demand for one person use up its room at
// the default ratio 2: the heading says so and a third is refused on screen.
func TestMatchReferCountsOpenReferrals(t *testing.T) {
	h := newHarness(t, true)
	d := h.matchDemand("MA1XY2K2", "南京悦家家政服务有限公司", func(d *data.Demand) { d.Headcount = 1 })
	for i, name := range []string{"赵丽", "钱芳"} {
		w := h.matchWorker(10+i, name, nil)
		if err := h.s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID}); err != nil {
			t.Fatal(err)
		}
	}
	c := h.matchWorker(3, "孙梅", nil)
	s := h.openMatch()
	h.pickDemand(s, "南京悦家")
	h.mustShow("还缺 1 人，推荐中 2 人，现可推荐 0 人")
	h.referTicked(s, c.ID)
	h.mustShow("现可推荐 0 人，已勾选1人")
	if n, _ := h.s.CountPlacements(data.PlacementFilter{DemandID: d.ID}); n != 2 {
		t.Fatalf("%d placements, want the 2 open referrals only", n)
	}
}

func TestMatchAWorkerEditChangesTheNextRanking(t *testing.T) {
	h := newHarness(t, true)
	_, ws := fourCandidates(h)
	s := h.openMatch()
	h.pickDemand(s, "保姆")
	before := candidateIDs(s.byDemand.table.rows)
	if before[len(before)-1] != ws[1].ID {
		t.Fatalf("the welder should rank last: %v", before)
	}

	// In the worker form the clerk changes 马海燕's 工种 from 焊工 to
	// 家政服务员 (一级) and saves; back on 匹配推荐 she leads, without a
	// restart.
	ws2 := h.openWorkerList()
	ws2.openEdit(ws[1].ID)
	h.settle()
	f := ws2.form
	if f == nil || len(f.skills.rows) != 1 {
		t.Fatal("the worker form did not open with her one skill")
	}
	f.skills.rows[0].occ.set("housekeeper", true)
	f.skills.rows[0].level.SetSelected(catalog.Level1.Label())
	h.tap("保存")
	if w, _ := h.s.Worker(ws[1].ID); w.MainOcc != "housekeeper" {
		t.Fatalf("the form did not save the new 工种: %q (%s)", w.MainOcc, f.fm.summary.Text)
	}
	h.g.navigate(screenMatch)
	h.settle()
	after := candidateIDs(s.byDemand.table.rows)
	if len(after) != len(before) || after[0] != ws[1].ID {
		t.Fatalf("after the edit the ranking is %v (before %v), want %s first", after, before, ws[1].Name)
	}
	if s.byDemand.table.cellText(0, 6) != "家政服务员（一级）" || s.byDemand.table.cellText(0, 2) != "强匹配" {
		t.Fatalf("her row reads %q, %q", s.byDemand.table.cellText(0, 6), s.byDemand.table.cellText(0, 2))
	}
}

func TestMatchJobFairAllocationApplied(t *testing.T) {
	h := newHarness(t, true)
	keep := h.matchDemand("MA1XY2K2", "南京悦家家政服务有限公司", func(d *data.Demand) { d.Headcount = 2 })
	weld := h.matchDemand("MA1XY2K3", "南京华宇精密机械有限公司", func(d *data.Demand) {
		d.Occupation, d.Title, d.Headcount = "welder", "焊工", 1
	})
	h.matchWorker(1, "王秀兰", nil)
	h.matchWorker(2, "马海燕", func(w *data.Worker) { w.Skills = []data.Skill{{Occupation: "welder", Level: catalog.Level3}} })
	h.matchWorker(3, "李春梅", func(w *data.Worker) { w.DesiredRegions = []string{"320115"} })
	h.matchWorker(4, "张兰", nil)
	s := h.openMatch()
	s.tabs.SelectIndex(2)
	h.settle()
	f := s.fair
	if len(f.listed) != 2 {
		t.Fatalf("listed %d open demands, want 2", len(f.listed))
	}
	h.tap("全选")
	h.mustShow("已选 2 条，共缺 3 人")
	h.tap("开始分配")
	if f.alloc == nil {
		t.Fatalf("no allocation: %s", f.summary.Text)
	}
	if f.progress.Visible() {
		t.Fatal("the progress bar should be gone once the allocation is shown")
	}

	m, err := recommend.New(h.s)
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.Allocate([]string{keep.ID, weld.ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.alloc.TotalScore != want.TotalScore || len(f.alloc.Assignments) != 3 {
		t.Fatalf("screen allocation %+v, matcher %+v", *f.alloc, want)
	}
	h.mustShow(fmt.Sprintf("总分 %.3f", want.TotalScore))
	pairs := map[string]string{}
	for _, a := range f.alloc.Assignments {
		pairs[a.WorkerID] = a.DemandID
	}

	h.tap("确认安置") // the button under the table
	h.tap("确认安置") // the dialog's
	ps, _, err := h.s.ListPlacements(data.PlacementFilter{Stage: data.StageReferred}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range ps {
		got[p.WorkerID] = p.DemandID
	}
	if len(got) != len(pairs) || len(ps) != len(pairs) {
		t.Fatalf("placements %v, allocation %v", got, pairs)
	}
	for w, d := range pairs {
		if got[w] != d {
			t.Fatalf("placements %v, allocation %v", got, pairs)
		}
	}
	h.mustShow("已记录 3 条就业安置")
}

func TestMatchIndexIsBuiltOnFirstUseNotAtStartUp(t *testing.T) {
	h := newHarness(t, true)
	if h.g.match.engine != nil {
		t.Fatal("the index was built before the screen was opened")
	}
	start := time.Now()
	h.openMatch()
	t.Logf("index built in %v", time.Since(start))
}

// TestMatchMeasure times the screen's work on a real database named by
// DUIKOU_MATCH_DB (a demo made with `duikou demo --db X --workers N`):
// building the index, ranking one demand, allocating a job fair of every
// open demand. It writes nothing. Skipped without the variable.
func TestMatchMeasure(t *testing.T) {
	path := os.Getenv("DUIKOU_MATCH_DB")
	if path == "" {
		t.Skip("set DUIKOU_MATCH_DB to a demo database to measure")
	}
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	q := &uiQueue{}
	g := newGUI(a, w, s, Options{}, q.do)
	h := &harness{t: t, g: g, s: s, w: w, queue: q}
	h.settle()

	start := time.Now()
	ms := h.openMatch()
	t.Logf("index: %v (%s)", time.Since(start), ms.state.Text)

	ds, _, err := s.ListDemands(data.DemandFilter{OpenOn: s.Today(), Occupation: "housekeeper"}, data.Page{Limit: 1})
	if err != nil || len(ds) == 0 {
		t.Fatalf("no open housekeeping demand: %v", err)
	}
	for range 3 {
		start = time.Now()
		ms.byDemand.demand = &ds[0]
		ms.byDemand.rank()
		h.settle()
		t.Logf("rank %s: %v, %d rows (%s)", demandTitle(&ds[0]), time.Since(start), len(ms.byDemand.table.rows), ms.byDemand.note.Text)
	}

	// On the big file too, the screen ranks as the command line does.
	if got, want := candidateIDs(ms.byDemand.table.rows), cliRanking(t, path, ds[0].ID); !slices.Equal(got, want) {
		t.Fatalf("screen ranks %v, duikou match %v", got, want)
	}

	ms.tabs.SelectIndex(2)
	h.settle()
	ms.fair.chooseListed(true)
	start = time.Now()
	ms.fair.allocate()
	// Not settle: a large fair may take longer than its deadline.
	ms.fair.run.waitIdle()
	q.drain()
	t.Logf("job fair of %d demands: %v (%s)", len(ms.fair.chosen), time.Since(start), ms.fair.summary.Text)
}
