package storage

import (
	"encoding"
	"reflect"
)

// An export encodes every travelling column of every row it sends.
// Besides plain strings, numbers and booleans (appendJSONValue), two more
// kinds of value are common and take a path of their own here: dates,
// which encoding/json writes as their text form, quoted; and the empty
// lists and optional values of a worker (no skills, no training), which
// it writes as null. Anything else goes to encoding/json.

// valueEncoding is how a column's values are written as JSON.
type valueEncoding uint8

const (
	viaEncodingJSON valueEncoding = iota
	plainJSONValue                // appendJSONValue
	textValue                     // its MarshalText, quoted
	nilIsNull                     // null when nil, else encoding/json
)

// encodingOf is how values of t may be written as encoding/json would.
func encodingOf(t reflect.Type) valueEncoding {
	switch {
	case fastEncodable(t):
		return plainJSONValue
	case t.Implements(jsonMarshalerType) || reflect.PointerTo(t).Implements(jsonMarshalerType):
		return viaEncodingJSON
	case t.Implements(textMarshalerType) && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface:
		return textValue
	case reflect.PointerTo(t).Implements(textMarshalerType):
		return viaEncodingJSON
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		return nilIsNull
	}
	return viaEncodingJSON
}

// appendEncoded appends json.Marshal(v) for v, a value of a type whose
// encoding is how; ok is false when v needs encoding/json after all.
func appendEncoded(dst []byte, v reflect.Value, how valueEncoding) ([]byte, bool) {
	switch how {
	case plainJSONValue:
		return appendJSONValue(dst, v)
	case textValue:
		text, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return dst, false
		}
		return appendJSONString(dst, string(text))
	case nilIsNull:
		if v.IsNil() {
			return append(dst, "null"...), true
		}
	}
	return dst, false
}
