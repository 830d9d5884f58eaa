package sheet

import (
	"fmt"
	"io"
	"strings"
)

// field is one column a kind understands.
type field struct {
	key      string   // internal name
	header   string   // the header templates and exports write
	aliases  []string // other headers clerks use for it
	required bool
	// store lists the data.FieldError.Field names whose errors belong to
	// this column, so a Store refusal is reported against it.
	store   []string
	example string // the template's example row
	note    string // the template's notes sheet
	// alt marks another way to write what other columns hold (one range
	// column for two bound columns ...): read, but left out of templates.
	alt bool
}

// ignoredHeaders are columns rosters carry that need no import: running
// numbers, and what the ID number already says.
var ignoredHeaders = []string{"序号", "编号", "行号", "no", "no.", "年龄", "出生日期", "出生年月", "民族"}

// normHeader folds a header cell for matching: full-width forms to ASCII,
// spaces and line breaks out, required-field stars and bracketed notes
// ("期望月薪（元）", "身份证号码(18位)", "*姓名") dropped, ASCII lower-cased.
func normHeader(s string) string {
	s = strings.ToLower(squeeze(narrow(s)))
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '【', '〔', '<', '《':
			depth++
		case ')', ']', '】', '〕', '>', '》':
			if depth > 0 {
				depth--
			}
		case '*', '※', '★', ':', '：':
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// columns maps a file's header row to a kind's fields.
type columns struct {
	index    map[string]int    // field key -> cell index
	header   map[string]string // field key -> header text as the file has it
	ignored  []string          // header texts not imported
	notes    []string          // remarks for the report (repeated columns)
	width    int               // cells in the header row
	rowIndex int               // the header's row number
}

// matchHeaderRow maps a row's cells to fields; the count is how many
// cells named a field.
func matchHeaderRow(spec *kindSpec, cells []string) *columns {
	c := &columns{index: map[string]int{}, header: map[string]string{}, width: len(cells)}
	for i, cell := range cells {
		text := squeeze(cell)
		h := normHeader(text)
		if h == "" {
			continue
		}
		f, ok := spec.byHeader[h]
		switch {
		case !ok:
			if !isIgnoredHeader(h) && !spec.quietHeader(h) {
				c.ignored = append(c.ignored, text)
			}
		case c.header[f.key] != "":
			c.notes = append(c.notes, fmt.Sprintf("列“%s”与列“%s”重复，使用前一列", text, c.header[f.key]))
		default:
			c.index[f.key] = i
			c.header[f.key] = text
		}
	}
	return c
}

func isIgnoredHeader(h string) bool {
	for _, ig := range ignoredHeaders {
		if h == ig {
			return true
		}
	}
	return false
}

// headerSearchRows is how far down a sheet the header row is looked for:
// rosters carry a title, a unit line and a date line above it.
const headerSearchRows = 10

// findHeader reads a sheet's first rows and returns the first row in which
// at least two cells name fields of the kind; the iterator is then
// positioned after it.
func findHeader(spec *kindSpec, it rowIter) (*columns, error) {
	for n := 0; n < headerSearchRows; n++ {
		cells, row, err := it.next()
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		c := matchHeaderRow(spec, cells)
		if len(c.header) >= 2 {
			c.rowIndex = row
			return c, nil
		}
	}
	return nil, nil
}

// missing lists the required fields the header lacks, by their template
// header.
func (c *columns) missing(spec *kindSpec) []string {
	var out []string
	for _, f := range spec.fields {
		if f.required && c.header[f.key] == "" {
			if f.key == "employer_name" && c.header["employer_code"] != "" {
				continue // a demand's employer may be named by its credit code alone
			}
			out = append(out, "“"+f.header+"”")
		}
	}
	return out
}

// has reports whether the file has a column for the field.
func (c *columns) has(key string) bool { return c.header[key] != "" }

// cell is the cleaned text of a field's cell in a row ("" when the file has
// no such column or the row is short).
func (c *columns) cell(cells []string, key string) string {
	i, ok := c.index[key]
	if !ok || c.header[key] == "" || i >= len(cells) {
		return ""
	}
	return cleanCell(cells[i])
}

// isBlankRow reports a row with nothing in it.
func isBlankRow(cells []string) bool {
	for _, c := range cells {
		if cleanCell(c) != "" {
			return false
		}
	}
	return true
}

// footerWords start the lines below a roster: totals, who filled it in,
// notes.
var footerWords = []string{"合计", "总计", "小计", "制表", "填表", "填报人", "审核", "负责人", "经办人", "注：", "注:", "说明", "备注：", "单位盖章", "盖章"}

// isFooterRow reports a row whose first filled cell starts like a footer
// and that fills none of the required fields except possibly the first
// column's: "合计：35人", "制表人：李娟  审核人：王强".
func isFooterRow(spec *kindSpec, c *columns, cells []string) bool {
	first := ""
	for _, cell := range cells {
		if t := cleanCell(cell); t != "" {
			first = t
			break
		}
	}
	if first == "" {
		return false
	}
	footer := false
	for _, w := range footerWords {
		if strings.HasPrefix(first, w) {
			footer = true
			break
		}
	}
	if !footer {
		return false
	}
	filled := 0
	for _, f := range spec.fields {
		if f.required && c.cell(cells, f.key) != "" {
			filled++
		}
	}
	return filled <= 1
}

// isExampleRow reports the template's example row left in a filled-in
// template: every filled cell holds its column's example.
func isExampleRow(spec *kindSpec, c *columns, cells []string) bool {
	matched := 0
	for _, f := range spec.fields {
		v := c.cell(cells, f.key)
		if v == "" {
			continue
		}
		if v != f.example {
			return false
		}
		matched++
	}
	return matched >= 2
}
