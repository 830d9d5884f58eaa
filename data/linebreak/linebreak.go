// Package linebreak wraps Chinese text into lines of a given width the way
// print does (GB/T 15834 practice): a line may break between any two
// characters, except that closing punctuation（，。、；：？！）」』】》…）never
// starts a line and opening punctuation（（「『【《“…）never ends one. The
// printed lists (data/report) and the window's wrapped labels (app) both
// use it, so paper and screen break alike.
package linebreak

import (
	"strings"
	"unicode/utf8"
)

// Marks that may not begin or end a line.
const (
	NoLineStart = "）)】》」』〕］]}”’。，、；：！？,.;:!?%％…·"
	NoLineEnd   = "（(【《「『〔［[{“‘"
)

// maxCarry is how many characters at most move down to the next line to
// keep a mark off a line's start or end; past that the mark hangs past the
// edge instead (a run of marks longer than that is not text a clerk types).
const maxCarry = 3

// CanBreak reports whether a line may end with before and the next begin
// with after.
func CanBreak(before, after rune) bool {
	return !strings.ContainsRune(NoLineStart, after) && !strings.ContainsRune(NoLineEnd, before)
}

// Wrap breaks text into lines no wider than width, measured by runeWidth.
// Explicit line breaks are kept. No character is dropped or trimmed: the
// lines joined give the text back without its line-break characters. A
// character wider than the width gets a line of its own; a closing mark
// that cannot move down with its neighbours hangs past the edge.
func Wrap(text string, width float64, runeWidth func(rune) float64) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var line []rune
		w := 0.0
		for _, r := range para {
			rw := runeWidth(r)
			if len(line) > 0 && w+rw > width {
				keep := breakPoint(line, r)
				switch {
				case keep > 0:
					lines = append(lines, string(line[:keep]))
					line = append([]rune(nil), line[keep:]...)
					w = Width(string(line), runeWidth)
				case strings.ContainsRune(NoLineStart, r):
					line = append(line, r) // hangs past the edge
					w += rw
					continue
				default:
					lines = append(lines, string(line))
					line, w = nil, 0
				}
			}
			line = append(line, r)
			w += rw
		}
		lines = append(lines, string(line))
	}
	return lines
}

// Width is the width of s measured by runeWidth.
func Width(s string, runeWidth func(rune) float64) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// Monospace measures text set in a fixed pitch: a Chinese character one
// unit wide, an ASCII character half that. The tests of the layouts built
// on Wrap measure with it, so their widths can be worked out by hand.
func Monospace(r rune) float64 {
	if r < utf8.RuneSelf {
		return 0.5
	}
	return 1
}

// breakPoint is how many characters of line stay when r does not fit: the
// latest break allowed between them, moving at most maxCarry characters
// down; 0 when there is none.
func breakPoint(line []rune, r rune) int {
	for keep := len(line); keep > 0 && len(line)-keep <= maxCarry; keep-- {
		next := r
		if keep < len(line) {
			next = line[keep]
		}
		if CanBreak(line[keep-1], next) {
			return keep
		}
	}
	return 0
}
