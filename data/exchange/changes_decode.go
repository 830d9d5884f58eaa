package exchange

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"duikou/data"
	"duikou/data/storage"
)

// decodeChanges parses the whole of changes.json, as the stream parser
// does (changes_stream.go), keeping everything.
func decodeChanges(body []byte) (*storage.Changes, error) {
	var ops []storage.WireOp
	var rows []storage.RowState
	var mem slab
	c, err := decodeStream(bytes.NewReader(body), func(s *streamParser) error {
		var op storage.WireOp
		if err := s.op(&op); err != nil {
			return err
		}
		for col, f := range op.Fields {
			f.Value = mem.copy(f.Value)
			op.Fields[col] = f
		}
		ops = append(ops, op)
		return nil
	}, func(s *streamParser) error {
		var r storage.RowState
		if err := s.row(&r); err != nil {
			return err
		}
		for col, f := range r.Fields {
			f.Value = mem.copy(f.Value)
			r.Fields[col] = f
		}
		rows = append(rows, r)
		return nil
	}, false)
	if err != nil {
		return nil, err
	}
	c.Ops, c.Rows = ops, rows
	return c, nil
}

// parser reads JSON from a byte slice, for the shapes of storage.Changes.
type parser struct {
	b      []byte
	i      int
	names  map[string]string // column names and the like, shared
	recent [256]string       // names lately seen (see name)
	// scratch: when set, the fields of every op and row parsed go into
	// these two maps, emptied each time (for a pass that only looks at
	// them, as Open's does).
	scratch   bool
	opFields  map[string]storage.FieldChange
	rowFields map[string]storage.FieldState
	// opWidth and rowWidth are how many fields the last op and row had:
	// the next map is made that large at once, since a table's rows have
	// the same columns and growing a map rehashes it.
	opWidth, rowWidth int
	// lend, when set, gives the maps of ops and rows parsed for a part
	// (field_maps.go), outside scratch.
	lend *lender
	// keep, when set, takes a copy of each row's values as they are
	// parsed, so that they outlive the window (decodeParts).
	keep    *slab
	lastRef string
}

var errSyntax = errors.New("changes.json: syntax error")

func (p *parser) fail(what string) error {
	return fmt.Errorf("%w at byte %d: %s", errSyntax, p.i, what)
}

func (p *parser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// peek returns the next byte after whitespace, 0 at the end.
func (p *parser) peek() byte {
	p.space()
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *parser) literal(lit string) bool {
	if p.peek() == lit[0] && len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
		p.i += len(lit)
		return true
	}
	return false
}

// object calls member for each key, positioned at its value; null is an
// empty object.
func (p *parser) object(member func(key string) error) error {
	if p.literal("null") {
		return nil
	}
	if p.peek() != '{' {
		return p.fail("expected an object")
	}
	p.i++
	if p.peek() == '}' {
		p.i++
		return nil
	}
	for {
		key, err := p.name()
		if err != nil {
			return err
		}
		if p.peek() != ':' {
			return p.fail("expected ':'")
		}
		p.i++
		if err := member(key); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.i++
		case '}':
			p.i++
			return nil
		default:
			return p.fail("expected ',' or '}'")
		}
	}
}

// array calls element for each element; null is an empty array.
func (p *parser) array(element func() error) error {
	if p.literal("null") {
		return nil
	}
	if p.peek() != '[' {
		return p.fail("expected an array")
	}
	p.i++
	if p.peek() == ']' {
		p.i++
		return nil
	}
	for {
		if err := element(); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.i++
		case ']':
			p.i++
			return nil
		default:
			return p.fail("expected ',' or ']'")
		}
	}
}

// plainInString are the bytes that stand for themselves inside a JSON
// string: not the quote, the backslash or a control character.
var plainInString = func() (plain [256]bool) {
	for c := range plain {
		plain[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return plain
}()

// anySpecial reports whether any of the eight bytes of x is not
// plainInString, eight at once (the zero-byte tests of "Bit Twiddling
// Hacks": a byte of v-0x01 borrows into its top bit only from a zero,
// and bytes of 0x80 and above are masked by ^v).
func anySpecial(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	return ((quote-ones)&^quote|(backslash-ones)&^backslash|(x-ones*0x20)&^x)&tops != 0
}

// stringSpan finds the next string and reports whether it holds escapes.
func (p *parser) stringSpan() (start, end int, escaped bool, err error) {
	if p.peek() != '"' {
		return 0, 0, false, p.fail("expected a string")
	}
	p.i++
	start = p.i
	for p.i < len(p.b) {
		for p.i+8 <= len(p.b) && !anySpecial(binary.LittleEndian.Uint64(p.b[p.i:])) { // most of a value
			p.i += 8
		}
		for p.i < len(p.b) && plainInString[p.b[p.i]] {
			p.i++
		}
		if p.i == len(p.b) {
			break
		}
		switch c := p.b[p.i]; {
		case c == '"':
			end = p.i
			p.i++
			return start, end, escaped, nil
		case c == '\\':
			escaped = true
			if p.i+1 >= len(p.b) {
				return 0, 0, false, p.fail("unterminated string")
			}
			switch p.b[p.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i += 2
			case 'u':
				if p.i+6 > len(p.b) {
					return 0, 0, false, p.fail("unterminated string")
				}
				for _, h := range p.b[p.i+2 : p.i+6] {
					if !isHex(h) {
						return 0, 0, false, p.fail("bad \\u escape")
					}
				}
				p.i += 6
			default:
				return 0, 0, false, p.fail("bad escape")
			}
		case c < 0x20:
			return 0, 0, false, p.fail("control character in string")
		default:
			p.i++
		}
	}
	return 0, 0, false, p.fail("unterminated string")
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func (p *parser) string() (string, error) {
	if p.literal("null") {
		return "", nil
	}
	start, end, escaped, err := p.stringSpan()
	if err != nil {
		return "", err
	}
	if !escaped {
		return string(p.b[start:end]), nil
	}
	var s string
	if err := json.Unmarshal(p.b[start-1:end+1], &s); err != nil {
		return "", p.fail("bad string")
	}
	return s, nil
}

// name is a string that recurs (keys, column names, table names): one
// copy is kept.
func (p *parser) name() (string, error) {
	start, end, escaped, err := p.stringSpan()
	if err != nil {
		return "", err
	}
	if escaped {
		p.i = start - 1
		return p.string()
	}
	key := p.b[start:end]
	if len(key) == 0 {
		return "", nil
	}
	// The same few dozen names come millions of times: most are found in
	// a small table by their length and ends, without hashing them.
	slot := &p.recent[(len(key)*31+int(key[0])*7+int(key[len(key)-1]))&(len(p.recent)-1)]
	if *slot == string(key) {
		return *slot, nil
	}
	s, ok := p.names[string(key)]
	if !ok {
		s = string(key)
		p.names[s] = s
	}
	*slot = s
	return s, nil
}

func (p *parser) int64() (int64, error) {
	p.space()
	start := p.i
	if err := p.number(); err != nil {
		return 0, err
	}
	digits, neg := p.b[start:p.i], false
	if digits[0] == '-' {
		digits, neg = digits[1:], true
	}
	var n uint64
	for _, c := range digits {
		if c < '0' || c > '9' || n > (1<<63)/10 {
			return 0, p.fail("expected an integer")
		}
		n = n*10 + uint64(c-'0')
	}
	switch {
	case neg && n <= 1<<63:
		return -int64(n), nil
	case !neg && n < 1<<63:
		return int64(n), nil
	}
	return 0, p.fail("integer out of range")
}

// number checks a JSON number's grammar.
func (p *parser) number() error {
	digits := func() int {
		n := 0
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.b) && p.b[p.i] == '0':
		p.i++
	case digits() == 0:
		return p.fail("expected a number")
	}
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return p.fail("bad number")
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return p.fail("bad number")
		}
	}
	return nil
}

// skip passes over any JSON value, checking it.
func (p *parser) skip() error {
	switch c := p.peek(); {
	case c == '{':
		return p.object(func(string) error { return p.skip() })
	case c == '[':
		return p.array(p.skip)
	case c == '"':
		_, _, _, err := p.stringSpan()
		return err
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case p.literal("true"), p.literal("false"), p.literal("null"):
		return nil
	}
	return p.fail("expected a value")
}

// raw is any JSON value, as it stands in the file.
func (p *parser) raw() (json.RawMessage, error) {
	p.space()
	start := p.i
	if err := p.skip(); err != nil {
		return nil, err
	}
	return json.RawMessage(p.b[start:p.i:p.i]), nil
}

func (p *parser) vector() (map[string]int64, error) {
	v := map[string]int64{}
	err := p.object(func(key string) error {
		n, err := p.int64()
		v[key] = n
		return err
	})
	return v, err
}

func (p *parser) op(op *storage.WireOp) error {
	return p.object(func(key string) error {
		if key != "fields" {
			return p.opMember(op, key)
		}
		if p.literal("null") {
			op.Fields = nil
			return nil
		}
		op.Fields = fieldsMap(p, &p.opFields, (*lender).opFields, p.opWidth)
		err := p.object(func(col string) error {
			var fc storage.FieldChange
			if v, base, ok := p.exported(`,"b":`); ok {
				fc.Value, fc.Base = v, base
				op.Fields[col] = fc
				return nil
			}
			err := p.object(func(k string) error {
				var err error
				switch k {
				case "v":
					fc.Value, err = p.raw()
				case "b":
					fc.Base, err = p.ref()
				default:
					err = p.skip()
				}
				return err
			})
			op.Fields[col] = fc
			return err
		})
		p.opWidth = len(op.Fields)
		return err
	})
}

// opMember reads the member key of an op other than its fields: its
// identity and clock, anything else passed over.
func (p *parser) opMember(op *storage.WireOp, key string) error {
	var err error
	switch key {
	case "origin":
		op.Origin, err = p.nameOrNull()
	case "seq":
		op.Seq, err = p.int64()
	case "hlc":
		op.HLC, err = p.int64()
	case "table":
		var name string
		name, err = p.nameOrNull()
		op.Table = data.Table(name)
	case "row":
		op.RowID, err = p.string()
	default:
		err = p.skip()
	}
	return err
}

func (p *parser) row(r *storage.RowState) error {
	return p.object(func(key string) error {
		var err error
		switch key {
		case "table":
			var name string
			name, err = p.nameOrNull()
			r.Table = data.Table(name)
		case "id":
			r.ID, err = p.string()
		case "origin":
			r.Origin, err = p.nameOrNull()
		case "hlc":
			r.HLC, err = p.int64()
		case "fields":
			if p.literal("null") {
				r.Fields = nil
				return nil
			}
			r.Fields = fieldsMap(p, &p.rowFields, (*lender).rowFields, p.rowWidth)
			err = p.object(func(col string) error {
				var fs storage.FieldState
				if v, ref, ok := p.exported(`,"ref":`); ok {
					if fs.Value, fs.Ref = v, ref; p.keep != nil {
						fs.Value = p.keep.copy(fs.Value)
					}
					r.Fields[col] = fs
					return nil
				}
				err := p.object(func(k string) error {
					var err error
					switch k {
					case "v":
						if fs.Value, err = p.raw(); p.keep != nil {
							fs.Value = p.keep.copy(fs.Value)
						}
					case "ref":
						fs.Ref, err = p.ref()
					default:
						err = p.skip()
					}
					return err
				})
				r.Fields[col] = fs
				return err
			})
			p.rowWidth = len(r.Fields)
		default:
			err = p.skip()
		}
		return err
	})
}

// exported reads a field's object as the exporter writes it (and
// encoding/json would): {"v":value} or {"v":value,"key":"ref"}, nothing
// between, where key is the member with its comma, quotes and colon. Two
// of every three names in a file are these keys; matched as bytes they
// need no lookup. ok is false, nothing read, for any other form (or an
// error in it), which the general object parse then reads or refuses.
func (p *parser) exported(key string) (value json.RawMessage, ref string, ok bool) {
	start := p.i
	if !bytes.HasPrefix(p.b[p.i:], []byte(`{"v":`)) {
		return nil, "", false
	}
	p.i += len(`{"v":`)
	value, err := p.raw()
	if err == nil && bytes.HasPrefix(p.b[p.i:], []byte(key)) {
		p.i += len(key)
		ref, err = p.ref()
	}
	if err != nil || p.i >= len(p.b) || p.b[p.i] != '}' {
		p.i = start
		return nil, "", false
	}
	p.i++
	return value, ref, true
}

// ref is an op reference; a fresh row's fields all carry the same one, so
// the last is kept and reused.
func (p *parser) ref() (string, error) {
	if p.peek() == '"' {
		start, end, escaped, err := p.stringSpan()
		if err != nil {
			return "", err
		}
		if !escaped {
			if string(p.b[start:end]) != p.lastRef {
				p.lastRef = string(p.b[start:end])
			}
			return p.lastRef, nil
		}
		p.i = start - 1
	}
	return p.string()
}

func (p *parser) nameOrNull() (string, error) {
	if p.literal("null") {
		return "", nil
	}
	return p.name()
}

// fieldsMap is the map for an op's or a row's fields: the scratch one
// emptied, a lent one, or a new one with room for width fields (a
// table's rows have the same columns, and growing a map rehashes it).
func fieldsMap[V any](p *parser, scratch *map[string]V, lend func(*lender, int) map[string]V, width int) map[string]V {
	switch {
	case p.scratch:
		return scratchMap(scratch)
	case p.lend != nil:
		return lend(p.lend, width)
	}
	return make(map[string]V, width)
}

// scratchMap is *m emptied, made the first time.
func scratchMap[V any](m *map[string]V) map[string]V {
	if *m == nil {
		*m = map[string]V{}
	}
	clear(*m)
	return *m
}
