package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// listScreen is what every screen built around one list has: the window,
// the narrow store the screen reads, the list's rows and table, the label
// beside the list that counts its rows (and says a failed query), and the
// day its columns count from (ages, 逾期). Screens embed it, so the parts
// are named the same everywhere.
type listScreen[S any, T any, F comparable] struct {
	g     *GUI
	st    S
	rows  *pagedRows[T, F]
	table *recordTable[T, F]
	count *widget.Label // made by the screen's view
	today data.Date
}

// buildList builds the screen's list from its spec (newListView), the
// count label being the one a failed query's error replaces.
func (ls *listScreen[S, T, F]) buildList(g *GUI, st S, today data.Date, sp listSpec[T, F]) {
	ls.g, ls.st, ls.today = g, st, today
	sp.count = func() textSetter { return ls.count }
	ls.table = newListView(g, sp)
	ls.rows = ls.table.rows
}

// formPlace is the stack a list screen shows its list in and, while the
// clerk adds or edits a record, the record's form in the list's place (a
// worker's or employer's form, a placement's page); or a panel beside the
// list that is empty until a form opens in it (跟踪服务's quick entry).
// V is the form's type; its zero value (nil) means the list shows.
type formPlace[V interface {
	formView
	comparable
}] struct {
	// list is what the form replaces: the list, or tabs of lists; nil
	// for a panel that shows nothing while no form is open.
	list  fyne.CanvasObject
	stack *fyne.Container
	form  V // the open form, nil when the list shows
}

// formView is an open record form, page or quick entry.
type formView interface {
	view() fyne.CanvasObject
	shown()
}

// formShown passes the screen's shown on to the open form, if one is: it
// says whether there was one.
func (p *formPlace[V]) formShown() bool {
	if !p.formOpen() {
		return false
	}
	p.form.shown()
	return true
}

// formOpen says whether a form is in the list's place.
func (p *formPlace[V]) formOpen() bool {
	var none V
	return p.form != none
}

// putForm shows f in the list's place.
func (p *formPlace[V]) putForm(f V) {
	p.form = f
	showIn(p.stack, f.view())
	f.shown()
}

// putList closes the open form and shows the list again (or, in a panel
// beside the list, nothing). It says whether a form was open; with none
// open it does nothing, so a screen's close can be called twice.
func (p *formPlace[V]) putList() bool {
	if !p.formOpen() {
		return false
	}
	var none V
	p.form = none
	if p.list == nil {
		showIn(p.stack)
		return true
	}
	showIn(p.stack, p.list)
	return true
}

// openByID reads the record id and hands it to open (which shows its form
// or page); a record that cannot be read is said in a dialog, "无法打开"
// and what it is.
func openByID[T any](g *GUI, what, id string, read func(string) (*T, error), open func(*T)) {
	r, err := read(id)
	if err != nil {
		g.showError("无法打开"+what, err)
		return
	}
	open(r)
}

// showIn has c show objs in place of what it showed, and redraws it.
func showIn(c *fyne.Container, objs ...fyne.CanvasObject) {
	c.Objects = objs
	c.Refresh()
}
