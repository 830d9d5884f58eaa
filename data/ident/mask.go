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

// MaskAddress keeps a home address down to the township and hides the
// rest (village, group, house number), e.g. 甘肃省兰州市榆中县城关镇兴隆村3社
// → 甘肃省兰州市榆中县城关镇****. The township is the first 街道, 镇, 乡 or
// 苏木 after a county-level part (县, 区, 旗, 市), so 镇江市 is not taken
// for one; without a township the address is kept to its last county-level
// part, and without that it is hidden whole.
func MaskAddress(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	county := -1 // index after the last county-level character seen
	for i := 0; i < len(r); i++ {
		switch r[i] {
		case '县', '区', '旗', '市':
			county = i + 1
		}
		if county < 0 {
			continue
		}
		for _, t := range []string{"街道", "苏木", "镇", "乡"} {
			if i >= county && strings.HasPrefix(string(r[i:]), t) {
				end := i + len([]rune(t))
				if end == len(r) {
					return string(r)
				}
				return string(r[:end]) + "****"
			}
		}
	}
	if county > 0 {
		if county == len(r) {
			return string(r)
		}
		return string(r[:county]) + "****"
	}
	return "****"
}
