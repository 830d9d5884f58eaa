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

	workers    *figureKind[data.Worker, data.WorkerFilter]
	placements *figureKind[data.Placement, data.PlacementFilter]
	followUps  *figureKind[data.FollowUp, data.FollowUpFilter]
	demands    *figureKind[data.Demand, data.DemandFilter]
	byList     map[stats.List]figureList
}

// nothing is the figure no record is behind: a list built but not yet
// opened on a figure stays empty, even when its tables change.
var nothing = data.Figure{Code: "-"}

func newFigureLists(s *reportScreen) *figureLists {
	l := &figureLists{s: s, title: wrapLabel(""), count: widget.NewLabel("")}
	back := widget.NewButtonWithIcon("返回统计表", theme.NavigateBackIcon(), l.close)
	l.body = container.NewStack()
	l.view = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, back, l.count), l.title), nil, nil, nil, l.body)
	l.specKinds()
	return l
}

// specKinds states each kind of list once: the filter that narrows it to
// a figure, the screen's columns, the first order, the tables whose
// changes reload it, and where a tapped record opens.
func (l *figureLists) specKinds() {
	g, st := l.s.g, l.s.st
	l.workers = &figureKind[data.Worker, data.WorkerFilter]{lists: l, noun: "名劳动者",
		narrow: func(f data.Figure) data.WorkerFilter { return data.WorkerFilter{Figure: f} },
		cols:   func() []column[data.Worker] { return g.workers.columns() },
		src:    listFrom(st.ListWorkers, st.CountWorkers),
		sort:   "created",
		tables: []data.Table{data.TableWorkers},
		screen: screenWorkers, open: func(w data.Worker) { g.workers.openEdit(w.ID) }}
	l.placements = &figureKind[data.Placement, data.PlacementFilter]{lists: l, noun: "条就业安置",
		narrow: func(f data.Figure) data.PlacementFilter { return data.PlacementFilter{Figure: f} },
		cols:   placementColumns,
		src:    listFrom(st.ListPlacements, st.CountPlacements),
		sort:   "created",
		tables: []data.Table{data.TablePlacements, data.TableWorkers, data.TableDemands},
		screen: screenPlacements, open: func(p data.Placement) { g.placements.open(p.ID) }}
	l.followUps = &figureKind[data.FollowUp, data.FollowUpFilter]{lists: l, noun: "件跟踪服务",
		narrow: func(f data.Figure) data.FollowUpFilter { return data.FollowUpFilter{Figure: f} },
		cols:   func() []column[data.FollowUp] { return g.followUps.columns() },
		src:    listFrom(st.ListFollowUpsFull, st.CountFollowUps),
		sort:   "due",
		tables: []data.Table{data.TableFollowUps, data.TableWorkers},
		screen: screenFollowUps, open: func(f data.FollowUp) { g.followUps.openEntry(&f) }}
	l.demands = &figureKind[data.Demand, data.DemandFilter]{lists: l, noun: "条用工需求",
		narrow: func(f data.Figure) data.DemandFilter { return data.DemandFilter{Figure: f} },
		cols:   func() []column[data.Demand] { return g.employers.demandColumns(true) },
		src:    listFrom(st.ListDemands, st.CountDemands),
		sort:   "created",
		tables: []data.Table{data.TableDemands, data.TableEmployers},
		screen: screenEmployers, open: func(d data.Demand) { g.employers.openDemand(d.ID) }}
	l.byList = map[stats.List]figureList{stats.WorkerList: l.workers, stats.PlacementList: l.placements,
		stats.FollowUpList: l.followUps, stats.DemandList: l.demands}
}

// open shows the records behind one figure of r.
func (l *figureLists) open(r *stats.Report, in stats.Indicator) {
	kind, ok := l.byList[stats.ListOf(in.Code)]
	if !ok {
		return
	}
	table := kind.narrowTo(figureOf(r, in))
	l.noun = kind.counts()
	l.heading = fmt.Sprintf("%s（%s）", in.Label, r.Period.Label())
	l.title.SetText(fmt.Sprintf("%s：%s。%s。", l.heading, figureText(in, in.Value), in.Definition) + sumNote(in))
	l.count.SetText("正在查询…")
	showIn(l.body, table)
	l.showing = true
	showIn(l.s.stack, l.view)
	l.s.shown()
}

// figureList is one kind of list behind the figures, whatever its records.
type figureList interface {
	// narrowTo narrows the list to fig's records (building it the first
	// time) and gives its table.
	narrowTo(fig data.Figure) fyne.CanvasObject
	// counts is what the list counts: 名劳动者, 条就业安置 ...
	counts() string
}

// figureKind is the list of one kind of record narrowed to a figure. The
// table is built on first use, with its count shown above it; until then
// it is nil.
type figureKind[T any, F comparable] struct {
	lists  *figureLists
	noun   string
	narrow func(data.Figure) F // the kind's filter for a figure
	cols   func() []column[T]  // the kind's own screen's columns
	src    lister[T, F]
	sort   string
	tables []data.Table
	screen int     // the screen a tapped record opens on
	open   func(T) // opens it there
	table  *recordTable[T, F]
}

func (k *figureKind[T, F]) counts() string { return k.noun }

func (k *figureKind[T, F]) narrowTo(fig data.Figure) fyne.CanvasObject {
	if k.table == nil {
		l := k.lists
		k.table = newListView(l.s.g, listSpec[T, F]{
			src: k.src, cols: k.cols(), sort: k.sort, tables: k.tables,
			filter: k.narrow(nothing), // empty until set to fig below
			count:  func() textSetter { return l.count },
			loaded: func() { l.counted(k.table.rows.length()) },
			open:   func(r T) { l.s.g.navigate(k.screen); k.open(r) },
		})
	}
	k.table.setFilter(k.narrow(fig))
	return k.table.table
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
