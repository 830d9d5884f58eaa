package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/stats"
)

// figureLists are the lists behind the 统计报表 figures: the list views
// of 劳动者, 就业安置, 跟踪服务 and 用工需求 with the same columns as those
// screens, narrowed to one figure's records by data.Figure. Each is built
// once, the first time a figure of its kind is opened; tapping a record
// opens it on its own screen.
type figureLists struct {
	s       *reportScreen
	showing bool
	heading string
	noun    string // what the open list counts: 名劳动者, 条就业安置 ...

	title *cjkLabel
	count *widget.Label
	body  *fyne.Container
	view  fyne.CanvasObject

	workers    *recordTable[data.Worker, data.WorkerFilter]
	placements *recordTable[data.Placement, data.PlacementFilter]
	followUps  *recordTable[data.FollowUp, data.FollowUpFilter]
	demands    *recordTable[data.Demand, data.DemandFilter]
}

// nothing is the figure no record is behind: a list built but not yet
// opened on a figure stays empty, even when its tables change.
var nothing = data.Figure{Code: "-"}

func newFigureLists(s *reportScreen) *figureLists {
	l := &figureLists{s: s, title: wrapLabel(""), count: widget.NewLabel("")}
	back := widget.NewButtonWithIcon("返回统计表", theme.NavigateBackIcon(), l.close)
	l.body = container.NewStack()
	l.view = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, back, l.count), l.title), nil, nil, nil, l.body)
	return l
}

// open shows the records behind one figure of r.
func (l *figureLists) open(r *stats.Report, in stats.Indicator) {
	g, st, fig := l.s.g, l.s.st, figureOf(r, in)
	var table fyne.CanvasObject
	noun := ""
	switch stats.ListOf(in.Code) {
	case stats.WorkerList:
		table, noun = figureTable(l, &l.workers, fig, func(f data.Figure) data.WorkerFilter { return data.WorkerFilter{Figure: f} },
			func() listSpec[data.Worker, data.WorkerFilter] {
				return listSpec[data.Worker, data.WorkerFilter]{
					src:    listFrom(st.ListWorkers, st.CountWorkers),
					cols:   g.workers.columns(),
					sort:   "created",
					tables: []data.Table{data.TableWorkers},
					open:   func(w data.Worker) { g.navigate(screenWorkers); g.workers.openEdit(w.ID) },
				}
			}), "名劳动者"
	case stats.PlacementList:
		table, noun = figureTable(l, &l.placements, fig, func(f data.Figure) data.PlacementFilter { return data.PlacementFilter{Figure: f} },
			func() listSpec[data.Placement, data.PlacementFilter] {
				return listSpec[data.Placement, data.PlacementFilter]{
					src:    listFrom(st.ListPlacements, st.CountPlacements),
					cols:   placementColumns(),
					sort:   "created",
					tables: []data.Table{data.TablePlacements, data.TableWorkers, data.TableDemands},
					open:   func(p data.Placement) { g.navigate(screenPlacements); g.placements.open(p.ID) },
				}
			}), "条就业安置"
	case stats.FollowUpList:
		table, noun = figureTable(l, &l.followUps, fig, func(f data.Figure) data.FollowUpFilter { return data.FollowUpFilter{Figure: f} },
			func() listSpec[data.FollowUp, data.FollowUpFilter] {
				return listSpec[data.FollowUp, data.FollowUpFilter]{
					src:    listFrom(st.ListFollowUpsFull, st.CountFollowUps),
					cols:   g.followUps.columns(),
					sort:   "due",
					tables: []data.Table{data.TableFollowUps, data.TableWorkers},
					open:   func(f data.FollowUp) { g.navigate(screenFollowUps); g.followUps.openEntry(&f) },
				}
			}), "件跟踪服务"
	case stats.DemandList:
		table, noun = figureTable(l, &l.demands, fig, func(f data.Figure) data.DemandFilter { return data.DemandFilter{Figure: f} },
			func() listSpec[data.Demand, data.DemandFilter] {
				return listSpec[data.Demand, data.DemandFilter]{
					src:    listFrom(st.ListDemands, st.CountDemands),
					cols:   g.employers.demandColumns(true),
					sort:   "created",
					tables: []data.Table{data.TableDemands, data.TableEmployers},
					open:   func(d data.Demand) { g.navigate(screenEmployers); g.employers.openDemand(d.ID) },
				}
			}), "条用工需求"
	default:
		return
	}
	l.noun = noun
	l.heading = fmt.Sprintf("%s（%s）", in.Label, r.Period.Label())
	l.title.SetText(fmt.Sprintf("%s：%s。%s。", l.heading, figureText(in, in.Value), in.Definition) + sumNote(in))
	l.count.SetText("正在查询…")
	showIn(l.body, table)
	l.showing = true
	showIn(l.s.stack, l.view)
	l.s.shown()
}

// figureTable is the list of one kind of record narrowed to fig. The list
// is built on first use, from spec, with its count shown above it; until
// then *slot is nil. narrow is the kind's filter for a figure.
func figureTable[T any, F comparable](l *figureLists, slot **recordTable[T, F], fig data.Figure, narrow func(data.Figure) F, spec func() listSpec[T, F]) fyne.CanvasObject {
	if *slot == nil {
		var t *recordTable[T, F]
		sp := spec()
		sp.filter = narrow(nothing) // empty until set to fig below
		sp.count = func() textSetter { return l.count }
		sp.loaded = func() { l.counted(t.rows.length()) }
		t = newListView(l.s.g, sp)
		*slot = t
	}
	(*slot).setFilter(narrow(fig))
	return (*slot).table
}

// sumNote says what the list of a money figure or the rate holds.
func sumNote(in stats.Indicator) string {
	switch {
	case in.Unit == "元":
		return "下列记录的金额之和即为此数。"
	case in.Code == stats.ContractsSignedPct:
		return "下列为期内上岗并已签订劳动合同的就业安置。"
	}
	return ""
}

func (l *figureLists) counted(n int) {
	l.count.SetText(fmt.Sprintf("共 %s %s", thousands(int64(n)), l.noun))
}

// close goes back to the figures.
func (l *figureLists) close() {
	l.showing = false
	showIn(l.s.stack, l.s.figures)
	l.s.g.setHeading("统计报表")
}
