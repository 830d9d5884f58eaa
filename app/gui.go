package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/storage"
)

// AppID is the application ID, as in FyneApp.toml; Fyne keeps the
// preferences (the window size) under it.
const AppID = "cn.duikou.laowu"

// AppName is the program's name as the clerk sees it.
const AppName = "对口劳务协作"

// Options tune the window.
type Options struct {
	// Demo says the database is a throwaway demo; the status bar says so.
	Demo bool
	// LogDir is the folder of the log file (data/applog), which 设置
	// opens for the clerk to send to support; "" when there is none.
	LogDir string
}

// GUI is the main window: navigation on the left, the current screen on
// the right, a status line at the bottom. Before the office is set up it
// shows the set-up form instead.
type GUI struct {
	app fyne.App
	win fyne.Window
	// shell is the database as the window itself uses it.
	shell Shell
	// db is the concrete database, set only by newGUI and replaceStore:
	// the packages that run the Store's own transactions (data/sheet,
	// data/report, data/exchange, data/matching) take it.
	db  *storage.Store
	opt Options

	navButtons []*widget.Button
	current    int
	body       *fyne.Container
	heading    *widget.Label
	status     *widget.Label
	screens    []*navScreen
	actions    actions

	// ui runs a function on the UI thread: fyne.Do, or in tests a queue
	// the test drains, so background results land as they do in the app.
	ui func(func())
	// runners are the background query loops, for tests to wait on.
	runners []interface{ waitIdle() }

	setup     *setupScreen
	home      *homeScreen
	workers   *workersScreen
	employers *employersScreen
	match     *matchScreen
	settings  *settingsScreen
	// placements and followUps are 就业安置 and 跟踪服务.
	placements *placementsScreen
	followUps  *followUpsScreen
	files      *fileHooks // file dialogs, printer and opener (sheet_hooks.go); tests replace them
	// reloads are the lists' reloads by table, run by dataChanged.
	reloads listReloads
}

// actions are what the window's shortcuts do on the current screen; nil
// means the shortcut does nothing there.
type actions struct {
	New    func() // Ctrl+N
	Find   func() // Ctrl+F
	Save   func() // Ctrl+S
	Cancel func() // Esc
}

// screen is one page of the navigation.
type screen interface {
	// view is built once, when the screen is first shown.
	view() fyne.CanvasObject
	// shown runs each time the clerk comes to the screen: it refreshes
	// what may be stale and sets the shortcuts' actions.
	shown()
}

type navScreen struct {
	title string
	icon  fyne.Resource
	scr   screen
	built fyne.CanvasObject
}

// Screen indices, in navigation order.
const (
	screenHome = iota
	screenWorkers
	screenEmployers
	screenMatch
	screenPlacements
	screenFollowUps
	screenReport
	screenExchange
	screenSubsidy
	screenSettings
)

// New builds the window's content on w, which the caller shows. It sets
// the theme and Fyne's own words to Chinese for the whole app.
func New(a fyne.App, w fyne.Window, s *storage.Store, opt Options) *GUI {
	return newGUI(a, w, s, opt, fyne.Do)
}

func newGUI(a fyne.App, w fyne.Window, s *storage.Store, opt Options, ui func(func())) *GUI {
	UseTheme(a)
	g := &GUI{app: a, win: w, shell: s, db: s, opt: opt, current: -1, ui: ui}
	w.SetTitle(AppName)
	g.installShortcuts()
	s.OnChange(g.dataChanged)
	if s.Office() == nil {
		g.setup = newSetupScreen(g, s)
		w.SetContent(g.setup.view())
		g.setup.shown()
	} else {
		g.showMain()
	}
	return g
}

// UseTheme gives the app the bundled font and light theme, and makes
// Fyne's own words (dialog buttons, menus) Chinese whatever the OS locale.
// New does it; main calls it first for windows shown before the GUI.
func UseTheme(a fyne.App) {
	useChineseEverywhere()
	a.Settings().SetTheme(Theme{})
}

// Window is the window the GUI lives in.
func (g *GUI) Window() fyne.Window { return g.win }

// showMain replaces the set-up (or nothing) with the navigation and the
// home screen.
func (g *GUI) showMain() {
	db := g.db
	g.home = newHomeScreen(g, db)
	g.workers = newWorkersScreen(g, db)
	g.employers = newEmployersScreen(g, db)
	g.settings = newSettingsScreen(g, db)
	g.match = newMatchScreen(g, db)
	g.placements = newPlacementsScreen(g, db)
	g.followUps = newFollowUpsScreen(g, db)
	g.screens = []*navScreen{
		{title: "首页", icon: theme.HomeIcon(), scr: g.home},
		{title: "劳动者", icon: theme.AccountIcon(), scr: g.workers},
		{title: "用工单位与需求", icon: theme.StorageIcon(), scr: g.employers},
		{title: "匹配推荐", icon: theme.SearchIcon(), scr: g.match},
		{title: "就业安置", icon: theme.ConfirmIcon(), scr: g.placements},
		{title: "跟踪服务", icon: theme.HistoryIcon(), scr: g.followUps},
		{title: "统计报表", icon: theme.GridIcon(), scr: newReportScreen(g, db)},
		{title: "数据交换", icon: theme.MailSendIcon(), scr: newExchangeScreen(g, db)},
		{title: "补贴与慰问", icon: theme.DocumentIcon(), scr: newSubsidyScreen(g, db)},
		{title: "设置", icon: theme.SettingsIcon(), scr: g.settings},
	}
	nav := container.NewVBox()
	for i, sc := range g.screens {
		i := i
		b := widget.NewButtonWithIcon(sc.title, sc.icon, func() { g.navClicked(i) })
		b.Alignment = widget.ButtonAlignLeading
		g.navButtons = append(g.navButtons, b)
		nav.Add(b)
	}
	brand := widget.NewLabelWithStyle(AppName, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	navPane := container.NewBorder(container.NewVBox(brand, widget.NewSeparator()), nil, nil, nil, nav)

	g.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.heading.SizeName = theme.SizeNameSubHeadingText
	g.body = container.NewStack()
	g.status = widget.NewLabel("")
	g.status.Truncation = fyne.TextTruncateEllipsis
	g.updateStatus()

	main := container.NewBorder(g.heading, nil, nil, nil, g.body)
	content := container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), g.status),
		container.NewHBox(navPane, widget.NewSeparator()), nil,
		container.NewPadded(main))
	g.win.SetContent(content)
	g.navigate(screenHome)
}

// navClicked is a click on screen i's navigation button. On the screen
// already showing it goes back to the screen's list, as Esc does (a form
// with unsaved changes asks first): a clerk on a placement's page clicks
// 就业安置 to get back to the placements.
func (g *GUI) navClicked(i int) {
	if i == g.current && g.actions.Cancel != nil {
		g.actions.Cancel()
		return
	}
	g.navigate(i)
}

// navigate shows screen i.
func (g *GUI) navigate(i int) {
	if i < 0 || i >= len(g.screens) {
		return
	}
	if g.current == i {
		g.screens[i].scr.shown()
		return
	}
	g.current = i
	for j, b := range g.navButtons {
		if j == i {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	sc := g.screens[i]
	if sc.built == nil {
		sc.built = sc.scr.view()
	}
	g.heading.SetText(sc.title)
	showIn(g.body, sc.built)
	g.actions = actions{}
	sc.scr.shown()
}

// newLatest makes a background runner that reports through g.ui.
func (g *GUI) newLatest() *latest {
	l := newLatest(g.ui)
	g.runners = append(g.runners, l)
	return l
}

// track registers a paged list's loop for tests to wait on.
func (g *GUI) track(r interface{ waitIdle() }) { g.runners = append(g.runners, r) }

// officeRegion is where region choosers open: the office's own place.
func (g *GUI) officeRegion() string {
	if o := g.shell.Office(); o != nil {
		return o.Region
	}
	return ""
}

// setHeading changes the title above the screen (a form names its record).
func (g *GUI) setHeading(text string) { g.heading.SetText(text) }

// setActions sets what the shortcuts do now.
func (g *GUI) setActions(a actions) { g.actions = a }

// updateStatus writes the status line: the office, the clerk, the file.
func (g *GUI) updateStatus() {
	if g.status == nil {
		return
	}
	o := g.shell.Office()
	if o == nil {
		return
	}
	text := o.Name + " · " + roleShort(o.Role) + " · 经办人：" + o.ClerkName + " · 数据库：" + g.shell.Path()
	if g.opt.Demo {
		text = "【演示数据，关闭后不保留】 " + text
	}
	g.status.SetText(text)
}

// roleShort is the role without the explanation in brackets.
func roleShort(r data.OfficeRole) string {
	switch r {
	case data.RoleSending:
		return "输出地"
	case data.RoleReceiving:
		return "输入地"
	}
	return "输出地、输入地双向"
}

// installShortcuts routes Ctrl+N, Ctrl+F, Ctrl+S and Esc to the current
// screen's actions. Text entries pass them on (see textEntry).
func (g *GUI) installShortcuts() {
	c := g.win.Canvas()
	for _, s := range []fyne.Shortcut{shortcutNew, shortcutFind, shortcutSave} {
		c.AddShortcut(s, g.typedShortcut)
	}
	shortcutRoutes.Store(c, g.typedShortcut)
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name != fyne.KeyEscape {
			return
		}
		if top := c.Overlays().Top(); top != nil {
			closeOverlay(c, top) // as its 取消 would (esc_dialog.go)
			return
		}
		if g.actions.Cancel != nil {
			g.actions.Cancel()
		}
	})
}

// typedShortcut runs the current screen's action for a window shortcut.
func (g *GUI) typedShortcut(s fyne.Shortcut) {
	if g.win.Canvas().Overlays().Top() != nil {
		return // a dialog is open: it has its own buttons
	}
	var fn func()
	switch s.ShortcutName() {
	case shortcutNew.ShortcutName():
		fn = g.actions.New
	case shortcutFind.ShortcutName():
		fn = g.actions.Find
	case shortcutSave.ShortcutName():
		fn = g.actions.Save
	}
	if fn != nil {
		fn()
	}
}

// dataChanged is the Store's change listener: lists showing the changed
// table fetch again (they keep their place). It may run on any goroutine;
// the lists queue the work themselves.
func (g *GUI) dataChanged(c data.Change) {
	if c.Replaced {
		g.restoredElsewhere() // gui_restored.go
		return
	}
	for _, reload := range g.reloadsFor(c.Table) {
		reload()
	}
	// The home screen's counts take a dozen queries over every worker:
	// recount only while it is showing (shown recounts on the way back).
	if g.home != nil {
		g.ui(func() {
			if g.current == screenHome {
				g.home.refresh()
			}
		})
	}
}

// focus puts the keyboard focus on o.
func (g *GUI) focus(o fyne.Focusable) { g.win.Canvas().Focus(o) }

// showError shows an error that belongs to no field. A long message (a
// file's problems) scrolls in a larger dialog instead of being clipped.
func (g *GUI) showError(title string, err error) {
	g.showText(title, err.Error())
}

// confirm asks a yes/no question with the given button words.
func (g *GUI) confirm(title, message, yes string, then func()) {
	msg := wrapLabel(message)
	// A long question (several names) scrolls instead of being cut.
	box := container.NewVScroll(msg)
	box.SetMinSize(fyne.NewSize(440, 110))
	d := dialog.NewCustomConfirm(title, yes, "取消", box,
		func(ok bool) {
			if ok {
				then()
			}
		}, g.win)
	d.Show()
}
