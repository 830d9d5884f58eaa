package ident

import (
	"strings"
	"unicode"
)

// normalize turns what a clerk pasted into the canonical ASCII form that the
// checks work on: spaces of every width and hyphens removed (numbers are
// often written in groups, "6201 2319 ..." or "138-1234-5678"), full-width
// forms (０-９, Ａ-Ｚ, ａ-ｚ, ＋ ...) mapped to ASCII, and letters upper-cased
// so that a lower-case check character x is accepted as X.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		// The full-width forms block mirrors printable ASCII at a fixed offset.
		if r >= '！' && r <= '～' {
			r -= '！' - '!'
		}
		if isSeparator(r) {
			continue
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isSeparator reports characters that carry no information in an identifier:
// white space (ASCII, NBSP, ideographic U+3000 ...), hyphens and dashes of any
// width, and the invisible format characters that Excel and web pages leave
// behind (zero-width space, BOM).
func isSeparator(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', '﹣',
		'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// firstIllegal returns the first rune of s that ok refuses, and whether
// there is one.
func firstIllegal(s string, ok func(rune) bool) (rune, bool) {
	for _, r := range s {
		if !ok(r) {
			return r, true
		}
	}
	return 0, false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
