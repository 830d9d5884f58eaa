package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// homeScreen is 首页: what needs doing and how many of everything there
// are. The counts are fetched in the background, so the window opens at
// once even on a large database.
type homeScreen struct {
	g    *GUI
	jobs *latest

	greeting                          *widget.Label
	overdue, workers, employers, open *statCard
	built                             fyne.CanvasObject
}

// statCard is a number with a caption and a line of detail.
type statCard struct {
	value  *widget.Label
	detail *widget.Label
	card   *widget.Card
}

func newStatCard(title string) *statCard {
	s := &statCard{value: widget.NewLabel("…"), detail: widget.NewLabel("")}
	s.value.SizeName = theme.SizeNameHeadingText
	s.value.TextStyle = fyne.TextStyle{Bold: true}
	s.detail.Wrapping = fyne.TextWrapWord
	s.card = widget.NewCard("", title, container.NewVBox(s.value, s.detail))
	return s
}

// homeCounts is what the home screen shows.
type homeCounts struct {
	workers, idle, referred, employed, returned int64
	employers                                   int64
	openDemands, headcount, filled              int64
	overdue                                     int64
	err                                         error
}

func newHomeScreen(g *GUI) *homeScreen {
	h := &homeScreen{g: g, jobs: g.newLatest()}
	h.greeting = widget.NewLabel("")
	h.greeting.Wrapping = fyne.TextWrapWord
	h.overdue = newStatCard("逾期未办的跟踪服务")
	h.workers = newStatCard("登记的劳动者")
	h.employers = newStatCard("用工单位")
	h.open = newStatCard("招聘中的用工需求")

	newWorker := widget.NewButtonWithIcon("登记劳动者", theme.ContentAddIcon(), func() {
		g.navigate(screenWorkers)
		g.workers.openNew()
	})
	newWorker.Importance = widget.HighImportance
	newEmployer := widget.NewButtonWithIcon("新增用工单位", theme.ContentAddIcon(), func() {
		g.navigate(screenEmployers)
		g.employers.openNewEmployer()
	})
	list := widget.NewButtonWithIcon("查看劳动者名单", theme.ListIcon(), func() { g.navigate(screenWorkers) })

	tips := widget.NewLabel("快捷键：Ctrl+N 新增，Ctrl+F 搜索，Ctrl+S 保存，Esc 取消。" +
		"列表中点表头可排序，点一行可查看和修改。")
	tips.Wrapping = fyne.TextWrapWord
	tips.Importance = widget.LowImportance

	h.built = container.NewVScroll(container.NewVBox(
		h.greeting,
		container.NewGridWithColumns(4, h.overdue.card, h.workers.card, h.employers.card, h.open.card),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("常用操作", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(newWorker, newEmployer, list),
		widget.NewSeparator(),
		tips,
	))
	return h
}

func (h *homeScreen) view() fyne.CanvasObject { return h.built }

func (h *homeScreen) shown() {
	g := h.g
	g.setActions(actions{New: func() { g.navigate(screenWorkers); g.workers.openNew() }})
	o := g.store.Office()
	today := g.store.Today()
	h.greeting.SetText(fmt.Sprintf("%s（%s），您好，%s。今天是%d年%d月%d日 %s。",
		o.Name, roleShort(o.Role), o.ClerkName, today.Year, int(today.Month), today.Day, weekday(today)))
	h.refresh()
}

// refresh fetches the counts in the background.
func (h *homeScreen) refresh() {
	s := h.g.store
	h.jobs.submit(func() func() {
		c := countHome(s)
		return func() { h.show(c) }
	})
}

func countHome(s Store) (c homeCounts) {
	today := s.Today()
	keep := func(err error) {
		if err != nil && c.err == nil {
			c.err = err
		}
	}
	var err error
	c.workers, err = s.CountWorkers(data.WorkerFilter{})
	keep(err)
	for _, st := range []struct {
		n      *int64
		status data.WorkerStatus
	}{{&c.idle, data.WorkerIdle}, {&c.referred, data.WorkerReferred}, {&c.employed, data.WorkerEmployed}, {&c.returned, data.WorkerReturned}} {
		*st.n, err = s.CountWorkers(data.WorkerFilter{Status: st.status})
		keep(err)
	}
	c.employers, err = s.CountEmployers(data.EmployerFilter{})
	keep(err)
	open := data.DemandFilter{OpenOn: today}
	c.openDemands, err = s.CountDemands(open)
	keep(err)
	c.headcount, c.filled, err = s.SumHeadcount(open)
	keep(err)
	c.overdue, err = s.CountFollowUps(data.FollowUpFilter{OverdueOn: today})
	keep(err)
	return c
}

func (h *homeScreen) show(c homeCounts) {
	if c.err != nil {
		h.workers.detail.SetText("统计出错：" + c.err.Error())
		return
	}
	h.overdue.value.SetText(fmt.Sprintf("%d 条", c.overdue))
	if c.overdue > 0 {
		h.overdue.value.Importance = widget.DangerImportance
		h.overdue.detail.SetText("请尽快回访或处理（“跟踪服务”功能即将推出）")
	} else {
		h.overdue.value.Importance = widget.SuccessImportance
		h.overdue.detail.SetText("没有逾期的回访和求助")
	}
	h.overdue.value.Refresh()
	h.workers.value.SetText(thousands(c.workers) + " 人")
	h.workers.detail.SetText(fmt.Sprintf("待业 %s · 已推荐 %s · 已就业 %s · 返乡 %s",
		thousands(c.idle), thousands(c.referred), thousands(c.employed), thousands(c.returned)))
	h.employers.value.SetText(thousands(c.employers) + " 家")
	h.employers.detail.SetText("统一社会信用代码已校验")
	h.open.value.SetText(thousands(c.openDemands) + " 条")
	h.open.detail.SetText(fmt.Sprintf("招聘 %s 人，已招 %s 人，尚缺 %s 人",
		thousands(c.headcount), thousands(c.filled), thousands(c.headcount-c.filled)))
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
