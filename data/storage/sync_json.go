package storage

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// The exchange encodes and decodes every travelling column of every row
// it sends or takes in, millions of values for a large file. Most are
// plain strings, numbers and booleans, which these fast paths handle
// byte for byte as encoding/json does; anything else (escapes, HTML
// characters, structs, slices, types with their own JSON or text form)
// goes through encoding/json itself. The values must come out exactly
// as encoding/json writes them: offices compare them as bytes to tell a
// conflicting edit from an agreeing one.

var (
	jsonMarshalerType   = reflect.TypeFor[json.Marshaler]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	fastKinds           = map[reflect.Kind]bool{reflect.String: true, reflect.Bool: true,
		reflect.Int: true, reflect.Int8: true, reflect.Int16: true, reflect.Int32: true, reflect.Int64: true,
		reflect.Uint: true, reflect.Uint8: true, reflect.Uint16: true, reflect.Uint32: true, reflect.Uint64: true}
)

// fastEncodable reports whether values of t may take the fast path of
// appendJSONValue.
func fastEncodable(t reflect.Type) bool {
	return fastKinds[t.Kind()] && !t.Implements(jsonMarshalerType) && !t.Implements(textMarshalerType) &&
		!reflect.PointerTo(t).Implements(jsonMarshalerType) && !reflect.PointerTo(t).Implements(textMarshalerType)
}

// fastDecodable reports whether values of t may take the fast path of
// decodeJSONValue.
func fastDecodable(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return fastKinds[t.Kind()] && !p.Implements(jsonUnmarshalerType) && !p.Implements(textUnmarshalerType)
}

// textDecodable reports whether values of t may take the fast path of
// decodeJSONText: encoding/json reads them from a string through their
// UnmarshalText.
func textDecodable(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return !p.Implements(jsonUnmarshalerType) && p.Implements(textUnmarshalerType)
}

// decodeJSONText sets *ptr as json.Unmarshal would from raw, a string
// with nothing to unescape; ok is false when raw needs encoding/json
// (which also gives the error for a wrong value).
func decodeJSONText(ptr reflect.Value, raw []byte) bool {
	body, ok := plainJSONString(raw)
	return ok && ptr.Interface().(encoding.TextUnmarshaler).UnmarshalText(body) == nil
}

// plainJSONString is the body of raw when raw is a JSON string that
// reads as its bytes: quoted, valid UTF-8, nothing escaped.
func plainJSONString(raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return nil, false
	}
	body := raw[1 : len(raw)-1]
	for _, c := range body {
		if c < 0x20 || c == '"' || c == '\\' {
			return nil, false
		}
	}
	return body, utf8.Valid(body)
}

// appendJSONValue appends json.Marshal(v) for a value of a fast kind; ok
// is false when v needs encoding/json.
func appendJSONValue(dst []byte, v reflect.Value) ([]byte, bool) {
	switch v.Kind() {
	case reflect.String:
		return appendJSONString(dst, v.String())
	case reflect.Bool:
		return strconv.AppendBool(dst, v.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(dst, v.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(dst, v.Uint(), 10), true
	}
	return dst, false
}

// appendJSONString quotes s when encoding/json would copy every byte as
// it is (no escapes, HTML-safe, valid UTF-8 without U+2028/U+2029).
func appendJSONString(dst []byte, s string) ([]byte, bool) {
	ascii, e2 := true, false // e2: a byte that may start U+2028 or U+2029
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii, e2 = false, e2 || c == 0xE2
		} else if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return dst, false
		}
	}
	if !ascii && (!utf8.ValidString(s) || e2 && (strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029"))) {
		return dst, false
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"'), true
}

// decodeJSONValue sets v (a settable value of a fast kind, holding its
// zero value) as json.Unmarshal would from raw; ok is false when raw needs
// encoding/json (which also gives the error for a wrong value).
func decodeJSONValue(v reflect.Value, raw []byte) bool {
	if string(raw) == "null" {
		return true // json.Unmarshal leaves a plain value as it is
	}
	switch v.Kind() {
	case reflect.String:
		body, ok := plainJSONString(raw)
		if !ok {
			return false
		}
		v.SetString(string(body))
		return true
	case reflect.Bool:
		switch string(raw) {
		case "true":
			v.SetBool(true)
			return true
		case "false":
			return true
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !jsonInteger(raw) {
			return false
		}
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil || v.OverflowInt(n) {
			return false
		}
		v.SetInt(n)
		return true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !jsonInteger(raw) || raw[0] == '-' {
			return false
		}
		n, err := strconv.ParseUint(string(raw), 10, 64)
		if err != nil || v.OverflowUint(n) {
			return false
		}
		v.SetUint(n)
		return true
	}
	return false
}

// jsonInteger: -?(0|[1-9][0-9]*)
func jsonInteger(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 1 && b[0] == '0' {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// appendRawJSON appends what json.Marshal writes for a json.RawMessage
// (compacted, HTML-escaped). Common values already in that form are
// copied; the rest go through encoding/json.
func appendRawJSON(dst []byte, raw json.RawMessage) ([]byte, error) {
	if canonicalRaw(raw) {
		return append(dst, raw...), nil
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return dst, err
	}
	return append(dst, b...), nil
}

// canonicalRaw reports whether raw is a literal, an integer or a string
// without escapes that encoding/json would write unchanged.
func canonicalRaw(raw []byte) bool {
	switch string(raw) {
	case "null", "true", "false":
		return true
	}
	if jsonInteger(raw) {
		return true
	}
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return false
	}
	for i, c := range raw[1 : len(raw)-1] {
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
		// U+2028 and U+2029 (E2 80 A8/A9) are escaped.
		if c == 0xE2 && i+3 < len(raw) && raw[i+2] == 0x80 && (raw[i+3] == 0xA8 || raw[i+3] == 0xA9) {
			return false
		}
	}
	return true
}

// fieldChangesJSON is json.Marshal(fields), as Op's JSON serializer
// stores it ("" for nil: the column is NOT NULL).
func fieldChangesJSON(fields map[string]FieldChange) (string, error) {
	if fields == nil {
		return "", nil
	}
	var small [32]FieldChange // an op's columns: a worker has 25
	values := small[:0]
	if len(fields) > len(small) {
		values = make([]FieldChange, 0, len(fields))
	}
	keys, values := opColumns.sorted(fields, values)
	size := 2
	for i, k := range keys {
		size += len(k) + len(values[i].Value) + len(values[i].Base) + 16
	}
	b := make([]byte, 0, size)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		var ok bool
		if b, ok = appendJSONString(b, k); !ok {
			kb, err := json.Marshal(k)
			if err != nil {
				return "", err
			}
			b = append(b, kb...)
		}
		f := values[i]
		b = append(b, `:{"v":`...)
		var err error
		if f.Value == nil {
			b = append(b, "null"...)
		} else if b, err = appendRawJSON(b, f.Value); err != nil {
			return "", err
		}
		if f.Base != "" {
			b = append(b, `,"b":`...)
			if b, ok = appendJSONString(b, f.Base); !ok {
				bb, err := json.Marshal(f.Base)
				if err != nil {
					return "", err
				}
				b = append(b, bb...)
			}
		}
		b = append(b, '}')
	}
	return bytesString(append(b, '}')), nil
}

// opColumns are the columns of the last op written, in order.
var opColumns lastColumns

// lastColumns remembers the last set of columns sorted: the ops of an
// import mostly set the same columns one after another (every column of
// a new row), and sorting them again, then looking each value up by its
// name, was most of fieldChangesJSON.
type lastColumns struct{ last atomic.Pointer[[]string] }

// sorted is fields' keys in order, and their values in that order
// appended to values.
func (c *lastColumns) sorted(fields map[string]FieldChange, values []FieldChange) ([]string, []FieldChange) {
	if p := c.last.Load(); p != nil && len(*p) == len(fields) {
		same := values
		for _, k := range *p {
			f, ok := fields[k]
			if !ok {
				break
			}
			same = append(same, f)
		}
		if len(same)-len(values) == len(fields) {
			return *p, same
		}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	c.last.Store(&keys)
	for _, k := range keys {
		values = append(values, fields[k])
	}
	return keys, values
}

// bytesString is b as a string without copying it: for a buffer built to
// become that string and never written again.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// decodeFieldChanges reads an op's fields as stored (what
// fieldChangesJSON writes), sharing b's bytes. Anything not in exactly
// that form goes to encoding/json.
func decodeFieldChanges(b []byte) (map[string]FieldChange, error) {
	if len(b) == 0 {
		return nil, nil // stored as "" for nil
	}
	if out, ok := scanFieldChanges(b); ok {
		return out, nil
	}
	var out map[string]FieldChange
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func scanFieldChanges(b []byte) (map[string]FieldChange, bool) {
	if string(b) == "null" {
		return nil, true
	}
	out := make(map[string]FieldChange, 24)
	ok := walkFieldChanges(b, func(key, value, base []byte) bool {
		if _, dup := out[string(key)]; dup {
			return false
		}
		fc := FieldChange{Value: json.RawMessage(value)}
		if base != nil {
			fc.Base = string(base)
		}
		out[string(key)] = fc
		return true
	})
	if !ok {
		return nil, false
	}
	return out, true
}

// walkFieldChanges hands fn each field of b, an op's fields in exactly
// the form fieldChangesJSON writes ({"key":{"v":value,"b":"base"},...},
// "b" optional, keys and bases plain strings), as slices of b: the key
// and base without their quotes, base nil when absent. ok is false when
// b is not in that form or fn says no.
func walkFieldChanges(b []byte, fn func(key, value, base []byte) bool) bool {
	if len(b) < 2 || b[0] != '{' {
		return false
	}
	i := 1
	if b[i] == '}' {
		return i+1 == len(b)
	}
	for {
		key, next, ok := plainStringBytes(b, i)
		if !ok || next+6 > len(b) || string(b[next:next+6]) != `:{"v":` {
			return false
		}
		i = next + 6
		end, ok := skipJSONValue(b, i, 0)
		if !ok {
			return false
		}
		value := b[i:end:end]
		var base []byte
		i = end
		if i+5 <= len(b) && string(b[i:i+5]) == `,"b":` {
			if base, i, ok = plainStringBytes(b, i+5); !ok {
				return false
			}
		}
		if i >= len(b) || b[i] != '}' || !fn(key, value, base) {
			return false
		}
		i++
		if i >= len(b) {
			return false
		}
		switch b[i] {
		case ',':
			i++
		case '}':
			return i+1 == len(b)
		default:
			return false
		}
	}
}

// plainFieldChanges reports whether b, an op's fields as stored, is what
// encoding/json and the exchange's writer alike write for them (so it
// may go into a file as it is): the stored form (walkFieldChanges) with
// keys in strictly increasing order, and keys and bases of printable
// ASCII that no JSON writer escapes.
func plainFieldChanges(b []byte) bool {
	var last []byte
	return walkFieldChanges(b, func(key, _, base []byte) bool {
		ok := (last == nil || string(last) < string(key)) && unescapedASCII(key) && (base == nil || len(base) > 0 && unescapedASCII(base))
		last = key
		return ok
	})
}

// unescapedASCII: printable ASCII without '"', '\\', '<', '>' or '&'.
func unescapedASCII(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// plainString reads a JSON string without escapes starting at b[i] and
// returns it and the index after it; ok is false otherwise.
func plainString(b []byte, i int) (s string, next int, ok bool) {
	body, next, ok := plainStringBytes(b, i)
	return string(body), next, ok
}

// plainStringBytes is plainString's body as a slice of b.
func plainStringBytes(b []byte, i int) (body []byte, next int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, 0, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			body := b[i+1 : j : j]
			if !utf8.Valid(body) {
				return nil, 0, false
			}
			return body, j + 1, true
		case c == '\\' || c < 0x20:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// decodeStringArray is json.Unmarshal of raw into a []string when raw is
// null or an array of plain strings (plainString) as encoding/json writes
// it; ok is false otherwise.
func decodeStringArray(raw []byte) (l []string, ok bool) {
	switch {
	case string(raw) == "null":
		return nil, true
	case string(raw) == "[]":
		return []string{}, true
	case len(raw) < 2 || raw[0] != '[' || raw[len(raw)-1] != ']':
		return nil, false
	}
	for i := 1; ; {
		var s string
		if s, i, ok = plainString(raw, i); !ok {
			return nil, false
		}
		l = append(l, s)
		switch {
		case i == len(raw)-1:
			return l, true
		case raw[i] != ',':
			return nil, false
		}
		i++
	}
}

// skipJSONValue checks the JSON value starting at b[i] (no whitespace, as
// encoding/json writes it) and returns the index after it.
func skipJSONValue(b []byte, i, depth int) (int, bool) {
	if i >= len(b) || depth > 64 {
		return 0, false
	}
	switch c := b[i]; {
	case c == '"':
		for j := i + 1; j < len(b); j++ {
			switch b[j] {
			case '"':
				return j + 1, true
			case '\\':
				j++
				if j >= len(b) {
					return 0, false
				}
				switch b[j] {
				case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				case 'u':
					if j+4 >= len(b) {
						return 0, false
					}
					for _, h := range b[j+1 : j+5] {
						if !isHexDigit(h) {
							return 0, false
						}
					}
					j += 4
				default:
					return 0, false
				}
			default:
				if b[j] < 0x20 {
					return 0, false
				}
			}
		}
		return 0, false
	case c == '-' || '0' <= c && c <= '9':
		j := i
		if b[j] == '-' {
			j++
		}
		digits := func() bool {
			start := j
			for j < len(b) && '0' <= b[j] && b[j] <= '9' {
				j++
			}
			return j > start
		}
		if j < len(b) && b[j] == '0' {
			j++
		} else if !digits() {
			return 0, false
		}
		if j < len(b) && b[j] == '.' {
			j++
			if !digits() {
				return 0, false
			}
		}
		if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
			j++
			if j < len(b) && (b[j] == '+' || b[j] == '-') {
				j++
			}
			if !digits() {
				return 0, false
			}
		}
		return j, true
	case c == '[' || c == '{':
		closing := byte(']')
		if c == '{' {
			closing = '}'
		}
		j := i + 1
		if j < len(b) && b[j] == closing {
			return j + 1, true
		}
		for {
			if c == '{' {
				var ok bool
				if j, ok = skipJSONValue(b, j, depth+1); !ok || j >= len(b) || b[j] != ':' || b[j-1] != '"' {
					return 0, false
				}
				j++
			}
			var ok bool
			if j, ok = skipJSONValue(b, j, depth+1); !ok || j >= len(b) {
				return 0, false
			}
			switch b[j] {
			case ',':
				j++
			case closing:
				return j + 1, true
			default:
				return 0, false
			}
		}
	}
	for _, lit := range []string{"true", "false", "null"} {
		if len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit {
			return i + len(lit), true
		}
	}
	return 0, false
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
