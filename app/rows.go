package app

import (
	"sort"
	"sync"

	"duikou/data"
)

// rowsPageSize is how many rows one query fetches. A screen shows about
// thirty, so one page covers several screens of scrolling.
const rowsPageSize = 200

// rowsMaxPages bounds the cache: 60 pages of 200 rows stay in memory, the
// rest are fetched again when the clerk scrolls back to them.
const rowsMaxPages = 60

// listQuery is what a list shows: a filter and an order.
type listQuery[F comparable] struct {
	filter F
	sort   string
	desc   bool
}

// lister is one list of the Store: a page of rows and a count.
type lister[T any, F comparable] struct {
	list  func(F, data.Page) ([]T, *data.Cursor, error)
	count func(F) (int64, error)
}

// listFrom is the lister of a store's list and count methods; it saves
// stating the record and filter types the methods already name.
func listFrom[T any, F comparable](list func(F, data.Page) ([]T, *data.Cursor, error), count func(F) (int64, error)) lister[T, F] {
	return lister[T, F]{list: list, count: count}
}

// pagedRows feeds a widget.Table from the Store without holding the whole
// list: the table asks for row i, and pagedRows answers from a cache of
// pages or queues the page and answers "not yet". Queries run one at a time
// on a background goroutine; a new filter supersedes queued work (the
// latest keystroke wins) and its count and first page replace the old
// rows in one step, so the table never flickers to empty while the clerk
// types. Deep pages after a cached one continue from its cursor (keyset
// paging, see keysetFrom), so scrolling down a long list stays cheap
// however far it goes.
type pagedRows[T any, F comparable] struct {
	src lister[T, F]
	// ui runs a function on the UI thread: fyne.Do.
	ui func(func())
	// onReset runs on the UI thread after a new query's rows arrived;
	// moved says the filter or order changed (scroll to the top) rather
	// than the data (keep the place).
	onReset func(moved bool)
	// onPage runs on the UI thread after a further page arrived.
	onPage func()
	// onError runs on the UI thread when a query fails.
	onError func(error)

	mu        sync.Mutex
	idle      *sync.Cond
	q         listQuery[F]
	gen       int // bumped by every reset; results of older generations are dropped
	total     int
	pages     map[int][]T
	cursors   map[int]*data.Cursor // the cursor after page k, for page k+1
	requested map[int]bool         // pages queued or loading in this generation
	pending   []int                // pages to load, in request order
	reset     *resetJob[F]         // a reset waiting to run
	// resetting is true from a reset's request until its rows are applied:
	// the old rows stay on screen meanwhile, and no page of the new query
	// is fetched before its first page and cursor exist.
	resetting bool
	// moved says a pending reset changed the filter or order (the table
	// goes back to the top), not just the data.
	moved   bool
	running bool
	started bool // a query was set: until then the list is not on screen and reload does nothing
	loaded  bool // the first reset has been applied
}

type resetJob[F comparable] struct {
	q   listQuery[F]
	gen int
}

func newPagedRows[T any, F comparable](ui func(func()), src lister[T, F]) *pagedRows[T, F] {
	p := &pagedRows[T, F]{src: src, ui: ui,
		pages: map[int][]T{}, cursors: map[int]*data.Cursor{}, requested: map[int]bool{}}
	p.idle = sync.NewCond(&p.mu)
	return p
}

// setQuery shows a new filter or order: the current rows stay until the
// new ones arrive.
func (p *pagedRows[T, F]) setQuery(q listQuery[F]) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.q = q
	p.started = true
	p.queueResetLocked(true)
}

// query is the current filter and order.
func (p *pagedRows[T, F]) query() listQuery[F] {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.q
}

// reload fetches the current query again after the data changed, keeping
// the clerk's place in the list. Before the list was first shown there is
// nothing to refresh.
func (p *pagedRows[T, F]) reload() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.started {
		p.queueResetLocked(false)
	}
}

func (p *pagedRows[T, F]) queueResetLocked(moved bool) {
	p.gen++
	p.moved = p.moved || moved // a queued filter change still moves if a reload supersedes it
	p.reset = &resetJob[F]{q: p.q, gen: p.gen}
	p.resetting = true
	p.pending = nil
	p.requested = map[int]bool{}
	p.cursors = map[int]*data.Cursor{}
	p.startLocked()
}

func (p *pagedRows[T, F]) startLocked() {
	if !p.running {
		p.running = true
		go p.loop()
	}
}

// length is the number of rows the current query has.
func (p *pagedRows[T, F]) length() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.total
}

// ready reports whether the first query has answered.
func (p *pagedRows[T, F]) ready() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.loaded
}

// row returns row i if its page is cached; otherwise it queues the page
// and returns false (the table shows an empty row until onPage).
func (p *pagedRows[T, F]) row(i int) (T, bool) {
	var zero T
	if i < 0 {
		return zero, false
	}
	k := i / rowsPageSize
	p.mu.Lock()
	defer p.mu.Unlock()
	rows, ok := p.pages[k]
	// Near the end of a page, ask for the next one before it is needed.
	if ok && i%rowsPageSize >= rowsPageSize-40 && (k+1)*rowsPageSize < p.total {
		p.requestLocked(k + 1)
	}
	if !ok {
		if i < p.total {
			p.requestLocked(k)
		}
		return zero, false
	}
	if j := i % rowsPageSize; j < len(rows) {
		return rows[j], true
	}
	return zero, false
}

func (p *pagedRows[T, F]) requestLocked(k int) {
	if _, ok := p.pages[k]; ok || p.requested[k] || p.resetting {
		return
	}
	p.requested[k] = true
	p.pending = append(p.pending, k)
	p.startLocked()
}

// keysetFrom is the depth from which a page continues from the previous
// page's cursor rather than counting rows from the top. Measured on
// 100,000 workers with SQLite 3.50: by creation order the cursor query
// takes 1 ms at any depth; by name, birth date or region the Store's
// cursor query takes about 120 ms (SQLite sorts the remaining rows),
// while an offset query takes 28 ms near the top and grows with the
// depth, passing 120 ms around 10,000 rows.
const keysetFrom = 10_000

func useKeyset(sort string, offset int) bool {
	return sort == "" || sort == "created" || offset >= keysetFrom
}

// loop runs queued work until there is none.
func (p *pagedRows[T, F]) loop() {
	defer forwardPanic(p.ui, "列表查询")
	for {
		p.mu.Lock()
		if r := p.reset; r != nil {
			p.reset = nil
			p.mu.Unlock()
			p.runReset(r)
			continue
		}
		if len(p.pending) > 0 {
			k := p.pending[len(p.pending)-1] // the newest request: where the clerk is now
			p.pending = p.pending[:len(p.pending)-1]
			gen, q := p.gen, p.q
			page := data.Page{Sort: q.sort, Desc: q.desc, Limit: rowsPageSize, Offset: k * rowsPageSize}
			if c := p.cursors[k-1]; c != nil && useKeyset(q.sort, page.Offset) {
				page.After, page.Offset = c, 0
			}
			p.mu.Unlock()
			p.runPage(k, gen, q, page)
			continue
		}
		p.running = false
		p.idle.Broadcast()
		p.mu.Unlock()
		return
	}
}

func (p *pagedRows[T, F]) runReset(r *resetJob[F]) {
	var (
		n        int64
		countErr error
		wg       sync.WaitGroup
	)
	// The count and the first page are independent reads; SQLite in WAL
	// mode runs them side by side.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer forwardPanic(p.ui, "列表计数")
		n, countErr = p.src.count(r.q.filter)
	}()
	rows, cur, err := p.src.list(r.q.filter, data.Page{Sort: r.q.sort, Desc: r.q.desc, Limit: rowsPageSize})
	wg.Wait()
	if err == nil {
		err = countErr
	}
	p.ui(func() {
		p.mu.Lock()
		if r.gen != p.gen {
			p.mu.Unlock()
			return // superseded while it ran
		}
		p.resetting = false
		moved := p.moved
		p.moved = false
		if err != nil {
			p.mu.Unlock()
			if p.onError != nil {
				p.onError(err)
			}
			return
		}
		p.total = int(n)
		p.pages = map[int][]T{0: rows}
		p.cursors = map[int]*data.Cursor{0: cur}
		p.loaded = true
		p.mu.Unlock()
		if p.onReset != nil {
			p.onReset(moved)
		}
	})
}

func (p *pagedRows[T, F]) runPage(k, gen int, q listQuery[F], page data.Page) {
	rows, cur, err := p.src.list(q.filter, page)
	p.ui(func() {
		p.mu.Lock()
		if gen != p.gen {
			p.mu.Unlock()
			return
		}
		delete(p.requested, k)
		if err != nil {
			p.mu.Unlock()
			if p.onError != nil {
				p.onError(err)
			}
			return
		}
		p.pages[k] = rows
		p.cursors[k] = cur
		p.evictLocked(k)
		p.mu.Unlock()
		if p.onPage != nil {
			p.onPage()
		}
	})
}

// evictLocked drops the pages farthest from page k beyond rowsMaxPages.
func (p *pagedRows[T, F]) evictLocked(k int) {
	if len(p.pages) <= rowsMaxPages {
		return
	}
	keys := make([]int, 0, len(p.pages))
	for j := range p.pages {
		keys = append(keys, j)
	}
	dist := func(j int) int {
		if j > k {
			return j - k
		}
		return k - j
	}
	sort.Slice(keys, func(a, b int) bool { return dist(keys[a]) > dist(keys[b]) })
	for _, j := range keys[:len(keys)-rowsMaxPages] {
		delete(p.pages, j)
	}
}

// waitIdle blocks until no query is queued or running (for tests and the
// start-up measurement; the UI never waits).
func (p *pagedRows[T, F]) waitIdle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.running {
		p.idle.Wait()
	}
}
