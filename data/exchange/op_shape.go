package exchange

import "duikou/data/storage"

// The ops come first in changes.json and are decoded when their rows'
// part goes to the Store (parts.go); what the pass needs of them as they
// are read is less: each op's identity, and whether it is shaped like an
// op (its table, origin, number and row, and fields each with a value).
// The values themselves are passed over here, found by their brackets and
// quotes, and checked when the op is decoded: all the ops of an import's
// first quarter second, on the path before the first part can go.

// opShape is what shapeOf finds of an op's fields.
type opShape struct {
	fields  int    // how many, counting a repeated name again
	missing bool   // a field without a value, or without a name
	first   string // the first field's name
}

// shapeOf reads op's identity and the shape of its fields, passing over
// the values unchecked.
func (p *parser) shapeOf(op *storage.WireOp) (shape opShape, err error) {
	err = p.object(func(key string) error {
		if key != "fields" {
			return p.opMember(op, key)
		}
		if p.literal("null") {
			return nil
		}
		return p.object(func(col string) error {
			if shape.fields++; shape.fields == 1 {
				shape.first = col
			}
			valued := false
			err := p.object(func(k string) error {
				valued = valued || k == "v"
				return p.skipValue()
			})
			shape.missing = shape.missing || col == "" || !valued
			return err
		})
	})
	return shape, err
}

// skipValue passes over a JSON value without checking it: brackets are
// counted outside strings, a string ends at its unescaped quote, anything
// else at the next delimiter. It fails at the end of what is read (the
// stream then reads on and comes back).
func (p *parser) skipValue() error {
	p.space()
	depth := 0
	for i := p.i; i < len(p.b); i++ {
		switch c := p.b[i]; c {
		case '"':
			for i++; i < len(p.b) && p.b[i] != '"'; i++ {
				if p.b[i] == '\\' {
					i++
				}
			}
			if i >= len(p.b) {
				p.i = len(p.b)
				return p.fail("unterminated string")
			}
			if depth == 0 {
				p.i = i + 1
				return nil
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 { // the end of the object or array around the value
				if i == p.i {
					return p.fail("expected a value")
				}
				p.i = i
				return nil
			}
			if depth--; depth == 0 {
				p.i = i + 1
				return nil
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				if i == p.i {
					return p.fail("expected a value")
				}
				p.i = i
				return nil
			}
		}
	}
	p.i = len(p.b)
	return p.fail("unterminated value")
}
