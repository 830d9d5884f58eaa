package exchange

import (
	"errors"
	"slices"

	"duikou/data/storage"
)

// An import decodes changes.json a second time as the Store merges it, a
// part at a time (storage.ChangeChunks): partRows rows with every op on
// them. The ops come first in the file and the rows after them, so each
// op is kept as the bytes of its JSON until its row's part is decoded;
// the rows and the records built from them live only as long as their
// part. Decoding runs on a goroutine of its own, a part ahead of the
// merge.

// partRows is how many rows a part holds: with 2,500 a 100,000-record
// import peaked at 414 MB resident, with 5,000 at 453 MB, for about the
// same CPU time.
var partRows = 2500

// partIndex says which ops go with which part, from the identities Open
// kept: the ops on each row of the file, and those whose row the file
// does not carry, which go with the last part.
type partIndex struct {
	byRow   map[string][]int
	orphans []int
}

func indexParts(c *storage.Changes) *partIndex {
	x := &partIndex{byRow: make(map[string][]int, len(c.Rows))}
	for _, r := range c.Rows {
		x.byRow[rowKey(r.Table, r.ID)] = nil
	}
	for i, op := range c.Ops {
		k := rowKey(op.Table, op.RowID)
		if ops, ok := x.byRow[k]; ok {
			x.byRow[k] = append(ops, i)
		} else {
			x.orphans = append(x.orphans, i)
		}
	}
	return x
}

// partsOf is the ChangeChunks of an opened file; stop ends the decoding
// goroutine (after the merge is done or has failed).
func (o *Opened) partsOf() (chunks storage.ChangeChunks, stop func()) {
	out := make(chan part, 1)
	done := make(chan struct{})
	go o.decodeParts(out, done)
	return partChan(out), func() {
		close(done)
		for range out { // let it finish
		}
	}
}

type part struct {
	c   *storage.Changes
	err error
}

type partChan chan part

func (p partChan) Next() (*storage.Changes, error) {
	next, ok := <-p
	if !ok {
		return nil, nil
	}
	return next.c, next.err
}

var errStopped = errors.New("stopped")

// decodeParts sends the file's parts, at least one, then closes out.
func (o *Opened) decodeParts(out chan<- part, done <-chan struct{}) {
	defer close(out)
	send := func(p part) error {
		select {
		case out <- p:
			return p.err
		case <-done:
			return errStopped
		}
	}
	rc, err := o.changes.Open()
	if err != nil {
		send(part{err: err})
		return
	}
	defer rc.Close()
	body := readAhead(rc)
	defer body.Close()
	var (
		ops    [][]byte // each op's JSON, in the file's order
		opMem  slab
		rows   []storage.RowState
		rowMem slab
		given  = map[string]bool{} // rows whose ops went out
		sent   = false
		dec    = &parser{names: map[string]string{}}
	)
	flush := func(last bool) error {
		var at []int
		for _, r := range rows {
			if k := rowKey(r.Table, r.ID); !given[k] {
				given[k] = true
				at = append(at, o.index.byRow[k]...)
			}
		}
		if last {
			at = append(at, o.index.orphans...)
		}
		slices.Sort(at) // the file's order, which is the clock's
		c := &storage.Changes{From: o.Changes.From, To: o.Changes.To, Since: o.Changes.Since, Vector: o.Changes.Vector,
			Ops: make([]storage.WireOp, len(at)), Rows: rows}
		for j, i := range at {
			dec.b, dec.i = ops[i], 0
			if err := dec.op(&c.Ops[j]); err != nil {
				return send(part{err: err})
			}
			ops[i] = nil // decoded: its bytes may go once the part has
		}
		rows, rowMem, sent = nil, slab{}, true
		return send(part{c: c})
	}
	_, err = decodeStream(body, func(s *streamParser) error {
		s.space()
		start := s.i
		if err := s.skipChecked(); err != nil {
			return err
		}
		ops = append(ops, opMem.copy(s.b[start:s.i]))
		return nil
	}, func(s *streamParser) error {
		var r storage.RowState
		s.keep = &rowMem // the values out of the window, which moves on
		if err := s.row(&r); err != nil {
			return err
		}
		rows = append(rows, r)
		if len(rows) == partRows {
			return flush(false)
		}
		return nil
	}, false)
	if err != nil {
		if !errors.Is(err, errStopped) {
			send(part{err: err})
		}
		return
	}
	if len(rows) > 0 || !sent || len(o.index.orphans) > 0 {
		flush(true)
	}
}

// slab hands out copies of small byte slices from large blocks: a
// million values would be a million allocations.
type slab struct{ b []byte }

func (a *slab) copy(v []byte) []byte {
	if cap(a.b)-len(a.b) < len(v) {
		a.b = make([]byte, 0, max(1<<20, len(v)))
	}
	start := len(a.b)
	a.b = append(a.b, v...)
	return a.b[start:len(a.b):len(a.b)]
}

// skipChecked passes over a value Open has already checked (the same
// bytes, held in memory since): only its end is looked for, brackets
// counted outside strings.
func (p *parser) skipChecked() error {
	if p.i < len(p.b) && p.b[p.i] != '{' {
		return p.fail("expected an op")
	}
	depth := 0
	for i := p.i; i < len(p.b); i++ {
		switch p.b[i] {
		case '"':
			for i++; i < len(p.b) && p.b[i] != '"'; i++ {
				if p.b[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				p.i = i + 1
				return nil
			}
		}
	}
	p.i = len(p.b) // ran out: the stream reads more and comes back
	return p.fail("unterminated value")
}
