package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScan is a small streaming tokenizer for the XML of a worksheet and
// its shared strings: elements, attributes and text, nothing more. It
// reads a 100,000-row sheet several times faster than encoding/xml (which
// builds a token, a name and attribute values for every tag, and checks
// namespaces): the import's own parsing then costs less than a second.
// Namespace prefixes are dropped; comments, processing instructions and
// the DOCTYPE are skipped; CDATA is text.
type xmlScan struct {
	r *bufio.Reader
	// the current token
	kind    tokKind
	name    []byte // local name of a start or end tag
	attrs   []byte // a start tag's raw attributes
	closed  bool   // a start tag that ends itself: <c r="A1"/>
	text    []byte // decoded text (only when wantText)
	scratch []byte
	tag     []byte
}

type tokKind int

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

var errXMLSyntax = errors.New("XML 格式错误")

func newXMLScan(r io.Reader) *xmlScan {
	return &xmlScan{r: bufio.NewReaderSize(r, 64<<10)}
}

// next reads the next token; text is decoded only when wantText is set
// (the caller is inside a <v> or <t>), else skipped. io.EOF at the end.
func (x *xmlScan) next(wantText bool) error {
	for {
		b, err := x.r.ReadByte()
		if err != nil {
			return err
		}
		if b != '<' {
			x.r.UnreadByte()
			if !wantText {
				if err := x.skipText(); err != nil {
					return err
				}
				continue
			}
			raw, err := x.readUntil('<')
			if err != nil && err != io.EOF {
				return err
			}
			if len(raw) > 0 && raw[len(raw)-1] == '<' {
				raw = raw[:len(raw)-1]
				x.r.UnreadByte()
			}
			x.kind, x.text = tokText, decodeXMLText(x.text[:0], raw)
			return nil
		}
		tag, err := x.readTag()
		if err != nil {
			return err
		}
		switch {
		case len(tag) == 0:
			return errXMLSyntax
		case tag[0] == '?':
			continue // <?xml ...?>
		case tag[0] == '!':
			if bytes.HasPrefix(tag, []byte("![CDATA[")) {
				body := bytes.TrimSuffix(tag[len("![CDATA["):], []byte("]]"))
				if !wantText {
					continue
				}
				x.kind, x.text = tokText, appendNormalized(x.text[:0], body)
				return nil
			}
			continue // comment or DOCTYPE
		case tag[0] == '/':
			x.kind, x.name = tokEnd, localName(bytes.TrimSpace(tag[1:]))
			return nil
		}
		x.kind, x.closed = tokStart, false
		if tag[len(tag)-1] == '/' {
			x.closed, tag = true, tag[:len(tag)-1]
		}
		end := bytes.IndexAny(tag, " \t\r\n")
		if end < 0 {
			end = len(tag)
		}
		x.name, x.attrs = localName(tag[:end]), tag[end:]
		return nil
	}
}

// skipText passes over text up to the next '<'.
func (x *xmlScan) skipText() error {
	for {
		_, err := x.r.ReadSlice('<')
		switch err {
		case nil:
			x.r.UnreadByte()
			return nil
		case bufio.ErrBufferFull:
			continue
		default:
			return err
		}
	}
}

// readUntil reads up to and including delim, across buffer refills.
func (x *xmlScan) readUntil(delim byte) ([]byte, error) {
	b, err := x.r.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		return b, err
	}
	x.scratch = append(x.scratch[:0], b...)
	for err == bufio.ErrBufferFull {
		b, err = x.r.ReadSlice(delim)
		x.scratch = append(x.scratch, b...)
	}
	return x.scratch, err
}

// readTag reads a tag's content after '<' up to its closing '>': a '>'
// inside a quoted attribute value, a comment or CDATA does not end it.
func (x *xmlScan) readTag() ([]byte, error) {
	b, err := x.readUntil('>')
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	// The tag is kept in a buffer of the scanner's own: b belongs to the
	// reader, and a tag read across a refill must be joined.
	tag := append(x.tag[:0], b[:len(b)-1]...)
	defer func() { x.tag = tag[:0] }()
	for !tagComplete(tag) {
		more, err := x.readUntil('>')
		if err != nil {
			if err == io.EOF {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		tag = append(append(tag, '>'), more[:len(more)-1]...)
	}
	return tag, nil
}

func tagComplete(tag []byte) bool {
	switch {
	case bytes.HasPrefix(tag, []byte("!--")):
		return len(tag) >= 5 && bytes.HasSuffix(tag, []byte("--"))
	case bytes.HasPrefix(tag, []byte("![CDATA[")):
		return bytes.HasSuffix(tag, []byte("]]"))
	}
	var quote byte
	for _, c := range tag {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		}
	}
	return quote == 0
}

// localName drops a namespace prefix: x:row is row.
func localName(n []byte) []byte {
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

func (x *xmlScan) is(name string) bool { return string(x.name) == name }

// attr is the decoded value of the current start tag's attribute.
func (x *xmlScan) attr(name string) (string, bool) {
	v, ok := x.rawAttr(name)
	if !ok {
		return "", false
	}
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return string(v), true
	}
	return string(decodeXMLText(nil, v)), true
}

// rawAttr is an attribute's value as written, valid until the next token.
func (x *xmlScan) rawAttr(name string) ([]byte, bool) {
	a := x.attrs
	for len(a) > 0 {
		a = bytes.TrimLeft(a, " \t\r\n")
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return nil, false
		}
		key := localName(bytes.TrimSpace(a[:eq]))
		a = bytes.TrimLeft(a[eq+1:], " \t\r\n")
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return nil, false
		}
		q := a[0]
		end := bytes.IndexByte(a[1:], q)
		if end < 0 {
			return nil, false
		}
		val := a[1 : 1+end]
		a = a[2+end:]
		if string(key) == name {
			return val, true
		}
	}
	return nil, false
}

// decodeXMLText appends raw with its entities and character references
// decoded and its line ends normalised as an XML parser reports text (a
// carriage return written as &#xD; stays). An unknown entity is kept as
// written.
func decodeXMLText(dst, raw []byte) []byte {
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return appendNormalized(dst, raw)
		}
		dst = appendNormalized(dst, raw[:amp])
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return appendNormalized(dst, raw)
		}
		if r, ok := entity(string(raw[1:semi])); ok {
			dst = utf8.AppendRune(dst, r)
		} else {
			dst = appendNormalized(dst, raw[:semi+1])
		}
		raw = raw[semi+1:]
	}
	return dst
}

func entity(e string) (rune, bool) {
	switch e {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(e) > 1 && e[0] == '#' {
		var n uint64
		var err error
		if e[1] == 'x' {
			n, err = strconv.ParseUint(e[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(e[1:], 10, 32)
		}
		if err == nil && utf8.ValidRune(rune(n)) {
			return rune(n), true
		}
	}
	return 0, false
}

// appendNormalized appends text with \r\n and a lone \r turned into \n,
// as XML parsers do with the line ends they read.
func appendNormalized(dst, b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return append(dst, b...)
	}
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			dst = append(dst, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		dst = append(dst, b[i])
	}
	return dst
}
