package report

import "strings"

// table is one printed list before layout: its columns and its rows of
// cell text.
type table struct {
	title   string
	columns []column
	rows    [][]string
	// summary is the line under the table ("合计 35 人 ……").
	summary string
	// minLines is the least height of a row in lines of text: a 签领表
	// leaves room to sign.
	minLines int
}

// align of a column's text.
type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// column is one column of a printed table. A column with fit is as wide
// as that sample (or its header) needs on one line; the others share the
// rest of the page width by weight.
type column struct {
	header string
	fit    string
	weight float64
	align  align
	width  float64 // mm, set by layoutColumns
}

// layoutColumns sets every column's width: fitted columns first (with
// cell padding), then the remaining width shared by weight. measure gives
// a string's width in mm in the cell font; measureHead in the header font.
func layoutColumns(cols []column, total, pad float64, measure, measureHead func(string) float64) {
	used, weights := 0.0, 0.0
	for i := range cols {
		c := &cols[i]
		if c.fit == "" {
			weights += c.weight
			continue
		}
		c.width = max(measure(c.fit), measureHead(c.header)) + 2*pad + 0.6
		used += c.width
	}
	rest := max(0, total-used)
	for i := range cols {
		if c := &cols[i]; c.fit == "" {
			c.width = rest * c.weight / weights
		}
	}
}

// wrap breaks text into lines no wider than width. Chinese has no spaces
// between words, so a line may break after any character; explicit line
// breaks are kept. No character is dropped or trimmed: the lines joined
// give the text back without its line-break characters. A single
// character wider than the column gets a line of its own, and a closing
// mark after it may hang past the edge.
//
// The usual Chinese line-breaking courtesy applies where it can: a closing
// mark (）。，、 …) does not start a line and an opening one (（“《 …) does
// not end one; the character before (or the opening mark) moves down with
// it.
func wrap(text string, width float64, runeWidth func(rune) float64) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var line []rune
		w := 0.0
		for _, r := range para {
			rw := runeWidth(r)
			if len(line) > 0 && w+rw > width {
				if len(line) == 1 && strings.ContainsRune(noLineStart, r) {
					// Nothing to move down with the mark: let it hang
					// past the edge rather than start a line.
					line = append(line, r)
					w += rw
					continue
				}
				keep := len(line)
				if strings.ContainsRune(noLineStart, r) || strings.ContainsRune(noLineEnd, line[keep-1]) {
					keep--
				}
				if keep == 0 {
					keep = len(line)
				}
				lines = append(lines, string(line[:keep]))
				carry := append([]rune(nil), line[keep:]...)
				line, w = append(line[:0], carry...), 0
				for _, c := range carry {
					w += runeWidth(c)
				}
			}
			line = append(line, r)
			w += rw
		}
		lines = append(lines, string(line))
	}
	return lines
}

// Marks that should not begin or end a line.
const (
	noLineStart = "）)】》」』〕］]}”’。，、；：！？,.;:!?%％…"
	noLineEnd   = "（(【《「『〔［[{“‘"
)
