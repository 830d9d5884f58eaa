package ident

import (
	"errors"
	"testing"
)

// refusal is an input a parser must refuse, and the Error it must refuse
// it with.
type refusal struct {
	in     string
	kind   Kind
	reason string
}

// checkRefusals fails for every case that parse (named name in the
// message) does not refuse with exactly its kind and reason, or that
// comes back with a value beside its error.
func checkRefusals[T comparable](t *testing.T, name string, parse func(string) (T, error), cases []refusal) {
	t.Helper()
	var zero T
	for _, c := range cases {
		got, err := parse(c.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s(%q) = %+v, %v; want *Error %q", name, c.in, got, err, c.reason)
			continue
		}
		if e.Reason != c.reason || e.Error() != c.reason || e.Kind != c.kind {
			t.Errorf("%s(%q) error = {%d %q}, want {%d %q}", name, c.in, e.Kind, e.Reason, c.kind, c.reason)
		}
		if got != zero {
			t.Errorf("%s(%q) returned %+v with its error", name, c.in, got)
		}
	}
}

// checkEach fails for every input in cases whose f(input) is not the
// value it maps to; name is f's name in the message.
func checkEach[Out ~string | ~rune | ~byte](t *testing.T, name string, f func(string) Out, cases map[string]Out) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
		}
	}
}
