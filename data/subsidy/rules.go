package subsidy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"duikou/data"
)

// Rule is one row of a rules file: under 项目 Program, a worker who went
// to Dest, whose household is one Target pays, whose placement started
// between From and To (either end may be open) and lasted MinMonths, is
// paid Amount.
type Rule struct {
	Row       int // the row in the file, for messages
	Program   string
	Dest      Destination
	Amount    data.Fen
	MinMonths int
	Target    Target
	From, To  data.Date
}

// covers reports whether a placement started on d falls in the window.
func (r *Rule) covers(d data.Date) bool {
	return (r.From.IsZero() || !d.Before(r.From)) && (r.To.IsZero() || !d.After(r.To))
}

// overlaps reports whether two rows' windows share a day.
func (r *Rule) overlaps(o *Rule) bool {
	return (r.To.IsZero() || o.From.IsZero() || !o.From.After(r.To)) &&
		(o.To.IsZero() || r.From.IsZero() || !r.From.After(o.To))
}

// Window is the 上岗 window as the roster prints it.
func (r *Rule) Window() string { return data.RangeText(r.From, r.To, "不限") }

// Rules are a rules file's rows, in file order.
type Rules []Rule

// Programs lists the 项目 in the order they first appear.
func (rs Rules) Programs() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.Program] {
			seen[r.Program] = true
			out = append(out, r.Program)
		}
	}
	return out
}

// Of is the rows of one 项目.
func (rs Rules) Of(program string) Rules {
	var out Rules
	for _, r := range rs {
		if r.Program == program {
			out = append(out, r)
		}
	}
	return out
}

// Headers are a rules file's columns, in the template's order.
var Headers = []string{"项目", "去向", "金额（元）", "最少务工月数", "对象", "上岗起", "上岗止"}

// Line is one row of a spreadsheet: its number as the spreadsheet shows
// it and its cells.
type Line struct {
	Row   int
	Cells []string
}

// Problem is one bad cell of a rules file.
type Problem struct {
	Row    int
	Field  string
	Reason string
}

func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("第 %d 行：%s", p.Row, p.Reason)
	}
	return fmt.Sprintf("第 %d 行“%s”：%s", p.Row, p.Field, p.Reason)
}

// RulesError refuses a rules file: every problem found, none applied.
type RulesError struct {
	Problems []Problem
	// File is set instead when the file as a whole is unusable.
	File string
}

func (e *RulesError) Error() string {
	if e.File != "" {
		return "补贴规则文件有误：" + e.File
	}
	const shown = 5
	parts := make([]string, 0, shown)
	for i, p := range e.Problems {
		if i == shown {
			break
		}
		parts = append(parts, p.String())
	}
	more := ""
	if len(e.Problems) > shown {
		more = fmt.Sprintf("（共 %d 处问题，以上为前 %d 处）", len(e.Problems), shown)
	}
	return "补贴规则文件有误，未采用任何规则：" + strings.Join(parts, "；") + more
}

// ParseRules reads the rows of a rules file: the header row (the first
// that names 项目 and 去向; title rows above it are skipped) and one rule
// per row under it, blank rows skipped. Any bad row refuses the whole
// file, every problem named by row and column.
func ParseRules(lines []Line) (Rules, error) {
	head, cols := -1, map[string]int{}
	for i, l := range lines {
		c := headerColumns(l.Cells)
		if _, ok := c["项目"]; ok {
			if _, ok := c["去向"]; ok {
				head, cols = i, c
				break
			}
		}
	}
	if head < 0 {
		return nil, &RulesError{File: "找不到表头（须有“" + strings.Join(Headers, "”“") + "”各列）"}
	}
	var missing []string
	for _, h := range Headers {
		if _, ok := cols[h]; !ok {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return nil, &RulesError{File: fmt.Sprintf("第 %d 行表头缺少列：%s", lines[head].Row, strings.Join(missing, "、"))}
	}
	var rules Rules
	var problems []Problem
	for _, l := range lines[head+1:] {
		cell := func(h string) string {
			if i := cols[h]; i < len(l.Cells) {
				return strings.TrimSpace(l.Cells[i])
			}
			return ""
		}
		if blank(l.Cells) {
			continue
		}
		r, ps := parseRule(l.Row, cell)
		problems = append(problems, ps...)
		if len(ps) == 0 {
			rules = append(rules, r)
		}
	}
	problems = append(problems, overlapping(rules)...)
	if len(problems) > 0 {
		return nil, &RulesError{Problems: problems}
	}
	if len(rules) == 0 {
		return nil, &RulesError{File: "表头下面没有规则行"}
	}
	return rules, nil
}

// headerColumns maps the known headers of a row to their cell index,
// reading 金额(元) and 金额（元） alike.
func headerColumns(cells []string) map[string]int {
	cols := map[string]int{}
	for i, c := range cells {
		h := strings.Join(strings.Fields(width.Narrow.String(c)), "")
		for _, want := range Headers {
			if h == width.Narrow.String(want) {
				if _, dup := cols[want]; !dup {
					cols[want] = i
				}
			}
		}
		if h == "金额" {
			cols["金额（元）"] = i
		}
	}
	return cols
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseRule reads one row; each bad cell is a problem of its own.
func parseRule(row int, cell func(string) string) (Rule, []Problem) {
	r := Rule{Row: row, Program: cell("项目")}
	var ps []Problem
	bad := func(field, format string, args ...any) {
		ps = append(ps, Problem{row, field, fmt.Sprintf(format, args...)})
	}
	if r.Program == "" {
		bad("项目", "不能为空，请写补贴项目名称，如“一次性交通补贴”")
	}
	var ok bool
	if d := cell("去向"); d == "" {
		bad("去向", "不能为空")
	} else if r.Dest, ok = parseDestination(d); !ok {
		bad("去向", "“%s”无法识别，应为跨省、省内跨市、市内跨县、县内，或省份名称（如陕西）、两位省级代码（如 61）", d)
	}
	if a := cell("金额（元）"); a == "" {
		bad("金额（元）", "不能为空")
	} else if amt, err := data.ParseYuan(a); err != nil {
		bad("金额（元）", "%v", err)
	} else if amt < 0 {
		bad("金额（元）", "不能为负数（%s）", a)
	} else {
		r.Amount = amt
	}
	if m := cell("最少务工月数"); m != "" {
		n, err := strconv.Atoi(strings.TrimSuffix(m, "个月"))
		switch {
		case err != nil:
			bad("最少务工月数", "“%s”不是整数", m)
		case n < 0 || n > 120:
			bad("最少务工月数", "应在 0 到 120 之间（%d）", n)
		default:
			r.MinMonths = n
		}
	}
	if t := cell("对象"); t == "" {
		bad("对象", "不能为空，应为脱贫户、监测对象、脱贫户和监测对象或全部")
	} else if r.Target, ok = parseTarget(t); !ok {
		bad("对象", "“%s”无法识别，应为脱贫户、监测对象、脱贫户和监测对象或全部", t)
	}
	var err1, err2 error
	if r.From, err1 = cellDate(cell("上岗起")); err1 != nil {
		bad("上岗起", "%v", err1)
	}
	if r.To, err2 = cellDate(cell("上岗止")); err2 != nil {
		bad("上岗止", "%v", err2)
	}
	if err1 == nil && err2 == nil && !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		bad("上岗止", "%s 早于上岗起 %s，日期前后颠倒", r.To, r.From)
	}
	return r, ps
}

// excelEpoch is day 0 of Excel's date serials (1900 system, with its
// leap-year bug folded in).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// cellDate reads a date cell: text as data.ParseDate reads it, or the
// serial number Excel keeps a date cell as (five digits: 1927 to 2173).
func cellDate(s string) (data.Date, error) {
	s = strings.TrimSpace(width.Narrow.String(s))
	if whole, _, _ := strings.Cut(s, "."); len(whole) == 5 {
		if serial, err := strconv.ParseFloat(s, 64); err == nil {
			return data.DateOf(excelEpoch.AddDate(0, 0, int(serial))), nil
		}
	}
	if i := strings.IndexAny(s, " T"); i > 0 { // "2026-01-01 00:00:00"
		s = s[:i]
	}
	return data.ParseDate(s)
}

// overlapping finds two rows of one 项目 for the same 去向 whose windows
// share a day: a worker would match both, with no way to say which pays.
func overlapping(rules Rules) []Problem {
	var ps []Problem
	for i := range rules {
		for j := range i {
			a, b := &rules[j], &rules[i]
			if a.Program == b.Program && a.Dest == b.Dest && a.overlaps(b) {
				ps = append(ps, Problem{b.Row, "上岗起", fmt.Sprintf("与第 %d 行重叠：同一项目“%s”、同一去向“%s”的上岗日期范围有交叉",
					a.Row, a.Program, a.Dest.Label())})
			}
		}
	}
	return ps
}
