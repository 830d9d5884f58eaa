package ident

import "fmt"

// Kind classifies why an identifier was refused, so callers can react to a
// class of error (for example highlight the date column) without parsing
// the Chinese Reason.
type Kind int

const (
	KindEmpty    Kind = iota + 1 // nothing left after normalisation
	KindChar                     // a character that cannot occur there
	KindLength                   // wrong number of characters
	KindCheck                    // check character does not match
	KindDate                     // birth date impossible, too early or in the future
	KindRegion                   // address / region code unknown
	KindSequence                 // ID sequence code 000
	KindCategory                 // credit code authority or organisation type unknown
	KindPrefix                   // phone number does not start like a mobile number
)

// Error is the refusal of an identifier. Reason is shown to the clerk as is.
//
// Callers test for it with errors.As:
//
//	var e *ident.Error
//	if errors.As(err, &e) && e.Kind == ident.KindCheck { ... }
type Error struct {
	Kind   Kind
	Reason string
}

// Error returns the Chinese reason.
func (e *Error) Error() string { return e.Reason }

func refuse(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Reason: fmt.Sprintf(format, args...)}
}
