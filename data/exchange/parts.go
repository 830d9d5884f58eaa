package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"maps"
	"slices"

	"duikou/data"
	"duikou/data/storage"
)

// An import reads changes.json once, as it is inflated, inside the
// Store's transaction: each op and row is checked as it is parsed
// (check.go) and the file goes to the Store a part at a time
// (storage.ChangeChunks): partRows rows with every op on them. The ops
// come first in the file and the rows after them, so each op is kept as
// the bytes of its JSON until its row's part is decoded (held_ops.go);
// the rows and the records built from them live only as long as their
// part. Decoding runs on a goroutine of its own, a part ahead of the
// merge, and builds each row's record as the Store would for a row it
// lacks (Changes.Built), work the merge's goroutine, the busier, then
// skips; the inflating and hashing run on another, a few blocks ahead of
// the parser.
//
// What is known only at the end of the file (its hash and size against
// the signed manifest, its offices, vectors and counts, an op whose row
// it does not carry) is the last part's condition: a file that fails any
// of it ends in a refusal instead of its last part, and the Store rolls
// back what the earlier parts wrote. Once a record is found misshapen no
// more parts go out, but the file is still read to its end, so that the
// refusal is the one a check of the whole file gives first (a changed
// file is called changed before its records are called misshapen).

// partRows is how many rows a part holds: with 2,500 a 100,000-record
// import peaked at 414 MB resident, with 5,000 at 453 MB, for about the
// same CPU time.
var partRows = 2500

// partsOf is the ChangeChunks of an opened file, filling in head's ops
// (their origins and numbers) before the last part; stop ends the
// decoding goroutine (after the merge is done or has failed).
func (o *Opened) partsOf(head *storage.Changes) (chunks storage.ChangeChunks, stop func()) {
	out := make(chan part, 1)
	done := make(chan struct{})
	names := map[string]string{}
	lend := &lender{free: &fieldMaps{}}
	d := &partDecoder{o: o, head: head, out: out, done: done, lend: lend,
		dec: &parser{names: names, lend: lend}, checker: &parser{names: names}}
	go d.run()
	return &partReader{parts: out, free: lend.free}, func() {
		close(done)
		for range out { // let it finish
		}
	}
}

type part struct {
	c    *storage.Changes
	err  error
	maps lentMaps // the fields' maps, back to the free list after the part
}

// partReader is the ChangeChunks of the decoder's parts. Asking for the
// next part says the Store is done with the last: its field maps go back
// to the decoder (field_maps.go).
type partReader struct {
	parts <-chan part
	free  *fieldMaps
	last  lentMaps
}

func (p *partReader) Next() (*storage.Changes, error) {
	p.free.giveBack(p.last)
	p.last = lentMaps{}
	next, ok := <-p.parts
	if !ok {
		return nil, nil
	}
	p.last = next.maps
	return next.c, next.err
}

var errStopped = errors.New("stopped")

// partDecoder is one pass over changes.json.
type partDecoder struct {
	o    *Opened
	head *storage.Changes
	out  chan<- part
	done <-chan struct{}

	sk      skeleton
	held    heldOps // each op's JSON until its part
	rows    []storage.RowState
	built   []data.Record // the rows built as new records (Changes.Built)
	firsts  []int32       // the chains of ops waiting for them (skeleton.row)
	rowMem  slab
	sent    bool
	dec     *parser // decodes the ops held
	checker *parser // checks an op whole (op)
	lend    *lender // the field maps of the part being built
}

func (d *partDecoder) send(p part) error {
	select {
	case d.out <- p:
		return p.err
	case <-d.done:
		return errStopped
	}
}

// run sends the file's parts, at least one, or a refusal, then closes out.
func (d *partDecoder) run() {
	defer close(d.out)
	defer d.held.close()
	rc, err := d.o.openChanges()
	if err != nil {
		d.send(part{err: err})
		return
	}
	defer rc.Close()
	h, n := sha256.New(), &counter{}
	body := readAhead(io.TeeReader(io.LimitReader(rc, d.o.want.Size+1), io.MultiWriter(h, n)))
	defer body.Close()
	c, decodeErr := decodeStream(body, d.op, d.row, false)
	if errors.Is(decodeErr, errStopped) {
		return
	}
	if _, err := io.Copy(io.Discard, body); err != nil { // the hash covers what the parser did not read
		d.send(part{err: refuse(ErrCorrupt, "变更内容无法读取")})
		return
	}
	if err := d.verdict(c, decodeErr, h, n.n); err != nil {
		d.send(part{err: err})
		return
	}
	if len(d.rows) > 0 || !d.sent || len(d.sk.waiting) > 0 {
		if err := d.flush(true); err != nil && !errors.Is(err, errStopped) {
			d.send(part{err: refuse(ErrNotBundle, "变更内容无法识别")})
		}
	}
}

// verdict is the refusal of a file read to its end, in the order Open
// checked them when it read the file before the merge; nil when the last
// part may go.
func (d *partDecoder) verdict(c *storage.Changes, decodeErr error, h hash.Hash, size int64) error {
	m := &d.o.Manifest
	if size != d.o.want.Size || hex.EncodeToString(h.Sum(nil)) != d.o.want.SHA256 {
		return changedContent()
	}
	if decodeErr == nil {
		for _, first := range d.sk.waiting { // held for no row, or for none that will go
			if decodeErr = d.checkHeld(first); decodeErr != nil {
				break
			}
		}
	}
	if decodeErr != nil {
		return refuse(ErrNotBundle, "变更内容无法识别")
	}
	if c.From != m.From.OfficeID || c.To != m.To.OfficeID || !maps.Equal(nonNil(c.Since), m.Since) ||
		!maps.Equal(nonNil(c.Vector), m.Vector) || len(d.sk.ops) != m.Counts.Ops || d.sk.rows != m.Counts.Rows {
		return refuse(ErrContentChanged, "变更内容与清单的收发单位或数量不一致")
	}
	if err := d.sk.check(); err != nil {
		return err
	}
	// The ops' origins and numbers, for the Store's bookkeeping after the
	// last part.
	d.head.Ops = make([]storage.WireOp, len(d.sk.ops))
	for i, id := range d.sk.ops {
		d.head.Ops[i] = storage.WireOp{Origin: id.origin, Seq: id.seq}
	}
	d.sk.ops = nil
	return nil
}

// op takes an op: its identity and shape checked (op_shape.go), its JSON
// held for its part, where it is decoded and its values checked. Once a
// record is refused no part goes out, and each op is checked whole here.
func (d *partDecoder) op(s *streamParser) error {
	s.space()
	start := s.i
	var op storage.WireOp
	shape, err := s.shapeOf(&op)
	if err != nil {
		return err
	}
	b := s.b[start:s.i]
	withdrawal := false
	if op.Table == data.TableWorkers && shape.first == "consent" || d.sk.misshapen() {
		full, err := d.check(b)
		if err != nil {
			return err
		}
		withdrawal = full.Withdrawal()
	}
	if d.sk.op(&op, shape, withdrawal); d.sk.misshapen() {
		return nil
	}
	return d.held.add(b)
}

// check decodes an op's JSON, its values checked, into a scratch op.
func (d *partDecoder) check(b []byte) (*storage.WireOp, error) {
	d.checker.b, d.checker.i, d.checker.scratch = b, 0, true
	var op storage.WireOp
	return &op, d.checker.op(&op)
}

// checkHeld checks the values of the ops of the chain from first, held
// but going into no part.
func (d *partDecoder) checkHeld(first int32) error {
	for i := first; i >= 0; i = d.sk.next[i] {
		var mem slab
		b, err := d.held.read(int(i), &mem)
		if err == nil {
			_, err = d.check(b)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// row takes a row, checked, into the next part, which goes out when it is
// full and every op is read (a file written with its rows first is sent
// whole at its end).
func (d *partDecoder) row(s *streamParser) error {
	s.scratch, s.lend = false, d.lend
	s.keep = &d.rowMem // the values out of the window, which moves on
	var r storage.RowState
	if err := s.row(&r); err != nil {
		return err
	}
	first := d.sk.row(&r, s.opsDone)
	if d.sk.misshapen() {
		for _, f := range append(d.firsts, first) { // held for parts that will not go
			if err := d.checkHeld(f); err != nil {
				return err
			}
		}
		d.rows, d.built, d.firsts, d.rowMem = nil, nil, nil, slab{}
		return nil
	}
	d.rows = append(d.rows, r)
	// Built here, the row's record costs the merge nothing if the Store
	// lacks the row (the merge's goroutine is the busier); one the Store
	// has, or cannot build, goes to the merge as before.
	rec, err := d.o.s.BuildRecord(&r)
	if err != nil {
		rec = nil
	}
	d.built = append(d.built, rec)
	if first >= 0 {
		d.firsts = append(d.firsts, first)
	}
	if len(d.rows) >= partRows && s.opsDone {
		return d.flush(false)
	}
	return nil
}

// flush sends the rows gathered with every op on them (and, last, the
// ops whose row the file does not carry), the ops in the file's order,
// which is the clock's.
func (d *partDecoder) flush(last bool) error {
	var at []int
	for _, first := range d.firsts {
		at = d.sk.chain(at, first)
	}
	if last {
		for _, first := range d.sk.waiting {
			at = d.sk.chain(at, first)
		}
		clear(d.sk.waiting)
	}
	slices.Sort(at)
	h := d.head
	c := &storage.Changes{From: h.From, To: h.To, Since: h.Since, Vector: h.Vector,
		Ops: make([]storage.WireOp, len(at)), Rows: d.rows, Built: d.built}
	var opMem slab
	for j, i := range at {
		b, err := d.held.take(i, &opMem)
		if err != nil {
			return err
		}
		d.dec.b, d.dec.i = b, 0
		if err := d.dec.op(&c.Ops[j]); err != nil {
			return err
		}
	}
	d.rows, d.built, d.firsts, d.rowMem, d.sent = nil, nil, nil, slab{}, true
	return d.send(part{c: c, maps: d.lend.handOver()})
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
