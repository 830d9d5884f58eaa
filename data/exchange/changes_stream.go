package exchange

import (
	"errors"
	"io"

	"duikou/data/storage"
)

// changes.json read as it is inflated, a window of it at a time: a
// hundred thousand records make a quarter of a gigabyte of it, which an
// import must not hold. The parser of changes_decode.go runs on the
// window; an element (an op, a row, a header member) that runs past the
// window's end is parsed again once more is read behind it. Elements are
// small, so the window stays small, whatever the file's layout.

// streamRead is how much is read at a time.
const streamRead = 256 << 10

// nearEnd: a parse that fails this close to the end of what is read may
// have failed only for want of the rest ("fals" of false, "\u12" of an
// escape).
const nearEnd = 8

type streamParser struct {
	parser
	r   io.Reader
	eof bool
	// opsDone: the ops have all been read (a part of rows may go).
	opsDone bool
}

func newStreamParser(r io.Reader) *streamParser {
	return &streamParser{parser: parser{b: make([]byte, 0, streamRead), names: map[string]string{}}, r: r}
}

// more reads on, keeping what is at or after keep; false at the end of
// the input.
func (s *streamParser) more(keep int) (bool, error) {
	if s.eof {
		return false, nil
	}
	n := copy(s.b[:cap(s.b)], s.b[keep:])
	buf := s.b[:cap(s.b)]
	if len(buf)-n < streamRead/2 { // an element longer than the window: widen it
		wider := make([]byte, 2*len(buf))
		copy(wider, buf[:n])
		buf = wider
	}
	s.i -= keep
	for {
		m, err := s.r.Read(buf[n:])
		n += m
		if errors.Is(err, io.EOF) {
			s.eof = true
		} else if err != nil {
			s.b = buf[:n]
			return false, err
		}
		if m > 0 || s.eof {
			s.b = buf[:n]
			return m > 0, nil
		}
	}
}

// whole runs parse on what starts at the current position, again from
// there with more read whenever it failed for want of the rest.
func (s *streamParser) whole(parse func() error) error {
	for {
		start := s.i
		err := parse()
		if err == nil || s.eof || s.i < len(s.b)-nearEnd {
			return err
		}
		s.i = start
		if _, rerr := s.more(start); rerr != nil {
			return rerr
		}
	}
}

// decodeStream parses changes.json from r, any JSON of storage.Changes,
// handing each op and row to op and row positioned at it (they parse it)
// and returning the rest: offices and vectors. With scratch, the fields
// of the ops and rows they parse are valid only until the next.
func decodeStream(r io.Reader, op, row func(s *streamParser) error, scratch bool) (*storage.Changes, error) {
	s := newStreamParser(r)
	s.scratch = scratch
	c := &storage.Changes{}
	end := false
	if err := s.whole(func() error {
		if s.literal("null") {
			end = true
			return nil
		}
		if s.peek() != '{' {
			return s.fail("expected an object")
		}
		s.i++
		return nil
	}); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for first := true; !end; first = false {
		var key string
		if err := s.whole(func() error {
			switch c := s.peek(); {
			case c == '}':
				s.i++
				end = true
				return nil
			case !first && c != ',':
				return s.fail("expected ',' or '}'")
			case !first:
				s.i++
			}
			var err error
			if key, err = s.name(); err != nil {
				return err
			}
			if s.peek() != ':' {
				return s.fail("expected ':'")
			}
			s.i++
			return nil
		}); err != nil {
			return nil, err
		}
		var err error
		switch {
		case end:
		case key == "from":
			err = s.whole(func() (err error) { c.From, err = s.string(); return })
		case key == "to":
			err = s.whole(func() (err error) { c.To, err = s.string(); return })
		case key == "since":
			err = s.whole(func() (err error) { c.Since, err = s.vector(); return })
		case key == "vector":
			err = s.whole(func() (err error) { c.Vector, err = s.vector(); return })
		case key == "ops" || key == "rows":
			if seen[key] {
				return nil, s.fail(key + " twice")
			}
			seen[key] = true
			element := op
			if key == "rows" {
				element = row
			}
			err = s.elements(func() error { return element(s) })
			s.opsDone = s.opsDone || key == "ops"
		default:
			err = s.whole(s.skip)
		}
		if err != nil {
			return nil, err
		}
	}
	for { // nothing but whitespace after the object
		s.space()
		if s.i < len(s.b) {
			return nil, s.fail("trailing data")
		}
		if more, err := s.more(s.i); err != nil {
			return nil, err
		} else if !more {
			return c, nil
		}
	}
}

// elements calls element for each element of the array at the current
// position, each parsed whole; null is an empty array.
func (s *streamParser) elements(element func() error) error {
	null := false
	if err := s.whole(func() error {
		if s.literal("null") {
			null = true
			return nil
		}
		if s.peek() != '[' {
			return s.fail("expected an array")
		}
		s.i++
		return nil
	}); err != nil || null {
		return err
	}
	for first := true; ; first = false {
		end := false
		if err := s.whole(func() error {
			switch c := s.peek(); {
			case c == ']':
				s.i++
				end = true
				return nil
			case !first && c != ',':
				return s.fail("expected ',' or ']'")
			case !first:
				s.i++
			}
			return element()
		}); err != nil {
			return err
		}
		if end {
			return nil
		}
	}
}

// aheadReader reads on a goroutine of its own, a few blocks ahead of its
// reader: inflating (and hashing) changes.json and parsing it then use
// two cores.
type aheadReader struct {
	full  chan []byte // blocks read, in order; closed after the last
	empty chan []byte
	done  chan struct{}
	err   error  // why reading stopped early; set before full is closed
	block []byte // the block being handed out
	rest  []byte // what of it is left
}

func readAhead(r io.Reader) *aheadReader {
	const blocks = 4
	a := &aheadReader{full: make(chan []byte, blocks), empty: make(chan []byte, blocks), done: make(chan struct{})}
	for range blocks {
		a.empty <- make([]byte, streamRead)
	}
	go func() {
		defer close(a.full)
		for {
			var b []byte
			select {
			case b = <-a.empty:
			case <-a.done:
				return
			}
			n, err := io.ReadFull(r, b)
			if n > 0 {
				select {
				case a.full <- b[:n]:
				case <-a.done:
					return
				}
			}
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
					a.err = err
				}
				return
			}
		}
	}()
	return a
}

func (a *aheadReader) Read(p []byte) (int, error) {
	for len(a.rest) == 0 {
		if a.block != nil {
			a.empty <- a.block[:cap(a.block)]
			a.block = nil
		}
		b, ok := <-a.full
		if !ok {
			if a.err != nil {
				return 0, a.err
			}
			return 0, io.EOF
		}
		a.block, a.rest = b, b
	}
	n := copy(p, a.rest)
	a.rest = a.rest[n:]
	return n, nil
}

// Close stops the reading goroutine and waits for it.
func (a *aheadReader) Close() {
	close(a.done)
	for range a.full {
	}
}
