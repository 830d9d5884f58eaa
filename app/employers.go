package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/sheet"
)

// employersScreen is 用工单位与需求: employers on the left, the selected
// employer's details and its demands on the right; a second tab lists
// every demand with filters. Forms take the screen's place while open.
type employersScreen struct {
	formPlace[formView]
	g     *GUI
	st    EmployerStore
	today data.Date

	empRows  *pagedRows[data.Employer, data.EmployerFilter]
	empTable *recordTable[data.Employer, data.EmployerFilter]
	search   *textEntry
	empCount *widget.Label
	addEmp   *widget.Button
	notice   *widget.Label

	// the selected employer
	selected   *data.Employer
	detailName *cjkLabel
	detail     *cjkLabel
	detailBox  *fyne.Container
	editEmp    *widget.Button
	delEmp     *widget.Button
	openOnly   *widget.Check
	addDemand  *widget.Button
	demCount   *widget.Label
	empDemRows *pagedRows[data.Demand, data.DemandFilter]
	empDemands *recordTable[data.Demand, data.DemandFilter]

	// the all-demands tab
	allRows    *pagedRows[data.Demand, data.DemandFilter]
	allTable   *recordTable[data.Demand, data.DemandFilter]
	allSearch  *textEntry
	allOcc     *occField
	allRegion  *regionField
	allStatus  *widget.Select
	allOpen    *widget.Check
	allCount   *widget.Label
	sums       *latest
	tabs       *container.AppTabs
	formHeader string
}

func newEmployersScreen(g *GUI, st EmployerStore) *employersScreen {
	s := &employersScreen{g: g, st: st, today: st.Today(), sums: g.newLatest()}
	demands := listFrom(st.ListDemands, st.CountDemands)
	s.empTable = newListView(g, listSpec[data.Employer, data.EmployerFilter]{
		src: listFrom(st.ListEmployers, st.CountEmployers),
		cols: []column[data.Employer]{
			{title: "单位名称", width: 196, sort: "name", text: func(e *data.Employer) string { return e.Name }},
			{title: "所在地", width: 104, sort: "region", text: func(e *data.Employer) string { return shortRegionName(e.Region) }},
			{title: "联系人", width: 64, text: func(e *data.Employer) string { return e.Contact }},
			{title: "工会", width: 76, text: func(e *data.Employer) string { return unionText(e.HasUnion) }},
		},
		sort:   "name",
		tables: []data.Table{data.TableEmployers},
		count:  func() textSetter { return s.empCount },
		open:   func(e data.Employer) { s.selectEmployer(e.ID) },
		loaded: func() {
			s.empCount.SetText(fmt.Sprintf("共 %s 家", thousands(int64(s.empRows.length()))))
			if s.selected == nil && s.empRows.length() > 0 {
				if e, ok := s.empRows.row(0); ok {
					s.selectEmployer(e.ID)
				}
			}
		},
	})
	s.empRows = s.empTable.rows

	s.empDemands = newListView(g, listSpec[data.Demand, data.DemandFilter]{
		src:    demands,
		cols:   s.demandColumns(false),
		sort:   "valid_until", // 有效期至: the demands that end soonest first
		filter: data.DemandFilter{EmployerID: "-"},
		tables: []data.Table{data.TableDemands},
		count:  func() textSetter { return s.demCount },
		open:   func(d data.Demand) { s.openDemand(d.ID) },
		loaded: func() { s.demCount.SetText(fmt.Sprintf("%d 条", s.empDemRows.length())) },
	})
	s.empDemRows = s.empDemands.rows

	s.allTable = newListView(g, listSpec[data.Demand, data.DemandFilter]{
		src:  demands,
		cols: s.demandColumns(true),
		sort: "created",
		desc: true,
		// the demand list shows employer names
		tables: []data.Table{data.TableEmployers, data.TableDemands},
		count:  func() textSetter { return s.allCount },
		open:   func(d data.Demand) { s.openDemand(d.ID) },
		loaded: s.updateAllCount,
	})
	s.allRows = s.allTable.rows
	return s
}

func unionText(has bool) string {
	if has {
		return "已建会"
	}
	return "未建会"
}

// wageRange is a wage range as clerks write it.
func wageRange(min, max data.Fen) string {
	switch {
	case min > 0 && max > 0 && min == max:
		return min.String() + "元"
	case min > 0 && max > 0:
		return min.String() + "–" + max.String() + "元"
	case min > 0:
		return min.String() + "元起"
	case max > 0:
		return "最高" + max.String() + "元"
	}
	return "面议"
}

// demandState is the demand's status as the clerk reads it today.
func demandState(d *data.Demand, today data.Date) string {
	if d.Status == data.DemandOpen {
		switch {
		case d.Left() == 0:
			return "已招满"
		case !d.ValidUntil.IsZero() && today.After(d.ValidUntil):
			return "已过期"
		case !d.ValidFrom.IsZero() && today.Before(d.ValidFrom):
			return "未开始"
		}
	}
	return d.Status.Label()
}

// demandColumns are the columns of a demand list; the list of every demand
// adds the employer, an employer's own list leaves out the work place
// (mostly the employer's county) to fit beside the employer details.
func (s *employersScreen) demandColumns(withEmployer bool) []column[data.Demand] {
	var cols []column[data.Demand]
	if withEmployer {
		cols = append(cols, column[data.Demand]{title: "用工单位", width: 200, text: func(d *data.Demand) string {
			if d.Employer == nil {
				return ""
			}
			return d.Employer.Name
		}})
	}
	cols = append(cols,
		column[data.Demand]{title: "工种", width: 110, sort: "occ", text: func(d *data.Demand) string { return occName(d.Occupation) }},
		column[data.Demand]{title: "岗位名称", width: 130, sort: "title", text: func(d *data.Demand) string { return d.Title }},
		column[data.Demand]{title: "已招/招聘", width: 84, sort: "headcount", text: func(d *data.Demand) string {
			return strconv.Itoa(d.Filled) + "/" + strconv.Itoa(d.Headcount)
		}},
		column[data.Demand]{title: "月工资", width: 110, text: func(d *data.Demand) string { return wageRange(d.WageMin, d.WageMax) }},
	)
	if withEmployer {
		cols = append(cols, column[data.Demand]{title: "工作地点", width: 110, sort: "region",
			text: func(d *data.Demand) string { return shortRegionName(d.WorkRegion) }})
	}
	return append(cols,
		column[data.Demand]{title: "有效期至", width: 96, sort: "valid_until", text: func(d *data.Demand) string { return d.ValidUntil.String() }},
		column[data.Demand]{title: "状态", width: 64, text: func(d *data.Demand) string { return demandState(d, s.today) }},
	)
}

func (s *employersScreen) view() fyne.CanvasObject {
	if s.stack != nil {
		return s.stack
	}
	g := s.g
	// Employers tab.
	s.search = newTextEntry("搜索单位名称或信用代码")
	s.search.OnChanged = func(t string) { s.empTable.setFilter(data.EmployerFilter{Text: strings.TrimSpace(t)}) }
	s.addEmp = widget.NewButtonWithIcon("新增用工单位", theme.ContentAddIcon(), s.openNewEmployer)
	s.addEmp.Importance = widget.HighImportance
	s.empCount = widget.NewLabel("正在统计…")
	s.notice = widget.NewLabel("")
	s.notice.Importance = widget.SuccessImportance
	s.notice.Hide()
	left := container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, s.addEmp, s.search),
			// Flowing: in the narrow left pane the buttons take a second
			// line rather than cover the count.
			newFlow(s.empCount, newListActions(g, sheet.Employers, s.employerScope).view(), s.notice)),
		nil, nil, nil, s.empTable.table)

	s.detailName = wrapLabel("")
	s.detailName.TextStyle = fyne.TextStyle{Bold: true}
	s.detailName.SizeName = theme.SizeNameSubHeadingText
	s.detailName.Hide()
	s.detail = wrapLabel("请在左侧选择一家用工单位")
	s.editEmp = widget.NewButtonWithIcon("修改单位信息", theme.DocumentCreateIcon(), func() {
		if s.selected != nil {
			s.openEmployer(s.selected.ID)
		}
	})
	s.delEmp = widget.NewButtonWithIcon("删除单位", theme.DeleteIcon(), s.deleteEmployer)
	s.delEmp.Importance = widget.DangerImportance
	s.openOnly = widget.NewCheck("只看招聘中", func(bool) { s.filterEmployerDemands() })
	s.openOnly.SetChecked(true)
	s.addDemand = widget.NewButtonWithIcon("新增用工需求", theme.ContentAddIcon(), func() {
		if s.selected != nil {
			s.openNewDemand(s.selected)
		}
	})
	s.addDemand.Importance = widget.HighImportance
	s.demCount = widget.NewLabel("")
	demHeader := container.NewHBox(widget.NewLabelWithStyle("用工需求", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.demCount, s.openOnly, layout.NewSpacer(), s.addDemand)
	s.detailBox = container.NewVBox(s.detailName, s.detail, container.NewHBox(s.editEmp, s.delEmp))
	right := container.NewBorder(container.NewVBox(widget.NewCard("", "", s.detailBox), demHeader), nil, nil, nil, s.empDemands.table)
	s.setSelectedButtons()

	split := container.NewHSplit(left, right)
	split.Offset = 0.4

	// All-demands tab.
	s.allSearch = newTextEntry("搜索岗位名称或用工单位")
	s.allSearch.OnChanged = func(string) { s.filterAll() }
	s.allOcc = newOccField(g.win, true, "全部工种")
	s.allOcc.onChanged = func(string) { s.filterAll() }
	s.allRegion = newRegionField(g.win, false, true, "全部工作地点", g.officeRegion)
	s.allRegion.onChanged = func(string) { s.filterAll() }
	s.allStatus = widget.NewSelect(append([]string{allStatuses}, labelsOf(data.DemandStatuses)...), func(string) { s.filterAll() })
	s.allStatus.SetSelectedIndex(0)
	s.allOpen = widget.NewCheck("只看招聘中、未招满、在有效期内", func(bool) { s.filterAll() })
	s.allCount = widget.NewLabel("正在统计…")
	allTop := container.NewVBox(s.allSearch,
		container.NewHBox(
			container.NewGridWrap(fyne.NewSize(170, s.allOcc.MinSize().Height), s.allOcc),
			container.NewGridWrap(fyne.NewSize(230, s.allRegion.MinSize().Height), s.allRegion),
			s.allStatus, s.allOpen),
		container.NewBorder(nil, nil, s.allCount, newListActions(g, sheet.Demands, s.demandScope).view()))
	all := container.NewBorder(allTop, nil, nil, nil, s.allTable.table)

	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("用工单位", theme.StorageIcon(), split),
		container.NewTabItemWithIcon("全部用工需求", theme.ListIcon(), all))
	s.tabs.OnSelected = func(*container.TabItem) { s.shown() }
	s.list = s.tabs
	s.stack = container.NewStack(s.list)
	s.empRows.setQuery(s.empRows.query())
	s.allRows.setQuery(s.allRows.query())
	return s.stack
}

func (s *employersScreen) shown() {
	if s.formShown() {
		return
	}
	s.today = s.st.Today()
	if s.tabs != nil && s.tabs.SelectedIndex() == 1 {
		s.g.setActions(actions{Find: func() { s.g.focus(s.allSearch) }, New: s.newDemandForSelected})
		return
	}
	s.g.setActions(actions{New: s.openNewEmployer, Find: func() { s.g.focus(s.search) }})
}

func (s *employersScreen) newDemandForSelected() {
	if s.selected != nil {
		s.openNewDemand(s.selected)
	} else {
		s.openNewDemand(nil)
	}
}

func (s *employersScreen) selectEmployer(id string) {
	e, err := s.st.Employer(id)
	if err != nil {
		s.clearSelection()
		return
	}
	s.selected = e
	s.detailName.SetText(e.Name)
	s.detailName.Show()
	var b strings.Builder
	fmt.Fprintf(&b, "统一社会信用代码：%s\n所在地：%s", e.CreditCode, catalog.FullName(e.Region))
	if e.Address != "" {
		b.WriteString(" " + e.Address)
	}
	contact := strings.TrimSpace(e.Contact + " " + e.ContactPhone)
	if contact == "" {
		contact = "未填写"
	}
	fmt.Fprintf(&b, "\n联系人：%s\n行业：%s · 工会：%s", contact, orNone(e.Industry), unionText(e.HasUnion))
	if e.Notes != "" {
		b.WriteString("\n备注：" + e.Notes)
	}
	s.detail.SetText(b.String())
	s.setSelectedButtons()
	s.filterEmployerDemands()
}

// clearSelection shows no employer on the right.
func (s *employersScreen) clearSelection() {
	s.selected = nil
	s.detailName.Hide()
	s.detail.SetText("请在左侧选择一家用工单位")
	s.setSelectedButtons()
	s.filterEmployerDemands()
}

func orNone(s string) string {
	if s == "" {
		return "未填写"
	}
	return s
}

func (s *employersScreen) setSelectedButtons() {
	for _, b := range []*widget.Button{s.editEmp, s.delEmp, s.addDemand} {
		if s.selected == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	s.openOnly.Enable()
}

func (s *employersScreen) filterEmployerDemands() {
	f := data.DemandFilter{EmployerID: "-"} // none until an employer is selected
	if s.selected != nil {
		f.EmployerID = s.selected.ID
	}
	if s.openOnly.Checked {
		f.OpenOn = s.today
	}
	s.empDemands.setFilter(f)
}

func (s *employersScreen) allFilter() data.DemandFilter {
	f := data.DemandFilter{Text: strings.TrimSpace(s.allSearch.Text), Occupation: s.allOcc.code, Region: s.allRegion.code}
	if s.allStatus.SelectedIndex() > 0 {
		f.Status = data.DemandStatus(codeForLabel(data.DemandStatuses, s.allStatus.Selected))
	}
	if s.allOpen.Checked {
		f.OpenOn = s.today
	}
	return f
}

func (s *employersScreen) filterAll() {
	if s.allCount == nil {
		return
	}
	s.allTable.setFilter(s.allFilter())
}

// updateAllCount shows the number of demands and, fetched beside it, how
// many people they ask for.
func (s *employersScreen) updateAllCount() {
	n := s.allRows.length()
	f := s.allRows.query().filter
	s.allCount.SetText(fmt.Sprintf("共 %s 条需求", thousands(int64(n))))
	st := s.st
	s.sums.submit(func() func() {
		h, filled, err := st.SumHeadcount(f)
		return func() {
			if err != nil || s.allRows.query().filter != f {
				return
			}
			s.allCount.SetText(fmt.Sprintf("共 %s 条需求，招聘 %s 人，已招 %s 人", thousands(int64(n)), thousands(h), thousands(filled)))
		}
	})
}

func (s *employersScreen) say(msg string) {
	s.notice.SetText(msg)
	s.notice.Show()
}

func (s *employersScreen) deleteEmployer() {
	e := s.selected
	if e == nil {
		return
	}
	s.g.deleteRecord(s.st, "删除用工单位",
		fmt.Sprintf("确定删除用工单位“%s”吗？删除后列表中不再显示，与合作方交换数据时对方也会删除。", e.Name),
		&data.Employer{Synced: data.Synced{ID: e.ID}}, func() {
			s.clearSelection()
			s.say(fmt.Sprintf("已删除用工单位“%s”", e.Name))
		})
}

func (s *employersScreen) openNewEmployer() {
	s.openNew(func() formView { return newEmployerForm(s, nil) })
}

func (s *employersScreen) openEmployer(id string) {
	openByID(s.g, "用工单位", id, s.st.Employer, func(e *data.Employer) { s.showForm(newEmployerForm(s, e)) })
}

func (s *employersScreen) openNewDemand(e *data.Employer) {
	s.openNew(func() formView { return newDemandForm(s, nil, e) })
}

func (s *employersScreen) openDemand(id string) {
	openByID(s.g, "用工需求", id, s.st.Demand, func(d *data.Demand) {
		e, err := s.st.Employer(d.EmployerID)
		if err != nil {
			e = nil
		}
		s.showForm(newDemandForm(s, d, e))
	})
}

// openNew opens a blank form unless one is open already (a second
// 新建 while editing does nothing).
func (s *employersScreen) openNew(blank func() formView) {
	if !s.formOpen() {
		s.showForm(blank())
	}
}

func (s *employersScreen) showForm(f formView) {
	s.view()
	s.notice.Hide()
	s.putForm(f)
}

// closeForm goes back to the lists; selectID, if set, is the employer to
// show on the right.
func (s *employersScreen) closeForm(selectID string) {
	s.putList()
	s.g.setHeading("用工单位与需求")
	if selectID != "" {
		s.selectEmployer(selectID)
	}
	s.shown()
}
