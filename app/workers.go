package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/sheet"
)

// workersScreen is 劳动者: the list of registered workers with its filters,
// and the worker form in its place when the clerk opens or adds one.
type workersScreen struct {
	listScreen[WorkerStore, data.Worker, data.WorkerFilter]
	formPlace[*workerForm]

	search  *textEntry
	region  *regionField
	occ     *occField
	status  *widget.Select
	poverty *widget.Select
	notice  *widget.Label
	add     *widget.Button

	// onReady are called once, when the first rows arrive.
	onReady []func()
}

func newWorkersScreen(g *GUI, st WorkerStore) *workersScreen {
	s := &workersScreen{}
	s.buildList(g, st, st.Today(), listSpec[data.Worker, data.WorkerFilter]{
		src:    listFrom(st.ListWorkers, st.CountWorkers),
		cols:   s.columns(),
		sort:   "created",
		desc:   true, // newest first
		tables: []data.Table{data.TableWorkers},
		open:   func(w data.Worker) { s.openEdit(w.ID) },
		loaded: func() {
			s.updateCount()
			ready := s.onReady
			s.onReady = nil
			for _, fn := range ready {
				fn()
			}
		},
	})
	return s
}

func (s *workersScreen) columns() []column[data.Worker] {
	return []column[data.Worker]{
		{title: "姓名", width: 96, sort: "name", text: func(w *data.Worker) string { return w.Name }},
		{title: "性别", width: 64, sort: "sex", text: func(w *data.Worker) string { return w.Sex.Label() }},
		{title: "年龄", width: 64, sort: "birth", flip: true, text: func(w *data.Worker) string {
			if w.Birth.IsZero() {
				return ""
			}
			return strconv.Itoa(w.Age(s.today))
		}},
		{title: "户籍地", width: 190, sort: "region", text: func(w *data.Worker) string { return catalog.FullName(w.HukouRegion) }},
		{title: "工种", width: 120, sort: "occ", text: func(w *data.Worker) string {
			if w.MainOcc == "" {
				return ""
			}
			return occName(w.MainOcc)
		}},
		{title: "技能等级", width: 116, sort: "level", text: func(w *data.Worker) string {
			if w.MainLevel == catalog.LevelNone {
				return ""
			}
			return w.MainLevel.Label()
		}},
		{title: "意向地区", width: 170, text: func(w *data.Worker) string { return regionNames(w.DesiredRegions) }},
		{title: "状态", width: 80, sort: "status", text: func(w *data.Worker) string { return w.Status.Label() }},
		{title: "联系电话", width: 124, sort: "phone", text: func(w *data.Worker) string { return ident.MaskPhone(w.Phone) }},
	}
}

// regionNames lists regions briefly: 南京市、苏州市昆山市、江苏省.
func regionNames(codes []string) string {
	names := make([]string, 0, len(codes))
	for _, c := range codes {
		names = append(names, shortRegionName(c))
	}
	return strings.Join(names, "、")
}

// shortRegionName drops the province from a city or county: 南京市江宁区.
func shortRegionName(code string) string {
	chain := catalog.Chain(code)
	if len(chain) == 0 {
		return code
	}
	if len(chain) == 1 {
		return chain[0].Name
	}
	var b strings.Builder
	for _, r := range chain[1:] {
		if !r.Grouping() {
			b.WriteString(r.Name)
		}
	}
	if b.Len() == 0 { // 北京市's grouping row alone
		return chain[0].Name
	}
	return b.String()
}

func (s *workersScreen) view() fyne.CanvasObject {
	if s.stack != nil {
		return s.stack
	}
	g := s.g
	s.search = newTextEntry("搜索姓名、身份证号或电话（Ctrl+F）")
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.region = newRegionField(g.win, false, true, "全部户籍地", g.officeRegion)
	s.region.onChanged = func(string) { s.applyFilter() }
	s.occ = newOccField(g.win, true, "全部工种")
	s.occ.onChanged = func(string) { s.applyFilter() }
	s.status = widget.NewSelect(append([]string{allStatuses}, labelsOf(data.WorkerStatuses)...), func(string) { s.applyFilter() })
	s.status.SetSelectedIndex(0)
	s.poverty = widget.NewSelect(append([]string{allPoverties}, labelsOf(data.Poverties)...), func(string) { s.applyFilter() })
	s.poverty.SetSelectedIndex(0)
	s.count = widget.NewLabel("正在统计…")
	s.notice = widget.NewLabel("")
	s.notice.Importance = widget.SuccessImportance
	s.notice.Hide()
	s.add = widget.NewButtonWithIcon("登记劳动者", theme.ContentAddIcon(), s.openNew)
	s.add.Importance = widget.HighImportance

	filters := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(230, s.region.MinSize().Height), s.region),
		container.NewGridWrap(fyne.NewSize(170, s.occ.MinSize().Height), s.occ),
		s.status, s.poverty)
	sheetActs := newListActions(g, sheet.Workers, s.scope) // 导入/导出/下载模板/打印 (list_actions.go)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(sheetActs.view(), s.add), s.search),
		container.NewBorder(nil, nil, filters, container.NewHBox(s.notice, s.count)),
	)
	s.list = container.NewBorder(top, nil, nil, nil, s.table.table)
	s.stack = container.NewStack(s.list)
	s.rows.setQuery(s.rows.query()) // first load
	return s.stack
}

func (s *workersScreen) shown() {
	if s.formShown() {
		return
	}
	s.today = s.st.Today()
	s.g.setActions(actions{New: s.openNew, Find: s.focusSearch})
}

func (s *workersScreen) focusSearch() { s.g.focus(s.search) }

// The status filters' first choices, which filter nothing.
const (
	allStatuses  = "全部状态"
	allPoverties = "全部脱贫状态"
)

// filter is what the filter bar says.
func (s *workersScreen) filter() data.WorkerFilter {
	f := data.WorkerFilter{Text: strings.TrimSpace(s.search.Text), Region: s.region.code, Occupation: s.occ.code}
	if s.status.SelectedIndex() > 0 {
		f.Status = data.WorkerStatus(codeForLabel(data.WorkerStatuses, s.status.Selected))
	}
	if s.poverty.SelectedIndex() > 0 {
		f.Poverty = data.Poverty(codeForLabel(data.Poverties, s.poverty.Selected))
	}
	return f
}

func (s *workersScreen) applyFilter() {
	if s.count == nil {
		return // still building the filter bar
	}
	s.table.setFilter(s.filter())
}

func (s *workersScreen) updateCount() {
	n := int64(s.rows.length())
	if s.filter() == (data.WorkerFilter{}) {
		s.count.SetText("共 " + thousands(n) + " 人")
	} else {
		s.count.SetText("符合条件的 " + thousands(n) + " 人")
	}
}

// say shows a short confirmation beside the count ("已保存…").
func (s *workersScreen) say(msg string) {
	s.notice.SetText(msg)
	s.notice.Show()
}

func (s *workersScreen) openNew() {
	if s.formOpen() {
		return
	}
	s.showForm(newWorkerForm(s, nil))
}

func (s *workersScreen) openEdit(id string) {
	openByID(s.g, "劳动者", id, s.st.Worker, func(w *data.Worker) { s.showForm(newWorkerForm(s, w)) })
}

func (s *workersScreen) showForm(f *workerForm) {
	s.view()
	s.notice.Hide()
	s.putForm(f)
}

// closeForm goes back to the list.
func (s *workersScreen) closeForm() {
	s.putList()
	s.g.setHeading("劳动者")
	s.shown()
}
