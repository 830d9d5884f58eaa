package report

import "duikou/data/linebreak"

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

// wrap breaks a cell's text into lines of the column's width, Chinese
// line-breaking rules kept (data/linebreak).
var wrap = linebreak.Wrap
