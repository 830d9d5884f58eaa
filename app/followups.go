package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/sheet"
	"duikou/data/storage"
)

// followUpsScreen is 跟踪服务: check-in calls, 送温暖 visits and cases,
// 待办 first by due date (so the overdue ones head the list, then those due
// soonest), with a panel beside the list to record a call's result in a
// few keystrokes: tap the row, type the result, Enter.
type followUpsScreen struct {
	listScreen[FollowUpStore, data.FollowUp, data.FollowUpFilter]

	kind, status, owner *widget.Select
	notice              *widget.Label
	// actions is the toolbar spot for the list's export and print buttons
	// (newListActions from the spreadsheet work, wired at merge); Scope
	// gives them what the list shows.
	actions *fyne.Container

	// The quick entry opens in a panel beside the list, empty while none
	// is open.
	formPlace[*quickEntry]
	built fyne.CanvasObject
}

// The status filter's choices: the four views a clerk works from.
const (
	statusOpen    = "待办"
	statusOverdue = "逾期未办"
	statusDone    = "已完成"
	statusCancel  = "已取消"
	statusAll     = "全部状态"
	allKinds      = "全部类别"
	ownerAny      = "全部负责方"
	ownerMine     = "我方负责"
	ownerTheirs   = "对方负责"
)

func newFollowUpsScreen(g *GUI, st FollowUpStore) *followUpsScreen {
	s := &followUpsScreen{}
	s.buildList(g, st, st.Today(), listSpec[data.FollowUp, data.FollowUpFilter]{
		src:    listFrom(st.ListFollowUpsFull, st.CountFollowUps),
		filter: data.FollowUpFilter{Status: data.FollowUpOpen}, // 待办
		cols:   s.columns(),
		sort:   "due", // the overdue first, then those due soonest
		tables: []data.Table{data.TableFollowUps, data.TableWorkers},
		open:   func(f data.FollowUp) { s.openEntry(&f) },
		loaded: s.updateCount,
	})
	return s
}

func (s *followUpsScreen) columns() []column[data.FollowUp] {
	return []column[data.FollowUp]{
		{title: "到期日", width: 104, sort: "due", text: func(f *data.FollowUp) string { return f.DueOn.String() }},
		{title: "情况", width: 96, text: func(f *data.FollowUp) string { return dueText(f, s.today) }},
		{title: "类别", width: 96, sort: "kind", text: func(f *data.FollowUp) string { return f.Kind.Label() }},
		{title: "劳动者", width: 84, text: func(f *data.FollowUp) string {
			if f.Worker == nil {
				return ""
			}
			return f.Worker.Name
		}},
		{title: "用工单位", width: 190, text: func(f *data.FollowUp) string {
			if f.Placement == nil {
				return ""
			}
			return placementEmployer(f.Placement)
		}},
		{title: "负责方", width: 80, text: func(f *data.FollowUp) string { return s.ownerText(f) }},
		{title: "金额", width: 90, text: func(f *data.FollowUp) string {
			if f.Amount == 0 {
				return ""
			}
			return f.Amount.String() + "元"
		}},
		{title: "结果或备注", width: 260, text: func(f *data.FollowUp) string {
			if f.Outcome != "" {
				return f.Outcome
			}
			return f.Notes
		}},
	}
}

// dueText says where an item stands today: 逾期5天, 今天到期, 3天后到期,
// or its status when it is closed.
func dueText(f *data.FollowUp, today data.Date) string {
	if f.Status != data.FollowUpOpen {
		return f.Status.Label()
	}
	switch n := today.DaysUntil(f.DueOn); {
	case n < 0:
		return fmt.Sprintf("逾期%d天", -n)
	case n == 0:
		return "今天到期"
	default:
		return fmt.Sprintf("%d天后到期", n)
	}
}

func (s *followUpsScreen) ownerText(f *data.FollowUp) string {
	if s.ours(f) {
		return ownerMine
	}
	return ownerTheirs
}

// ours reports whether this office owns the item.
func (s *followUpsScreen) ours(f *data.FollowUp) bool {
	o := s.st.Office()
	return o == nil || f.OwnedBy(o.ID)
}

func (s *followUpsScreen) view() fyne.CanvasObject {
	if s.built != nil {
		return s.built
	}
	s.kind = widget.NewSelect(append([]string{allKinds}, labelsOf(data.FollowUpKinds)...), func(string) { s.applyFilter() })
	s.kind.SetSelectedIndex(0)
	s.status = widget.NewSelect([]string{statusOpen, statusOverdue, statusDone, statusCancel, statusAll}, func(string) { s.applyFilter() })
	s.status.SetSelectedIndex(0)
	s.owner = widget.NewSelect([]string{ownerAny, ownerMine, ownerTheirs}, func(string) { s.applyFilter() })
	s.owner.SetSelectedIndex(0)
	s.count = widget.NewLabel("正在统计…")
	s.notice = widget.NewLabel("")
	s.notice.Importance = widget.SuccessImportance
	s.notice.Hide()
	add := widget.NewButtonWithIcon("新增跟踪服务", theme.ContentAddIcon(), s.openNew)
	add.Importance = widget.HighImportance
	s.actions = container.NewHBox(newListActions(s.g, sheet.FollowUps, s.listScope).view()) // 导出/打印 (list_actions.go)
	hint := widget.NewLabel("跟踪服务：点一行（或用方向键选中后按回车）记录结果，输入结果后按回车或 Ctrl+S 保存，Esc 取消。")
	hint.Importance = widget.LowImportance

	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(s.status, s.kind, s.owner), container.NewHBox(s.actions, add)),
		container.NewBorder(nil, nil, hint, container.NewHBox(s.notice, s.count)),
	)
	s.stack = container.NewStack() // the quick entry's panel, empty
	s.built = container.NewBorder(top, nil, nil, s.stack, s.table.table)
	s.rows.setQuery(s.rows.query())
	return s.built
}

func (s *followUpsScreen) shown() {
	s.today = s.st.Today()
	if s.formShown() {
		return
	}
	s.g.setActions(actions{New: s.openNew})
}

// filter reads the filter bar.
func (s *followUpsScreen) filter() data.FollowUpFilter {
	var f data.FollowUpFilter
	switch s.status.Selected {
	case statusOpen:
		f.Status = data.FollowUpOpen
	case statusOverdue:
		f.OverdueOn = s.st.Today()
	case statusDone:
		f.Status = data.FollowUpDone
	case statusCancel:
		f.Status = data.FollowUpCancelled
	}
	if s.kind.SelectedIndex() > 0 {
		f.Kind = data.FollowUpKind(codeForLabel(data.FollowUpKinds, s.kind.Selected))
	}
	switch s.owner.Selected {
	case ownerMine:
		f.Responsible = data.ResponsibleMine
	case ownerTheirs:
		f.Responsible = data.ResponsibleTheirs
	}
	return f
}

// Scope is what the list shows, for export and print of the same rows
// (the list has no date range of its own).
func (s *followUpsScreen) Scope() (data.FollowUpFilter, storage.DateRange) {
	return s.rows.query().filter, storage.DateRange{}
}

func (s *followUpsScreen) applyFilter() {
	if s.count == nil {
		return // still building the filter bar
	}
	s.table.setFilter(s.filter())
}

// showFiltered sets the filter bar (the home screen's links): status is
// one of the status choices, kind "" for all.
func (s *followUpsScreen) showFiltered(status string, kind data.FollowUpKind) {
	s.view()
	s.closeEntry()
	s.owner.SetSelectedIndex(0)
	if kind == "" {
		s.kind.SetSelectedIndex(0)
	} else {
		s.kind.SetSelected(kind.Label())
	}
	s.status.SetSelected(status)
	s.applyFilter()
}

func (s *followUpsScreen) updateCount() {
	n := thousands(int64(s.rows.length()))
	s.count.SetText(fmt.Sprintf("%s %s 条", s.status.Selected, n))
}

// say shows a short confirmation beside the count.
func (s *followUpsScreen) say(msg string) {
	s.notice.SetText(msg)
	s.notice.Show()
}

// openEntry shows the quick entry for f beside the list.
func (s *followUpsScreen) openEntry(f *data.FollowUp) {
	s.view()
	s.putForm(newQuickEntry(s, f))
}

// closeEntry hides the quick entry.
func (s *followUpsScreen) closeEntry() {
	if s.putList() {
		s.shown()
		// Back to the list, so the arrow keys and space go on to the next item.
		s.g.focus(s.table.table)
	}
}

func (s *followUpsScreen) openNew() {
	newFollowUpDialog(s.g, s.st, nil, nil, func() { s.say("已新增跟踪服务") }).show()
}
