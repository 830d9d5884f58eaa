package applog

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// Mask hides what looks like an ID number or a mobile phone number in s:
// a run of 17 digits and a digit or X (or 15 digits, an old ID number)
// keeps its first six and last four characters, a run of 11 digits
// starting with 1 (or 86 and those 11) its first three and last four. Runs of other lengths
// are left alone (an order number, an amount).
func Mask(s string) string {
	if !hasDigitRun(s, 11) {
		return s
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		if !isDigit(s[i]) {
			j := i
			for j < len(s) && !isDigit(s[j]) {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 17 && j < len(s) && (s[j] == 'X' || s[j] == 'x') && (j+1 == len(s) || !isDigit(s[j+1])) {
			j++ // the check character of an ID number
		}
		b.WriteString(maskRun(s[i:j]))
		i = j
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasDigitRun reports a run of at least n digits: most text has none and
// is returned as is.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func maskRun(run string) string {
	switch {
	case len(run) == 18 || len(run) == 15:
		return run[:6] + strings.Repeat("*", len(run)-10) + run[len(run)-4:]
	case len(run) == 11 && run[0] == '1':
		return run[:3] + "****" + run[7:]
	case len(run) == 13 && run[:3] == "861": // with the country code
		return "86" + maskRun(run[2:])
	}
	return run
}

// MaskingHandler passes records on to another handler with Mask applied
// to the message and to every attribute value (inside groups too; an
// error or other value is logged as its masked text).
type MaskingHandler struct {
	next slog.Handler
}

// NewMaskingHandler wraps next.
func NewMaskingHandler(next slog.Handler) *MaskingHandler { return &MaskingHandler{next: next} }

func (h *MaskingHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h *MaskingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Mask(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(maskAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *MaskingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		masked[i] = maskAttr(a)
	}
	return &MaskingHandler{next: h.next.WithAttrs(masked)}
}

func (h *MaskingHandler) WithGroup(name string) slog.Handler {
	return &MaskingHandler{next: h.next.WithGroup(name)}
}

func maskAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Mask(v.String()))
	case slog.KindGroup:
		g := v.Group()
		out := make([]slog.Attr, len(g))
		for i, x := range g {
			out[i] = maskAttr(x)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(out...)}
	case slog.KindAny:
		// An error, a struct, a []string: what the text handler would
		// write, masked.
		var s string
		switch x := v.Any().(type) {
		case error:
			s = x.Error()
		case fmt.Stringer:
			s = x.String()
		default:
			s = fmt.Sprintf("%+v", x)
		}
		return slog.String(a.Key, Mask(s))
	case slog.KindInt64, slog.KindUint64:
		// A phone or ID number passed as a number.
		if s := v.String(); Mask(s) != s {
			return slog.String(a.Key, Mask(s))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
