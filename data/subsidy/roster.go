package subsidy

import (
	"cmp"
	"fmt"
	"slices"

	"duikou/data"
)

// Worker is what the rules read of a worker: the household, and every
// placement that has a 上岗 date.
type Worker struct {
	ID          string
	Name        string
	IDNumber    string
	HukouRegion string
	Poverty     data.Poverty
	// Withdrawn marks the husk a partner's withdrawal of consent leaves:
	// no name, no ID number, nobody to pay.
	Withdrawn  bool
	Placements []Placement
}

// Placement is a worker's stay in one job.
type Placement struct {
	ID         string
	Start      data.Date
	End        data.Date // 离职 or 返乡 date; zero while still at work
	WorkRegion string    // the work county, GB/T 2260
	Employer   string
}

// Reason says why a worker is not on the roster.
type Reason string

const (
	ReasonShort     Reason = "月数不足"
	ReasonNotTarget Reason = "不是补贴对象"
	ReasonClaimed   Reason = "已申报"
	ReasonWindow    Reason = "上岗日期不在范围"
	ReasonWithdrawn Reason = "已撤回共享同意"
)

// Entry is one worker on the roster: paid under Rule for Placement.
type Entry struct {
	Worker    *Worker
	Placement *Placement
	Rule      *Rule
	Months    int // months worked by the 核算日 (or the end of the job)
}

// Amount is what the worker is paid.
func (e *Entry) Amount() data.Fen { return e.Rule.Amount }

// Destination is the 去向 the worker is paid for: the row's own label, so
// a province row reads 陕西省 and a band 跨省.
func (e *Entry) Destination() string { return e.Rule.Dest.Label() }

// Exclusion is a worker left off the roster, with why.
type Exclusion struct {
	Worker *Worker
	Reason Reason
	Detail string // the particulars a clerk checks: months, window, status
}

// Roster is the outcome of one 项目 on a 核算日.
type Roster struct {
	Program  string
	AsOf     data.Date
	Eligible []Entry
	Excluded []Exclusion
	Total    data.Fen
}

// Summary is the roster in one line: "可申报 3 人，金额合计 1500 元；未纳入
// 2 人（月数不足 1、已申报 1）".
func (r *Roster) Summary() string {
	s := fmt.Sprintf("可申报 %d 人，金额合计 %s 元；未纳入 %d 人", len(r.Eligible), r.Total, len(r.Excluded))
	n := map[Reason]int{}
	var order []Reason
	for _, x := range r.Excluded {
		if n[x.Reason] == 0 {
			order = append(order, x.Reason)
		}
		n[x.Reason]++
	}
	for i, reason := range order {
		sep := "、"
		if i == 0 {
			sep = "（"
		}
		s += fmt.Sprintf("%s%s %d", sep, reason, n[reason])
	}
	if len(order) > 0 {
		s += "）"
	}
	return s
}

// Claimed tells whether a worker was already put forward under the 项目,
// and on what day.
type Claimed func(workerID string) (on data.Date, ok bool)

// Evaluate decides, for one 项目 on the 核算日 asOf, who is paid and who
// is not and why. Workers with no placement started by asOf are not
// candidates and appear in neither list. A worker is paid at most once:
// for the first placement (by 上岗 date) that qualifies, and not at all
// when claimed says the 项目 already paid them.
func Evaluate(rules Rules, program string, asOf data.Date, workers []Worker, claimed Claimed) *Roster {
	rs := rules.Of(program)
	r := &Roster{Program: program, AsOf: asOf}
	for i := range workers {
		w := &workers[i]
		ps := startedBy(w.Placements, asOf)
		if len(ps) == 0 {
			continue
		}
		if w.Withdrawn {
			r.Excluded = append(r.Excluded, Exclusion{w, ReasonWithdrawn, "登记单位已撤回其共享同意，本处无身份信息，不能申报"})
			continue
		}
		if on, ok := claimed(w.ID); ok {
			r.Excluded = append(r.Excluded, Exclusion{w, ReasonClaimed, "已于 " + on.String() + " 申报“" + program + "”"})
			continue
		}
		var best verdict
		for _, p := range ps {
			v := judge(rs, w, p, asOf)
			if v.step == stepPaid {
				r.Eligible = append(r.Eligible, Entry{w, p, v.rule, v.months})
				r.Total += v.rule.Amount
				best = v
				break
			}
			if v.step > best.step {
				best = v
			}
		}
		if best.step != stepPaid {
			r.Excluded = append(r.Excluded, Exclusion{w, best.reason, best.detail})
		}
	}
	byPlace := func(a, b *Worker) int {
		return cmp.Or(cmp.Compare(a.HukouRegion, b.HukouRegion), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	}
	slices.SortStableFunc(r.Eligible, func(a, b Entry) int { return byPlace(a.Worker, b.Worker) })
	slices.SortStableFunc(r.Excluded, func(a, b Exclusion) int { return byPlace(a.Worker, b.Worker) })
	return r
}

// startedBy is the placements started on or before asOf, earliest first.
func startedBy(all []Placement, asOf data.Date) []*Placement {
	var ps []*Placement
	for i := range all {
		if p := &all[i]; !p.Start.IsZero() && !p.Start.After(asOf) {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b *Placement) int { return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID)) })
	return ps
}

// step is how far a placement got through the rules; a worker none of
// whose placements qualifies is excluded for the one that got furthest.
type step int

const (
	stepNone   step = iota
	stepDest        // no row for where the worker went
	stepWindow      // rows for the destination, none whose window holds the 上岗 date
	stepTarget      // a row, but not for this household
	stepMonths      // a row for this household, months short
	stepPaid
)

type verdict struct {
	step   step
	reason Reason
	detail string
	rule   *Rule
	months int
}

// judge puts one placement through the rules.
func judge(rs Rules, w *Worker, p *Placement, asOf data.Date) verdict {
	band, province, ok := classify(w.HukouRegion, p.WorkRegion)
	if !ok {
		return verdict{step: stepDest, reason: ReasonNotTarget, detail: "户籍地或务工地未填到县，无法判断去向"}
	}
	// A province row beats the band for workers who crossed into it.
	var rows []*Rule
	for i := range rs {
		if province != "" && rs[i].Dest.Province == province {
			rows = append(rows, &rs[i])
		}
	}
	if len(rows) == 0 {
		for i := range rs {
			if rs[i].Dest.Province == "" && rs[i].Dest.Band == band {
				rows = append(rows, &rs[i])
			}
		}
	}
	dest := Destination{Band: band}.Label()
	if len(rows) == 0 {
		return verdict{step: stepDest, reason: ReasonNotTarget, detail: "去向“" + dest + "”不在本项目补贴范围"}
	}
	var row *Rule
	for _, r := range rows {
		if r.covers(p.Start) {
			row = r
			break
		}
	}
	if row == nil {
		return verdict{step: stepWindow, reason: ReasonWindow, detail: fmt.Sprintf("上岗日期 %s 不在%s的上岗范围（%s）",
			p.Start, rows[0].Dest.Label(), windows(rows))}
	}
	if !row.Target.Includes(w.Poverty) {
		return verdict{step: stepTarget, reason: ReasonNotTarget, detail: fmt.Sprintf("家庭类别为%s，本项目补贴%s",
			w.Poverty.Label(), row.Target)}
	}
	end := asOf
	if !p.End.IsZero() && p.End.Before(asOf) {
		end = p.End
	}
	months := monthsWorked(p.Start, end)
	if !lasted(p.Start, end, row.MinMonths) {
		return verdict{step: stepMonths, reason: ReasonShort, months: months,
			detail: fmt.Sprintf("%s 上岗，至 %s 务工 %d 个月，需满 %d 个月", p.Start, end, months, row.MinMonths)}
	}
	return verdict{step: stepPaid, rule: row, months: months}
}

// windows lists the rows' 上岗 windows for a message.
func windows(rows []*Rule) string {
	s := ""
	for i, r := range rows {
		if i > 0 {
			s += "、"
		}
		s += r.Window()
	}
	return s
}
