package sheet

import (
	"errors"
	"sync"
)

// readAhead reads a sheet's rows on a goroutine of its own, a few batches
// ahead of the import: unzipping and parsing the file then overlaps the
// Store's work on the next core instead of adding to it. At most
// aheadBatches×aheadRows rows wait in memory.
type readAhead struct {
	src rowIter
	// prep, when set, also runs on the reading goroutine for every row
	// (filling a record from its cells); its result comes with the row.
	prep func(cells []string, row int, lossy []int) any
	// onBatch, when set, sees each batch's prep results on the caller's
	// goroutine before its first row is returned (the importer tells the
	// Store which records are coming); its error ends the reading.
	onBatch func(prepped []any) error
	ch      chan aheadBatch
	quit    chan struct{}
	wg      sync.WaitGroup
	cur     aheadBatch
	i       int
}

const (
	aheadRows    = 256
	aheadBatches = 4
)

type aheadBatch struct {
	rows     [][]string
	nums     []int
	lossy    [][]int // per row: lossyReporter's cells, nil for most rows
	prepped  []any
	fraction float64
	err      error // io.EOF after the last row
}

func newReadAhead(src rowIter, prep func(cells []string, row int, lossy []int) any) *readAhead {
	r := &readAhead{src: src, prep: prep, ch: make(chan aheadBatch, aheadBatches), quit: make(chan struct{})}
	r.wg.Add(1)
	go r.fill()
	return r
}

func (r *readAhead) fill() {
	defer r.wg.Done()
	defer close(r.ch)
	for {
		var b aheadBatch
		for len(b.rows) < aheadRows {
			cells, row, err := r.src.next()
			if err != nil {
				b.err = err
				break
			}
			// The source reuses its cells; the row waits here a while.
			cells = append([]string(nil), cells...)
			var lossy []int
			if lr, ok := r.src.(lossyReporter); ok && len(lr.lossyColumns()) > 0 {
				lossy = append(lossy, lr.lossyColumns()...)
			}
			b.rows = append(b.rows, cells)
			b.nums = append(b.nums, row)
			b.lossy = append(b.lossy, lossy)
			if r.prep != nil {
				b.prepped = append(b.prepped, r.prep(cells, row, lossy))
			}
		}
		b.fraction = r.src.fraction()
		select {
		case r.ch <- b:
		case <-r.quit:
			return
		}
		if b.err != nil {
			return
		}
	}
}

func (r *readAhead) next() ([]string, int, error) {
	for r.i >= len(r.cur.rows) {
		if r.cur.err != nil {
			return nil, 0, r.cur.err
		}
		b, ok := <-r.ch
		if !ok {
			return nil, 0, errReadAheadStopped
		}
		r.cur, r.i = b, 0
		if r.onBatch != nil && len(b.prepped) > 0 {
			if err := r.onBatch(b.prepped); err != nil {
				r.cur.rows, r.cur.err = nil, err
				return nil, 0, err
			}
		}
	}
	r.i++
	return r.cur.rows[r.i-1], r.cur.nums[r.i-1], nil
}

// prepped is prep's result for the row next returned last (nil without
// prep).
func (r *readAhead) prepped() any {
	if r.prep == nil {
		return nil
	}
	return r.cur.prepped[r.i-1]
}

// lossy lists the cells of the row next returned last that are numbers
// above 2^53 (see lossyReporter).
func (r *readAhead) lossy() []int { return r.cur.lossy[r.i-1] }

// errReadAheadStopped is never seen by a caller that does not stop the
// reader while reading.
var errReadAheadStopped = errors.New("read-ahead stopped")

func (r *readAhead) fraction() float64 { return r.cur.fraction }

// stop ends the goroutine and waits for it; the source stays open for
// its owner to close.
func (r *readAhead) stop() {
	close(r.quit)
	for range r.ch {
	}
	r.wg.Wait()
}
