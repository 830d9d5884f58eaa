package app

import (
	"sync"

	"duikou/data"
)

// listSpec states one list once: where its rows come from, its columns,
// the order and filter it opens with, and the tables whose changes fetch
// it again. newListView wires the rest the same way for every list.
type listSpec[T any, F comparable] struct {
	src  lister[T, F]
	cols []column[T]
	// sort is the first order's key: a column's sort key (its header then
	// shows the arrow) or "created", the order of entry; desc reverses it.
	sort   string
	desc   bool
	filter F
	// tables are the tables whose changes reload the list (keeping the
	// clerk's place).
	tables []data.Table
	// count is the label beside the list that a failed query's error
	// replaces; it is read when the error comes, after view built it.
	count func() textSetter
	// loaded runs on the UI thread after a new query's rows arrived and
	// the table was refreshed (the count, a first selection).
	loaded func()
	// open runs when the clerk taps a row.
	open func(T)
}

// newListView builds a list's rows and table from its spec, registers the
// rows for tests to wait on and for reloads on the spec's tables.
func newListView[T any, F comparable](g *GUI, sp listSpec[T, F]) *recordTable[T, F] {
	rows := newPagedRows(g.ui, sp.src)
	t := newRecordTable(rows, sp.cols)
	rows.q = listQuery[F]{sort: sp.sort, desc: sp.desc, filter: sp.filter}
	for i, c := range sp.cols {
		if c.sort != "" && c.sort == sp.sort {
			t.sortCol, t.desc = i, sp.desc
			rows.q.desc = sp.desc != c.flip
			break
		}
	}
	t.onOpen = sp.open
	rows.onReset = func(moved bool) {
		t.refreshAfterReset(moved)
		if sp.loaded != nil {
			sp.loaded()
		}
	}
	rows.onPage = t.table.Refresh
	rows.onError = func(err error) { sp.count().SetText("查询出错：" + err.Error()) }
	g.track(rows)
	g.reloadOn(sp.tables, rows.reload)
	return t
}

// listReloads are the lists' reloads by the tables they show; the window
// runs them on every change (GUI.dataChanged) and drops them when the
// screens are rebuilt.
type listReloads struct {
	mu   sync.Mutex
	byTb map[data.Table][]func()
}

// reloadOn has fn run after every change to one of tables.
func (g *GUI) reloadOn(tables []data.Table, fn func()) {
	g.reloads.mu.Lock()
	defer g.reloads.mu.Unlock()
	if g.reloads.byTb == nil {
		g.reloads.byTb = map[data.Table][]func(){}
	}
	for _, tb := range tables {
		g.reloads.byTb[tb] = append(g.reloads.byTb[tb], fn)
	}
}

// reloadsFor are the reloads registered for table.
func (g *GUI) reloadsFor(table data.Table) []func() {
	g.reloads.mu.Lock()
	defer g.reloads.mu.Unlock()
	return g.reloads.byTb[table]
}

// dropReloads forgets every list's reload (the screens are being rebuilt).
func (g *GUI) dropReloads() {
	g.reloads.mu.Lock()
	defer g.reloads.mu.Unlock()
	g.reloads.byTb = nil
}

// textSetter is a label of either kind, plain or wrapped (cjkLabel), seen
// only as the place a message goes; SetText must be the label's own so a
// wrapped one lays the new text out.
type textSetter interface{ SetText(string) }
