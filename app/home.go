package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/monitor"
	"duikou/data/storage"
)

// homeScreen is 首页: the counts a clerk checks each morning, each a link
// to the list behind it, and three charts. The counts are fetched in the
// background, so the window opens at once even on a large database.
type homeScreen struct {
	g    *GUI
	st   HomeStore
	jobs *latest

	greeting                                           *cjkLabel
	workers, idle, employed, started, overdue, arrears *statCard
	// risk is 返贫风险; flags are the workers it counts, which it opens.
	risk                     *statCard
	flags                    []monitor.Flag
	perMonth, byCity, byKind *barChart
	perMonthCard             *widget.Card
	built                    fyne.CanvasObject
}

// statCard is a number with a caption and a line of detail; tapping it
// opens the list the number counts.
type statCard struct {
	widget.BaseWidget
	value  *widget.Label
	detail *cjkLabel
	card   *widget.Card
	onTap  func()
}

func newStatCard(title string, onTap func()) *statCard {
	s := &statCard{value: widget.NewLabel("…"), detail: wrapLabel(""), onTap: onTap}
	s.value.SizeName = theme.SizeNameHeadingText
	s.value.TextStyle = fyne.TextStyle{Bold: true}
	s.detail.Importance = widget.LowImportance
	s.card = widget.NewCard("", title, container.NewVBox(s.value, s.detail))
	s.ExtendBaseWidget(s)
	return s
}

func (s *statCard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.card) }

// Tapped opens the card's list.
func (s *statCard) Tapped(*fyne.PointEvent) {
	if s.onTap != nil {
		s.onTap()
	}
}

// Cursor shows the hand: the card is a link.
func (s *statCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (s *statCard) set(value, detail string, imp widget.Importance) {
	s.value.Importance = imp
	s.value.SetText(value)
	s.detail.SetText(detail)
}

func newHomeScreen(g *GUI, st HomeStore) *homeScreen {
	h := &homeScreen{g: g, st: st, jobs: g.newLatest()}
	h.greeting = wrapLabel("")
	h.workers = newStatCard("劳动者", func() { h.openWorkers("") })
	h.idle = newStatCard("待业", func() { h.openWorkers(data.WorkerIdle) })
	h.employed = newStatCard("已就业", func() { h.openWorkers(data.WorkerEmployed) })
	h.started = newStatCard("本月上岗", func() {
		g.navigate(screenPlacements)
		g.placements.setStageAndRange(data.StageStarted, storage.MonthRange(h.st.Today()))
	})
	h.overdue = newStatCard("逾期回访", func() {
		g.navigate(screenFollowUps)
		g.followUps.showFiltered(statusOverdue, "")
	})
	h.arrears = newStatCard("未结欠薪案件", func() {
		g.navigate(screenFollowUps)
		g.followUps.showFiltered(statusOpen, data.KindArrears)
	})
	rounds := g.newLatest()
	h.risk = newStatCard("返贫风险", func() { g.showRiskList(h.st, h.flags, rounds) })
	h.perMonth = newBarChart(false)
	h.byCity = newBarChart(true)
	h.byKind = newBarChart(true)

	newWorker := widget.NewButtonWithIcon("登记劳动者", theme.ContentAddIcon(), func() {
		g.navigate(screenWorkers)
		g.workers.openNew()
	})
	newWorker.Importance = widget.HighImportance
	newEmployer := widget.NewButtonWithIcon("新增用工单位", theme.ContentAddIcon(), func() {
		g.navigate(screenEmployers)
		g.employers.openNewEmployer()
	})
	calls := widget.NewButtonWithIcon("待办跟踪服务", theme.HistoryIcon(), func() {
		g.navigate(screenFollowUps)
		g.followUps.showFiltered(statusOpen, "")
	})

	tips := wrapLabel("点上面的数字可打开对应名单。快捷键：Ctrl+N 新增，Ctrl+F 搜索，Ctrl+S 保存，Esc 取消。")
	tips.Importance = widget.LowImportance

	chart := func(title string, c *barChart) *widget.Card {
		return widget.NewCard("", title, container.NewPadded(c))
	}
	h.perMonthCard = chart("近12个月每月上岗人数", h.perMonth)
	// The charts take the height the counts and the actions leave: on a
	// tall screen they grow rather than leave the bottom empty.
	h.built = container.NewVScroll(container.NewBorder(
		container.NewVBox(h.greeting,
			newFlowGrid(h.workers, h.idle, h.employed, h.started, h.overdue, h.arrears, h.risk)),
		container.NewVBox(
			widget.NewLabelWithStyle("常用操作", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			newFlow(newWorker, newEmployer, calls),
			tips),
		nil, nil,
		newFlowGrid(
			h.perMonthCard,
			chart("上岗人数按接收地（市）", h.byCity),
			chart("跟踪服务按类别", h.byKind)),
	))
	return h
}

func (h *homeScreen) view() fyne.CanvasObject { return h.built }

func (h *homeScreen) shown() {
	g := h.g
	g.setActions(actions{New: func() { g.navigate(screenWorkers); g.workers.openNew() }})
	o := h.st.Office()
	today := h.st.Today()
	h.greeting.SetText(fmt.Sprintf("%s（%s），您好，%s。今天是%d年%d月%d日 %s。",
		o.Name, roleShort(o.Role), o.ClerkName, today.Year, int(today.Month), today.Day, weekday(today)))
	h.refresh()
}

// openWorkers shows the worker list with this status ("" for all).
func (h *homeScreen) openWorkers(status data.WorkerStatus) {
	g := h.g
	g.navigate(screenWorkers)
	w := g.workers
	w.view()
	// Only this status: the other filters go back to 全部, so the list
	// holds exactly the number on the card.
	w.search.SetText("")
	w.region.set("", false)
	w.occ.set("", false)
	w.poverty.SetSelectedIndex(0)
	if status == "" {
		w.status.SetSelectedIndex(0)
	} else {
		w.status.SetSelected(status.Label())
	}
	w.applyFilter()
}

// refresh fetches the counts in the background.
func (h *homeScreen) refresh() {
	s := h.st
	h.jobs.submit(func() func() {
		d, err := s.Dashboard(s.Today())
		var flags []monitor.Flag
		if err == nil {
			flags, err = s.MonitorFlags(s.Today())
		}
		return func() { h.show(d, flags, err) }
	})
}

// homeCities is how many cities the chart names; the rest are 其他.
const homeCities = 7

func (h *homeScreen) show(d *storage.Dashboard, flags []monitor.Flag, err error) {
	if err != nil {
		h.workers.set("—", "统计出错："+err.Error(), widget.DangerImportance)
		return
	}
	h.flags = flags
	if len(flags) > 0 {
		h.risk.set(thousands(int64(len(flags)))+" 人", "脱贫户和监测对象", widget.DangerImportance)
	} else {
		h.risk.set("0 人", "脱贫户、监测对象暂无风险", widget.SuccessImportance)
	}
	h.workers.set(thousands(d.Workers)+" 人", "登记的全部劳动者", widget.MediumImportance)
	h.idle.set(thousands(d.Idle)+" 人", "可推荐的劳动者", widget.MediumImportance)
	h.employed.set(thousands(d.Employed)+" 人", "已录用或在岗", widget.MediumImportance)
	h.started.set(thousands(d.StartedThisMonth)+" 人", "本月上岗、仍在岗", widget.MediumImportance)
	if d.Overdue > 0 {
		h.overdue.set(thousands(d.Overdue)+" 条", "已过期未办，请尽快回访处理", widget.DangerImportance)
	} else {
		h.overdue.set("0 条", "没有逾期的回访和求助", widget.SuccessImportance)
	}
	imp := widget.MediumImportance
	if d.OpenArrears > 0 {
		imp = widget.WarningImportance
	}
	h.arrears.set(thousands(d.OpenArrears)+" 件", "涉及欠薪 "+yuanThousands(d.ArrearsOwed)+" 元", imp)

	var months []string
	var perMonth []int64
	for _, m := range d.PerMonth {
		// The month's number alone: the title names the span, and twelve
		// short labels keep the three charts inside a 1,240-pixel window.
		months, perMonth = append(months, fmt.Sprint(int(m.Month))), append(perMonth, m.N)
	}
	if n := len(d.PerMonth); n > 0 {
		first, last := d.PerMonth[0], d.PerMonth[n-1]
		h.perMonthCard.SetSubTitle(fmt.Sprintf("每月上岗人数（%d年%d月至%d年%d月）", first.Year, int(first.Month), last.Year, int(last.Month)))
	}
	h.perMonth.set(months, perMonth)

	var cities []string
	var byCity []int64
	var other int64
	for i, c := range d.ByCity {
		if i < homeCities {
			cities, byCity = append(cities, shortRegionName(c.Code)), append(byCity, c.N)
		} else {
			other += c.N
		}
	}
	if other > 0 {
		cities, byCity = append(cities, "其他"), append(byCity, other)
	}
	h.byCity.set(cities, byCity)

	var kinds []string
	var byKind []int64
	for _, k := range d.ByKind {
		kinds, byKind = append(kinds, k.Kind.Label()), append(byKind, k.N)
	}
	h.byKind.set(kinds, byKind)
}

// yuanThousands writes an amount with thousands separators: 97,500 or
// 1,234.50.
func yuanThousands(f data.Fen) string {
	s := thousands(int64(f) / 100)
	if c := int64(f) % 100; c != 0 {
		s += fmt.Sprintf(".%02d", max(c, -c))
	}
	return s
}

// weekday is the day of the week in Chinese.
func weekday(d data.Date) string {
	return [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}[d.Time().Weekday()%7]
}

// thousands writes n with thousands separators: 1,000,000.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return neg + s
}
