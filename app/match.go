package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data/recommend"
)

// matchScreen is 匹配推荐: ranked workers for a demand (and referring the
// ones the clerk ticks), ranked demands for a worker, and the job-fair
// allocation. The match index is built on the screen's first use, in the
// background, so the window opens as fast without it.
type matchScreen struct {
	g  *GUI
	st MatchStore

	engine   matchEngine // nil until the index is built
	buildErr error       // why the index could not be built
	building *latest
	// writes records referrals: its own runner, so a ranking asked for
	// meanwhile never replaces a referral waiting to be written.
	writes *latest
	state  *widget.Label
	busy   *widget.ProgressBarInfinite
	// whenReady run once the index is built (rankings asked for before).
	whenReady []func()

	byDemand *matchByDemand
	byWorker *matchByWorker
	fair     *matchFair
	tabs     *container.AppTabs
	built    fyne.CanvasObject
}

// tabsWidth is the width of the three tabs' titles and a gap.
const tabsWidth = 360

// rankLimit is how many candidates a ranking lists.
const rankLimit = 50

func newMatchScreen(g *GUI, st MatchStore) *matchScreen {
	return &matchScreen{g: g, st: st, building: g.newLatest(), writes: g.newLatest()}
}

func (s *matchScreen) view() fyne.CanvasObject {
	if s.built != nil {
		return s.built
	}
	s.state = widget.NewLabel("")
	s.state.Importance = widget.LowImportance
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Hide()
	s.byDemand = newMatchByDemand(s)
	s.byWorker = newMatchByWorker(s)
	s.fair = newMatchFair(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("按需求找人", s.byDemand.view()),
		container.NewTabItem("按劳动者找岗位", s.byWorker.view()),
		container.NewTabItem("招聘会", s.fair.view()),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.refreshTab() }
	// The state line sits in the tab bar, right of the three tabs,
	// leaving the rows below to the candidates.
	s.state.Truncation = fyne.TextTruncateEllipsis
	besideTabs := canvas.NewRectangle(color.Transparent)
	besideTabs.SetMinSize(fyne.NewSize(tabsWidth, 0))
	stateLine := container.NewBorder(nil, nil, besideTabs, nil, s.state)
	s.built = container.NewBorder(s.busy, nil, nil, nil,
		container.NewStack(s.tabs, container.NewBorder(stateLine, nil, nil, nil)))
	return s.built
}

// shown builds the index the first time; later it re-ranks the open tab,
// since workers and demands may have been edited meanwhile.
func (s *matchScreen) shown() {
	s.g.setActions(actions{Find: s.focusSearch})
	if s.engine == nil && s.buildErr == nil {
		s.buildIndex()
	}
	s.refreshTab()
}

func (s *matchScreen) focusSearch() {
	switch s.tabs.SelectedIndex() {
	case 0:
		s.g.focus(s.byDemand.pick.entry)
	case 1:
		s.g.focus(s.byWorker.pick.entry)
	case 2:
		s.g.focus(s.fair.filter)
	}
}

// refreshTab fetches the open tab's lists and ranking again.
func (s *matchScreen) refreshTab() {
	switch s.tabs.SelectedIndex() {
	case 0:
		s.byDemand.refresh()
	case 1:
		s.byWorker.refresh()
	case 2:
		s.fair.refresh()
	}
}

// buildIndex starts building the index once.
func (s *matchScreen) buildIndex() {
	if s.busy.Visible() {
		return
	}
	s.state.SetText("正在建立匹配索引…")
	s.busy.Show()
	s.busy.Start()
	s.built.Refresh() // the bar takes its line above the tabs
	st := s.g.db
	s.building.submit(func() func() {
		start := time.Now()
		e, err := newMatchEngine(st)
		took := time.Since(start)
		return func() {
			s.busy.Stop()
			s.busy.Hide()
			s.built.Refresh() // and gives it back
			if err != nil {
				s.buildErr = fmt.Errorf("无法建立匹配索引：%w", err)
				s.state.SetText(s.buildErr.Error())
				s.whenReady = nil
				return
			}
			s.engine = e
			w, d := e.Len()
			s.state.SetText(fmt.Sprintf("匹配索引已建立：%d 名劳动者，%d 条用工需求（用时 %s）；修改劳动者或用工需求后，下一次匹配即按新资料计算", w, d, durationText(took)))
			ready := s.whenReady
			s.whenReady = nil
			for _, fn := range ready {
				fn()
			}
		}
	})
}

// withEngine runs fn with the index, now or once it is built. It reports
// false, having told the clerk, when the index could not be built.
func (s *matchScreen) withEngine(fn func(matchEngine)) bool {
	if s.buildErr != nil {
		s.g.showError("匹配推荐不可用", s.buildErr)
		return false
	}
	if s.engine != nil {
		fn(s.engine)
		return true
	}
	s.whenReady = append(s.whenReady, func() { fn(s.engine) })
	return true
}

// rankAside runs a match tab's ranking off the UI thread once the match
// index is ready (saying "正在建立匹配索引…" until it is): top ranks, timed;
// then reads the ranked records and returns what to show, which runs on the
// UI thread unless stale says the clerk picked another meanwhile. An error
// is said in note.
func (s *matchScreen) rankAside(run *latest, note textSetter, stale func() bool,
	top func(matchEngine) ([]recommend.Ranked, error),
	then func(e matchEngine, ranked []recommend.Ranked, took time.Duration) (show func(), err error)) {
	if s.engine == nil {
		note.SetText("正在建立匹配索引…")
	}
	s.withEngine(func(e matchEngine) {
		run.submit(func() func() {
			start := time.Now()
			ranked, err := top(e)
			took := time.Since(start)
			var show func()
			if err == nil {
				show, err = then(e, ranked, took)
			}
			return func() {
				if stale() {
					return // the clerk picked another meanwhile
				}
				if err != nil {
					note.SetText("匹配出错：" + err.Error())
					return
				}
				show()
			}
		})
	})
}

// rankingView is a ranking tab's layout: the pick list at the left; at
// the right the ranking under its heading and note, the reason panel
// below it.
func rankingView(pick, heading, note, table, detail fyne.CanvasObject) fyne.CanvasObject {
	right := container.NewBorder(container.NewVBox(heading, note), detail, nil, nil, table)
	split := container.NewHSplit(pick, right)
	split.Offset = 0.3
	return split
}

// rankingNote says what a ranking of n rows holds: why the picked record
// takes no recommendation (the engine's reason, then refused), that
// nothing fits (none), or found.
func rankingNote(why, refused string, n int, none, found string) string {
	switch {
	case why != "":
		return why + refused
	case n == 0:
		return none
	}
	return found
}

// durationText is a duration as a clerk reads it: 0.4 毫秒, 35 毫秒, 2.4 秒.
func durationText(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.1f 毫秒", float64(d.Microseconds())/1000)
	}
	if d < time.Second {
		return fmt.Sprintf("%d 毫秒", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f 秒", d.Seconds())
}
