// Package stats is the pure shape of 统计报表, the monthly and quarterly
// figures a union office is assessed on: the reporting period and how it
// is parsed from the command line, the indicator codes with their Chinese
// labels and one-line definitions, how a worker's 户籍 county compares with
// a job's work county, the report (header, indicators, second table)
// that the Store fills and the xlsx and PDF writers print, a period's
// submitted figures (报出) and what a correction since then changed
// (submission.go), and which list of records stands behind each figure
// (lists.go). It knows no SQL.
package stats

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"duikou/data"
)

// Kind is what sort of period a report covers.
type Kind int

const (
	Month   Kind = iota // 月报
	Quarter             // 季报
	Range               // any span of days
)

// Period is the span a report covers, both ends included.
type Period struct {
	Kind     Kind
	From, To data.Date
}

// Label is how the form names the period (所属期): "2026年11月",
// "2026年第四季度", "2026-03-01 至 2026-05-31".
func (p Period) Label() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%d年%d月", p.From.Year, p.From.Month)
	case Quarter:
		return fmt.Sprintf("%d年第%s季度", p.From.Year, quarterNames[(int(p.From.Month)-1)/3])
	}
	return p.From.String() + " 至 " + p.To.String()
}

// Title is the form's title for the period.
func (p Period) Title() string {
	switch p.Kind {
	case Month:
		return "劳务协作工作统计月报表"
	case Quarter:
		return "劳务协作工作统计季报表"
	}
	return "劳务协作工作统计报表"
}

var quarterNames = [4]string{"一", "二", "三", "四"}

// ParseMonth reads "2026-11" (also "2026/11", "202611"); a month that has
// not begun by today is refused.
func ParseMonth(s string, today data.Date) (Period, error) {
	t := strings.TrimSpace(s)
	var y, m int
	var err error
	switch {
	case len(t) == 6 && !strings.ContainsAny(t, "-/."):
		y, err = strconv.Atoi(t[:4])
		if err == nil {
			m, err = strconv.Atoi(t[4:])
		}
	default:
		ys, ms, ok := cut3(t)
		if !ok {
			return Period{}, fmt.Errorf("月份“%s”格式不对，应为 2026-11", s)
		}
		y, err = strconv.Atoi(ys)
		if err == nil {
			m, err = strconv.Atoi(ms)
		}
	}
	if err != nil || y < 2000 || y > 2200 {
		return Period{}, fmt.Errorf("月份“%s”格式不对，应为 2026-11", s)
	}
	if m < 1 || m > 12 {
		return Period{}, fmt.Errorf("月份“%s”不存在：月应在 1 到 12 之间", s)
	}
	p := Period{Kind: Month, From: data.MakeDate(y, time.Month(m), 1), To: data.MakeDate(y, time.Month(m)+1, 0)}
	return p, p.check(today)
}

func cut3(s string) (string, string, bool) {
	for _, sep := range []string{"-", "/", "."} {
		if a, b, ok := strings.Cut(s, sep); ok && len(a) == 4 && b != "" && len(b) <= 2 {
			return a, b, true
		}
	}
	return "", "", false
}

// ParseQuarter reads "2026Q4" (also "2026q4", "2026-Q4"); a quarter that
// has not begun by today is refused.
func ParseQuarter(s string, today data.Date) (Period, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	ys, qs, ok := strings.Cut(t, "Q")
	ys = strings.TrimSuffix(ys, "-")
	y, err1 := strconv.Atoi(ys)
	q, err2 := strconv.Atoi(qs)
	if !ok || len(ys) != 4 || len(qs) != 1 || err1 != nil || err2 != nil || y < 2000 || y > 2200 {
		return Period{}, fmt.Errorf("季度“%s”格式不对，应为 2026Q4", s)
	}
	if q < 1 || q > 4 {
		return Period{}, fmt.Errorf("季度“%s”不存在：季度应为 Q1 到 Q4", s)
	}
	first := time.Month(3*(q-1) + 1)
	p := Period{Kind: Quarter, From: data.MakeDate(y, first, 1), To: data.MakeDate(y, first+3, 0)}
	return p, p.check(today)
}

// ParseRange reads two dates, both included.
func ParseRange(from, to string, today data.Date) (Period, error) {
	if strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" {
		return Period{}, fmt.Errorf("请同时给出起始日期 --from 和截止日期 --to")
	}
	f, err := data.ParseDate(from)
	if err != nil {
		return Period{}, fmt.Errorf("起始日期：%v", err)
	}
	t, err := data.ParseDate(to)
	if err != nil {
		return Period{}, fmt.Errorf("截止日期：%v", err)
	}
	if t.Before(f) {
		return Period{}, fmt.Errorf("截止日期 %s 早于起始日期 %s", t, f)
	}
	p := Period{Kind: Range, From: f, To: t}
	return p, p.check(today)
}

// check refuses a period that has not begun: its figures would all be
// nought and a clerk who asked for it has mistyped the year. A period that
// is under way (this month) is allowed and counts up to today.
func (p Period) check(today data.Date) error {
	if p.From.After(today) {
		return fmt.Errorf("所属期 %s 尚未开始（今天是 %s）", p.Label(), today)
	}
	return nil
}
