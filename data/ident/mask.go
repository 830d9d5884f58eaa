package ident

import "strings"

// MaskID hides an identity number for display: the first six characters
// (the address code) and the last four stay, the rest become '*', e.g.
// 620123********1234. The input is normalised first. Anything shorter than
// a 15-digit number is masked completely, so that malformed input never
// shows more than a well-formed one would.
func MaskID(s string) string { return maskMiddle(normalize(s), 6, 4, 15) }

// MaskPhone hides a phone number for display: the first three and last four
// digits stay, e.g. 138****5678. The input is normalised and a country code
// dropped first; anything shorter than 11 characters is masked completely.
func MaskPhone(s string) string { return maskMiddle(phoneDigits(s), 3, 4, 11) }

// maskMiddle keeps head and tail runes of s and stars the rest; below minLen
// runes it stars everything. minLen must exceed head+tail.
func maskMiddle(s string, head, tail, minLen int) string {
	r := []rune(s)
	if len(r) < minLen {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
