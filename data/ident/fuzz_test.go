package ident

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseID: ParseID never panics, and whatever it accepts is canonical,
// checksum-correct and re-parses to the same ID.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "11010519491231002x", "110105491231002",
		"１１０１０５１９４９１２３１００２ｘ", "620123198506151239", "", "X", "000000000000000000",
		"1101051949123100２X", "11010519490231002X", "\xff\xfe", "110105 1949-1231 002X",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseID(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("ParseID(%q) error %T is not *Error", s, err)
			}
			if !utf8.ValidString(err.Error()) || err.Error() == "" {
				t.Fatalf("ParseID(%q) reason %q", s, err.Error())
			}
			return
		}
		if len(id.Number) != 18 || IDCheckChar(id.Number[:17]) != id.Number[17] || id.Region != id.Number[:6] {
			t.Fatalf("ParseID(%q) accepted inconsistent %+v", s, id)
		}
		again, err := ParseID(id.Number)
		if err != nil || again != id {
			t.Fatalf("ParseID(%q) = %+v, but re-parsing gives %+v, %v", s, id, again, err)
		}
		if got := MaskID(id.Number); got != id.Number[:6]+"********"+id.Number[14:] {
			t.Fatalf("MaskID(%q) = %q", id.Number, got)
		}
	})
}
