package app

import (
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/storage"
)

// exchangeScreen is 数据交换: this office's card, the partners, export
// and import of exchange files, the conflict list and the history. The
// engine (data/exchange) signs, encrypts, checks and merges; this screen
// picks files, shows what would happen and asks before anything is
// written.
type exchangeScreen struct {
	g   *GUI
	st  ExchangeStore
	eng exchangeEngine
	// lists reloads partners, conflicts and history; work runs one
	// export, import or pin at a time off the UI thread.
	lists, work *latest

	// The file pickers: Fyne's dialogs, replaced in tests by paths.
	now func() time.Time

	built    fyne.CanvasObject
	tabs     *container.AppTabs
	card     *exchangeCard
	partners *exchangePartners
	export   *exchangeExport
	imp      *exchangeImport
	conflict *exchangeConflicts
	history  *exchangeHistory
}

func newExchangeScreen(g *GUI, st ExchangeStore) *exchangeScreen {
	x := &exchangeScreen{g: g, st: st, eng: storeEngine{g.db}, lists: g.newLatest(), work: g.newLatest(), now: time.Now}
	return x
}

func (x *exchangeScreen) view() fyne.CanvasObject {
	if x.built != nil {
		return x.built
	}
	x.card = newExchangeCard(x)
	x.partners = newExchangePartners(x)
	x.export = newExchangeExport(x)
	x.imp = newExchangeImport(x)
	x.conflict = newExchangeConflicts(x)
	x.history = newExchangeHistory(x)
	x.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("合作方", theme.AccountIcon(), x.partners.view),
		container.NewTabItemWithIcon("导出给合作方", theme.UploadIcon(), x.export.view),
		container.NewTabItemWithIcon("导入", theme.DownloadIcon(), x.imp.view),
		x.conflict.tab,
		container.NewTabItemWithIcon("历史", theme.HistoryIcon(), x.history.view),
	)
	x.built = container.NewBorder(x.card.view, nil, nil, nil, x.tabs)
	return x.built
}

func (x *exchangeScreen) shown() {
	x.g.setActions(actions{})
	x.refresh()
}

// exchangeLists is what the lists show, read together off the UI thread.
type exchangeLists struct {
	partners  []partnerRow
	conflicts []storage.ConflictView
	history   []historyRow
	err       error
}

// historyLimit bounds the files listed per partner and direction.
const historyLimit = 100

// refresh reads the partners, conflicts and history again.
func (x *exchangeScreen) refresh() {
	x.lists.submit(func() func() {
		l := x.load()
		return func() {
			if l.err != nil {
				x.g.showError("无法读取交换记录", l.err)
				return
			}
			x.partners.set(l.partners)
			x.export.setPartners(l.partners)
			x.conflict.set(l.conflicts)
			x.history.set(l.history)
		}
	})
}

func (x *exchangeScreen) load() (l exchangeLists) {
	ps, err := x.st.Partners()
	if err != nil {
		return exchangeLists{err: err}
	}
	for _, p := range ps {
		row := partnerRow{Partner: p}
		for _, dir := range []string{"out", "in"} {
			logs, err := x.st.BundleHistory(p.ID, dir, historyLimit)
			if err != nil {
				return exchangeLists{err: err}
			}
			if len(logs) > 0 {
				if dir == "out" {
					row.lastOut = logs[0].At
				} else {
					row.lastIn = logs[0].At
				}
			}
			for _, b := range logs {
				l.history = append(l.history, historyRow{BundleLog: b, partner: p.Name})
			}
		}
		l.partners = append(l.partners, row)
	}
	sort.SliceStable(l.history, func(i, j int) bool { return l.history[i].At.After(l.history[j].At) })
	if l.conflicts, err = x.st.OpenConflictViews(500); err != nil {
		return exchangeLists{err: err}
	}
	return l
}

// when formats a time for the lists, in the clerk's time zone.
func when(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// boldLabel is a bold, left-aligned label (a column header).
// showGrid fills list, a tab of the exchange screen, with one line of
// cells per row under a bold header of columns; with no rows it says
// empty instead.
func showGrid[R any](list *fyne.Container, columns []string, rows []R, empty string, cells func(R) []fyne.CanvasObject) {
	list.RemoveAll()
	if len(rows) == 0 {
		list.Add(widget.NewLabel(empty))
		list.Refresh()
		return
	}
	header := container.NewGridWithColumns(len(columns))
	for _, c := range columns {
		header.Add(boldLabel(c))
	}
	list.Add(header)
	for _, r := range rows {
		list.Add(container.NewGridWithColumns(len(columns), cells(r)...))
	}
	list.Refresh()
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// countLine is "劳动者 5，用工单位 1" in the order records travel.
func countLine(tables map[string]int) string {
	s := ""
	for _, t := range storage.SyncedTables() {
		if n := tables[string(t)]; n > 0 {
			if s != "" {
				s += "，"
			}
			s += fmt.Sprintf("%s %d", storage.TableLabel(t), n)
		}
	}
	if s == "" {
		return "无"
	}
	return s
}
