package sheet

import (
	"fmt"

	"duikou/data"
)

// The setters below read one cell into a record's field: an empty cell
// leaves the field as it is, a cell that does not parse leaves it too and
// fails the row with the reason, naming the column.

// setParsed puts the key's cell, parsed, into *dst; parse gives the value
// or the reason it cannot.
func setParsed[T any](r *rowCtx, key string, dst *T, parse func(string) (T, string)) {
	if v := r.get(key); v != "" {
		if x, reason := parse(v); reason != "" {
			r.fail(key, reason)
		} else {
			*dst = x
		}
	}
}

func setMoney(r *rowCtx, key string, dst *data.Fen) { setParsed(r, key, dst, parseMoney) }

func setDate(r *rowCtx, key string, dst *data.Date) { setParsed(r, key, dst, parseDate) }

func setMonths(r *rowCtx, key string, dst *int) { setParsed(r, key, dst, parseMonths) }

// setCount reads a whole number, which may carry one of units (岁, 人).
func setCount(r *rowCtx, key string, dst *int, units ...string) {
	setParsed(r, key, dst, func(v string) (int, string) { return parseCount(v, units...) })
}

func setBool(r *rowCtx, key string, dst *bool) {
	if v := r.get(key); v != "" {
		if b, ok := parseBool(v); ok {
			*dst = b
		} else {
			r.fail(key, fmt.Sprintf("“%s”无法识别，请填“是”或“否”", v))
		}
	}
}

// setLabelled reads one of list's labels, or an alias of one, as its code.
func setLabelled[C ~string](r *rowCtx, key string, dst *C, list []data.Labelled, aliases map[string]string) {
	if v := r.get(key); v != "" {
		if code, ok := labelCode(list, aliases, v); ok {
			*dst = C(code)
		} else {
			r.fail(key, fmt.Sprintf("“%s”无法识别，可填：%s", v, labels(list)))
		}
	}
}
