package sheet

import (
	"fmt"
	"slices"
)

// kindSpec is what a kind's spreadsheet looks like: its columns, and how
// Store refusals map back to them.
type kindSpec struct {
	kind     Kind
	fields   []field
	byHeader map[string]*field // normalised header or alias -> field
	byStore  map[string][]string
	// quiet are headers the kind knows but does not import (derived
	// values an export writes), so they are not reported as ignored.
	quiet []string
}

func newSpec(kind Kind, fields []field, quiet ...string) *kindSpec {
	s := &kindSpec{kind: kind, fields: fields, byHeader: map[string]*field{}, byStore: map[string][]string{}}
	for i := range fields {
		f := &fields[i]
		for _, name := range append([]string{f.header}, f.aliases...) {
			h := normHeader(name)
			if other, dup := s.byHeader[h]; dup && other != f {
				panic(fmt.Sprintf("sheet: %s header %q names both %s and %s", kind, name, other.key, f.key))
			}
			s.byHeader[h] = f
		}
		for _, sf := range f.store {
			s.byStore[sf] = append(s.byStore[sf], f.key)
		}
	}
	for i, q := range quiet {
		quiet[i] = normHeader(q)
	}
	s.quiet = quiet
	return s
}

func (s *kindSpec) quietHeader(h string) bool { return slices.Contains(s.quiet, h) }

// field finds a field by key.
func (s *kindSpec) field(key string) *field {
	for i := range s.fields {
		if s.fields[i].key == key {
			return &s.fields[i]
		}
	}
	return nil
}
