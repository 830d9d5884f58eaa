package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/sheet"
	"duikou/data/storage"
)

// placementQuery is what the 就业安置 list shows: the filter and the date
// range (referral or start date in it, as in export and print).
type placementQuery struct {
	f data.PlacementFilter
	r storage.DateRange
}

// placementsScreen is 就业安置: every worker's path to a job, filtered by
// stage, employer, work place and date, and a placement's page in its
// place when the clerk opens one.
type placementsScreen struct {
	listScreen[PlacementStore, data.Placement, placementQuery]

	stage    *widget.Select
	employer *widget.Select
	region   *regionField
	from, to *textEntry
	// actions is the toolbar spot for the list's export and print buttons
	// (newListActions from the spreadsheet work, wired at merge); Scope
	// gives them what the list shows.
	actions *fyne.Container

	formPlace[*placementPage] // the open placement's page in the list's place

	employers  []data.Employer // the employer filter's choices, in its order
	rangeError string
}

const (
	allStages    = "全部阶段"
	allEmployers = "全部用工单位"
)

func newPlacementsScreen(g *GUI, st PlacementStore) *placementsScreen {
	s := &placementsScreen{}
	// No column of this list counts from today: no date for it.
	s.buildList(g, st, data.Date{}, listSpec[data.Placement, placementQuery]{
		src: lister[data.Placement, placementQuery]{
			list: func(q placementQuery, p data.Page) ([]data.Placement, *data.Cursor, error) {
				return st.ListPlacementsIn(q.f, q.r, p)
			},
			count: func(q placementQuery) (int64, error) { return st.CountPlacementsIn(q.f, q.r) },
		},
		cols:   placementColumns(),
		sort:   "created",
		desc:   true,
		tables: []data.Table{data.TablePlacements, data.TableWorkers, data.TableEmployers, data.TableDemands},
		open:   func(p data.Placement) { s.open(p.ID) },
		loaded: s.updateCount,
	})
	return s
}

func placementColumns() []column[data.Placement] {
	return []column[data.Placement]{
		{title: "姓名", width: 90, text: func(p *data.Placement) string { return placementWorker(p) }},
		{title: "用工单位", width: 210, text: func(p *data.Placement) string { return placementEmployer(p) }},
		{title: "工种", width: 110, text: func(p *data.Placement) string {
			if p.Demand == nil {
				return ""
			}
			return occName(p.Demand.Occupation)
		}},
		{title: "接收地", width: 150, text: func(p *data.Placement) string {
			if p.Demand == nil {
				return ""
			}
			return shortRegionName(p.Demand.WorkRegion)
		}},
		{title: "阶段", width: 80, sort: "stage", text: func(p *data.Placement) string { return p.Stage.Label() }},
		{title: "阶段日期", width: 104, text: func(p *data.Placement) string { return p.StageDate().String() }},
		{title: "合同", width: 130, text: contractText},
		{title: "保险", width: 140, text: insuranceText},
	}
}

func placementWorker(p *data.Placement) string {
	if p.Worker == nil {
		return ""
	}
	return p.Worker.Name
}

func placementEmployer(p *data.Placement) string {
	if p.Demand == nil || p.Demand.Employer == nil {
		return ""
	}
	return p.Demand.Employer.Name
}

// contractText is the contract as a list shows it: 已签12个月 / 未签.
func contractText(p *data.Placement) string {
	if !p.ContractSigned {
		return "未签"
	}
	if p.ContractMonths > 0 {
		return "已签 " + strconv.Itoa(p.ContractMonths) + "个月"
	}
	return "已签"
}

// insuranceText names the insurances the worker has.
func insuranceText(p *data.Placement) string {
	var parts []string
	if p.SocialInsurance {
		parts = append(parts, "社保")
	}
	if p.AccidentInsurance {
		parts = append(parts, "工伤保险")
	}
	if len(parts) == 0 {
		return "未参保"
	}
	return strings.Join(parts, "、")
}

func (s *placementsScreen) view() fyne.CanvasObject {
	if s.stack != nil {
		return s.stack
	}
	g := s.g
	s.stage = widget.NewSelect(append([]string{allStages}, labelsOf(data.Stages)...), func(string) { s.applyFilter() })
	s.stage.SetSelectedIndex(0)
	s.employer = widget.NewSelect([]string{allEmployers}, func(string) { s.applyFilter() })
	s.employer.SetSelectedIndex(0)
	s.region = newRegionField(g.win, false, true, "全部接收地", g.officeRegion)
	s.region.onChanged = func(string) { s.applyFilter() }
	s.from = newTextEntry("起始日期")
	s.to = newTextEntry("截止日期")
	s.from.OnChanged = func(string) { s.applyFilter() }
	s.to.OnChanged = func(string) { s.applyFilter() }
	s.count = widget.NewLabel("正在统计…")
	s.actions = container.NewHBox(newListActions(g, sheet.Placements, s.listScope).view()) // 导出/打印 (list_actions.go)

	dates := container.NewHBox(widget.NewLabel("推荐或上岗日期"),
		container.NewGridWrap(fyne.NewSize(120, s.from.MinSize().Height), s.from), widget.NewLabel("至"),
		container.NewGridWrap(fyne.NewSize(120, s.to.MinSize().Height), s.to))
	hint := wrapLabel("就业安置：点一行打开安置记录，记录面试、录用、上岗和离职；推荐劳动者请到“匹配推荐”。")
	hint.Importance = widget.LowImportance
	// One flowing toolbar: on a narrow window the dates and 导出/打印
	// move to a second line instead of covering the filters.
	top := container.NewVBox(
		newFlow(s.stage,
			container.NewGridWrap(fyne.NewSize(200, s.employer.MinSize().Height), s.employer),
			container.NewGridWrap(fyne.NewSize(170, s.region.MinSize().Height), s.region),
			dates, s.actions),
		container.NewBorder(nil, nil, nil, s.count, hint),
	)
	s.list = container.NewBorder(top, nil, nil, nil, s.table.table)
	s.stack = container.NewStack(s.list)
	s.loadEmployers()
	s.rows.setQuery(s.rows.query())
	return s.stack
}

// loadEmployers fills the employer filter in the background.
func (s *placementsScreen) loadEmployers() {
	st := s.st
	s.g.newLatest().submit(func() func() {
		rows, _, err := st.ListEmployers(data.EmployerFilter{}, data.Page{Sort: "name", Limit: 1000})
		return func() {
			if err != nil {
				return
			}
			s.employers = rows
			opts := []string{allEmployers}
			for _, e := range rows {
				opts = append(opts, e.Name)
			}
			s.employer.SetOptions(opts)
		}
	})
}

func (s *placementsScreen) shown() {
	if s.formShown() {
		return
	}
	s.g.setActions(actions{})
}

// Scope is what the list shows: its filter and date range, for export
// and print of the same rows.
func (s *placementsScreen) Scope() (data.PlacementFilter, storage.DateRange) {
	q := s.rows.query().filter
	return q.f, q.r
}

// filter reads the filter bar; a date that cannot be read is reported
// beside the count and left out.
func (s *placementsScreen) filter() placementQuery {
	var q placementQuery
	if s.stage.SelectedIndex() > 0 {
		q.f.Stage = data.Stage(codeForLabel(data.Stages, s.stage.Selected))
	}
	if i := s.employer.SelectedIndex(); i > 0 && i <= len(s.employers) {
		q.f.EmployerID = s.employers[i-1].ID
	}
	q.f.Region = s.region.code
	s.rangeError = ""
	for _, d := range []struct {
		e    *textEntry
		to   *data.Date
		name string
	}{{s.from, &q.r.From, "起始日期"}, {s.to, &q.r.To, "截止日期"}} {
		v, msg := parseDateText(d.e.Text)
		if msg != "" {
			s.rangeError = d.name + "：" + msg
			continue
		}
		*d.to = v
	}
	return q
}

func (s *placementsScreen) applyFilter() {
	if s.count == nil {
		return // still building the filter bar
	}
	s.table.setFilter(s.filter())
}

// setStageAndRange shows the placements at a stage within a date range
// (the home screen's 本月上岗).
func (s *placementsScreen) setStageAndRange(st data.Stage, r storage.DateRange) {
	s.view()
	s.closePage()
	s.employer.SetSelectedIndex(0)
	s.region.set("", false)
	s.from.SetText(dateText(r.From))
	s.to.SetText(dateText(r.To))
	if st == "" {
		s.stage.SetSelectedIndex(0)
	} else {
		s.stage.SetSelected(st.Label())
	}
	s.applyFilter()
}

func dateText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func (s *placementsScreen) updateCount() {
	n := thousands(int64(s.rows.length()))
	text := "共 " + n + " 条"
	if s.rows.query().filter != (placementQuery{}) {
		text = "符合条件的 " + n + " 条"
	}
	if s.rangeError != "" {
		text = s.rangeError + "（未按日期筛选） · " + text
	}
	s.count.SetText(text)
}

// open shows a placement's page in place of the list.
func (s *placementsScreen) open(id string) {
	read := func(id string) (*data.Placement, error) { return loadPlacement(s.st, id) }
	openByID(s.g, "就业安置", id, read, func(p *data.Placement) {
		s.view()
		s.putForm(newPlacementPage(s, p))
	})
}

// closePage goes back to the list.
func (s *placementsScreen) closePage() {
	if s.putList() {
		s.g.setHeading("就业安置")
		s.shown()
	}
}

// loadPlacement reads a placement with its worker, demand and employer.
func loadPlacement(st PlacementStore, id string) (*data.Placement, error) {
	p, err := st.Placement(id)
	if err != nil {
		return nil, err
	}
	if p.Worker, err = st.Worker(p.WorkerID); err != nil {
		return nil, fmt.Errorf("劳动者：%w", err)
	}
	if p.Demand, err = st.Demand(p.DemandID); err != nil {
		return nil, fmt.Errorf("用工需求：%w", err)
	}
	if p.Demand.Employer == nil {
		p.Demand.Employer, _ = st.Employer(p.Demand.EmployerID)
	}
	return p, nil
}
