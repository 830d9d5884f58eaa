package app

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/match"
)

// assignRow is one line of an allocation as the clerk reviews it.
type assignRow struct {
	a              match.Assignment
	worker, demand string // names
}

// matchFair is 招聘会: choose the demands at the fair, allocate the
// eligible workers to them (best total score, exactly), review, apply.
type matchFair struct {
	s *matchScreen

	filter  *textEntry
	list    *widget.List
	listed  []data.Demand
	chosen  map[string]data.Demand
	count   *cjkLabel
	listRun *latest

	start    *widget.Button
	progress *widget.ProgressBar
	run      *latest

	alloc    *match.Allocation // the result under review, nil when none
	summary  *cjkLabel
	table    *checkTable[assignRow]
	unfilled *checkTable[unfilledRow]
	apply    *widget.Button
}

// unfilledRow is a demand the allocation left with seats open.
type unfilledRow struct {
	demand string
	left   int
}

// fairListLimit bounds the demands listed at once; a county's open
// demands are a few hundred.
const fairListLimit = 1000

func newMatchFair(s *matchScreen) *matchFair {
	f := &matchFair{s: s, chosen: map[string]data.Demand{}, listRun: s.g.newLatest(), run: s.g.newLatest()}
	f.filter = newTextEntry("筛选：用工单位名称、岗位或工种")
	f.filter.OnChanged = func(string) { f.refresh() }
	f.list = widget.NewList(
		func() int { return len(f.listed) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, newTwoLines())
		},
		f.updateItem)
	f.count = wrapLabel("")
	f.start = widget.NewButton("开始分配", f.allocate)
	f.start.Importance = widget.HighImportance
	f.progress = widget.NewProgressBar()
	f.progress.Hide()
	f.summary = wrapLabel("勾选参加招聘会的用工需求，然后点“开始分配”：每名劳动者至多分到一个岗位，每条需求不超过还缺的人数，总分最高。")
	f.table = newCheckTable([]column[assignRow]{
		{title: "劳动者", width: 90, text: func(r *assignRow) string { return r.worker }},
		{title: "用工需求", width: 380, text: func(r *assignRow) string { return r.demand }},
		{title: "分数", width: 64, text: func(r *assignRow) string { return scoreText(r.a.Score) }},
		{title: "匹配度", width: 72, text: func(r *assignRow) string { return r.a.Band.Label() }},
	}, nil)
	f.unfilled = newCheckTable([]column[unfilledRow]{
		{title: "未招满的用工需求", width: 470, text: func(r *unfilledRow) string { return r.demand }},
		{title: "尚可推荐", width: 80, text: func(r *unfilledRow) string { return intText(r.left) + " 人" }},
	}, nil)
	f.apply = widget.NewButton("确认安置", f.confirmApply)
	f.apply.Importance = widget.HighImportance
	f.apply.Disable()
	f.updateCount()
	return f
}

func (f *matchFair) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(f.listed) {
		return
	}
	d := f.listed[id]
	box := o.(*fyne.Container)
	setTwoLines(box.Objects[0].(*fyne.Container), demandTitle(&d), demandLine(&d))
	check := box.Objects[1].(*widget.Check)
	check.OnChanged = nil
	_, on := f.chosen[d.ID]
	check.SetChecked(on)
	check.OnChanged = func(on bool) { f.choose(d, on) }
}

func (f *matchFair) view() fyne.CanvasObject {
	all := widget.NewButton("全选", func() { f.chooseListed(true) })
	none := widget.NewButton("全不选", func() { f.chooseListed(false) })
	left := container.NewBorder(
		container.NewVBox(f.filter, container.NewHBox(all, none)),
		f.count, nil, nil, f.list)
	results := container.NewVSplit(f.table.table, f.unfilled.table)
	results.Offset = 0.7
	right := container.NewBorder(
		container.NewVBox(container.NewHBox(f.start), f.progress, f.summary),
		container.NewHBox(f.apply), nil, nil, results)
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	return split
}

// refresh lists the open demands matching the filter.
func (f *matchFair) refresh() {
	st := f.s.st
	q := f.filter.Text
	f.listRun.submit(func() func() {
		rows, _, err := st.ListDemands(demandSearch(q, st.Today()), data.Page{Limit: fairListLimit})
		return func() {
			if err != nil {
				f.count.SetText("查询出错：" + err.Error())
				return
			}
			f.listed = rows
			// The chosen keep their place; their headcount is as listed now.
			for _, d := range rows {
				if _, on := f.chosen[d.ID]; on {
					f.chosen[d.ID] = d
				}
			}
			f.list.Refresh()
			f.updateCount()
		}
	})
}

func (f *matchFair) choose(d data.Demand, on bool) {
	if on {
		f.chosen[d.ID] = d
	} else {
		delete(f.chosen, d.ID)
	}
	f.updateCount()
}

// chooseListed ticks or unticks every demand the filter lists.
func (f *matchFair) chooseListed(on bool) {
	for _, d := range f.listed {
		f.choose(d, on)
	}
	f.list.Refresh()
}

func (f *matchFair) updateCount() {
	seats := 0
	for _, d := range f.chosen {
		seats += d.Left()
	}
	f.count.SetText(fmt.Sprintf("列出 %d 条招聘中的用工需求；已选 %d 条，共缺 %d 人", len(f.listed), len(f.chosen), seats))
	if len(f.chosen) == 0 {
		f.start.Disable()
	} else {
		f.start.Enable()
	}
}

// chosenIDs are the chosen demands in creation order (ids are UUIDv7).
func (f *matchFair) chosenIDs() []string {
	return slices.Sorted(maps.Keys(f.chosen))
}

// allocate runs the allocation in the background with a progress bar.
func (f *matchFair) allocate() {
	ids := f.chosenIDs()
	if len(ids) == 0 {
		return
	}
	f.alloc = nil
	f.table.setRows(nil)
	f.unfilled.setRows(nil)
	f.apply.Disable()
	f.start.Disable()
	f.progress.SetValue(0)
	f.progress.Show()
	f.summary.SetText("正在分配…")
	ui := f.s.g.ui
	ok := f.s.withEngine(func(e matchEngine) {
		f.run.submit(func() func() {
			began := time.Now()
			shown := -1
			alloc, err := e.Allocate(ids, func(done, total int) {
				// Post only whole per cents: the solver reports often.
				if pct := done * 100 / max(total, 1); pct != shown {
					shown = pct
					ui(func() { f.progress.SetValue(float64(pct) / 100) })
				}
			})
			took := time.Since(began)
			var workers, demands map[string]string
			if err == nil {
				workers, demands, err = e.AllocationNames(alloc)
			}
			return func() {
				f.progress.Hide()
				f.updateCount()
				if err != nil {
					f.summary.SetText("分配出错：" + err.Error())
					return
				}
				f.show(alloc, workers, demands, took)
			}
		})
	})
	if !ok {
		f.progress.Hide()
		f.updateCount()
		f.summary.SetText("")
	}
}

// show puts an allocation up for review.
func (f *matchFair) show(alloc match.Allocation, workers, demands map[string]string, took time.Duration) {
	rows := make([]assignRow, len(alloc.Assignments))
	for i, a := range alloc.Assignments {
		rows[i] = assignRow{a: a, worker: workers[a.WorkerID], demand: demands[a.DemandID]}
	}
	// Keep the demands' order; best first within each demand.
	order := map[string]int{}
	for _, a := range alloc.Assignments {
		if _, ok := order[a.DemandID]; !ok {
			order[a.DemandID] = len(order)
		}
	}
	slices.SortStableFunc(rows, func(x, y assignRow) int {
		return cmp.Or(cmp.Compare(order[x.a.DemandID], order[y.a.DemandID]), cmp.Compare(y.a.Score, x.a.Score))
	})
	f.table.setRows(rows)
	var b strings.Builder
	fmt.Fprintf(&b, "分配 %d 人，总分 %.3f（逐个取最高分的贪心分配为 %.3f，分配 %d 人）；用时 %s。",
		len(rows), alloc.TotalScore, alloc.GreedyTotalScore, alloc.GreedyAssigned, durationText(took))
	unfilled := make([]unfilledRow, len(alloc.Unfilled))
	seats := 0
	for i, u := range alloc.Unfilled {
		unfilled[i] = unfilledRow{demand: demands[u.DemandID], left: u.Left}
		seats += u.Left
	}
	f.unfilled.setRows(unfilled)
	if len(unfilled) > 0 {
		fmt.Fprintf(&b, "\n%d 条用工需求未招满，共缺 %d 人（见下方列表）：其余劳动者中没有与之强匹配或可考虑的。", len(unfilled), seats)
	} else {
		b.WriteString("\n所选用工需求全部招满。")
	}
	f.summary.SetText(b.String())
	if len(rows) > 0 {
		f.alloc = &alloc
		f.apply.Enable()
	}
}

func (f *matchFair) confirmApply() {
	if f.alloc == nil {
		return
	}
	alloc := *f.alloc
	// No spaces around the numbers: the dialog wraps lines at spaces.
	msg := fmt.Sprintf("按上表把%d名劳动者推荐到各用工需求？将为每人记录一条就业安置（已推荐）。", len(alloc.Assignments))
	f.s.g.confirm("确认安置", msg, "确认安置", func() { f.applyAlloc(alloc) })
}

// applyAlloc records the allocation, all or none.
func (f *matchFair) applyAlloc(alloc match.Allocation) {
	f.apply.Disable()
	f.s.withEngine(func(e matchEngine) {
		f.s.writes.submit(func() func() {
			n, err := e.Apply(alloc)
			return func() {
				if err != nil {
					f.apply.Enable()
					f.s.g.showError("安置失败", err)
					return
				}
				f.alloc = nil
				f.table.setRows(nil)
				f.unfilled.setRows(nil)
				f.summary.SetText(fmt.Sprintf("已记录 %d 条就业安置（已推荐），可在“就业安置”中跟进。", n))
				f.s.state.SetText(f.summary.source) // the text without the summary's line breaks
				f.refresh()
			}
		})
	})
}
