package monitor

import (
	"fmt"

	"duikou/data"
)

// Person is one worker with what the rule reads. Tombstoned records are
// left out by whoever fills it.
type Person struct {
	WorkerID   string
	Name       string
	Poverty    data.Poverty
	Placements []Placement
	FollowUps  []FollowUp
}

// Placement is the part of a 就业安置 the rule reads.
type Placement struct {
	ID        string
	Stage     data.Stage
	StartedOn data.Date
	EndedOn   data.Date
}

// FollowUp is the part of a 跟踪服务 item the rule reads.
type FollowUp struct {
	Kind   data.FollowUpKind
	Status data.FollowUpStatus
	DoneOn data.Date
}

// Flag is one worker at risk and why. The JSON is `duikou monitor
// --json`'s: worker_id, name, reasons.
type Flag struct {
	WorkerID string   `json:"worker_id"`
	Name     string   `json:"name"`
	Reasons  []string `json:"reasons"`
	// Poverty is shown beside the name in the window.
	Poverty data.Poverty `json:"-"`
	// AtWork is the placement the worker is at work on, if any: a 回访
	// scheduled for the flag is filed under it.
	AtWork string `json:"-"`
}

// cases are the follow-up kinds whose open case is a risk, in the order
// their reasons are listed.
var cases = []data.FollowUpKind{data.KindArrears, data.KindInjury}

// Check applies the rule to one worker on asOf and reports the flag, if
// any. It reads only p: the same Person gives the same answer.
func Check(r Rule, asOf data.Date, p *Person) (Flag, bool) {
	if p.Poverty != data.PovertyLifted && p.Poverty != data.PovertyMonitored {
		return Flag{}, false
	}
	f := Flag{WorkerID: p.WorkerID, Name: p.Name, Poverty: p.Poverty}
	atWork, since := atWorkOn(p.Placements, asOf)
	if atWork != nil {
		f.AtWork = atWork.ID
	} else if end, how := lastEnd(p.Placements, asOf); !end.IsZero() {
		if days := end.DaysUntil(asOf); days > r.OutOfWorkDays {
			f.Reasons = append(f.Reasons, fmt.Sprintf("%s已%d天未再上岗", how, days))
		}
	}
	for _, k := range cases {
		for _, fu := range p.FollowUps {
			if fu.Kind == k && fu.Status == data.FollowUpOpen {
				f.Reasons = append(f.Reasons, k.Label()+"案件未结")
				break
			}
		}
	}
	if atWork != nil && since.DaysUntil(asOf) > r.QuietDays && !contactedWithin(p.FollowUps, asOf, r.QuietDays) {
		f.Reasons = append(f.Reasons, fmt.Sprintf("在岗但%d天内无回访", r.QuietDays))
	}
	return f, len(f.Reasons) > 0
}

// atWorkOn is a placement at work on day (started on or before it, not
// ended by it) and the earliest start among those at work.
func atWorkOn(ps []Placement, day data.Date) (*Placement, data.Date) {
	var at *Placement
	var since data.Date
	for i := range ps {
		pl := &ps[i]
		if pl.StartedOn.IsZero() || pl.StartedOn.After(day) || (!pl.EndedOn.IsZero() && !pl.EndedOn.After(day)) {
			continue
		}
		if at == nil || pl.StartedOn.Before(since) {
			at, since = pl, pl.StartedOn
		}
	}
	return at, since
}

// lastEnd is the latest 离职 or 返乡 on or before day, and which it was
// (返乡 when both fall on that day: the worker went home).
func lastEnd(ps []Placement, day data.Date) (data.Date, string) {
	var end data.Date
	how := ""
	for _, pl := range ps {
		if pl.EndedOn.IsZero() || pl.EndedOn.After(day) {
			continue
		}
		var word string
		switch pl.Stage {
		case data.StageLeft:
			word = "离职"
		case data.StageReturned:
			word = "返乡"
		default:
			continue
		}
		if c := pl.EndedOn.Compare(end); c > 0 || (c == 0 && word == "返乡") {
			end, how = pl.EndedOn, word
		}
	}
	return end, how
}

// contactedWithin reports whether a follow-up was completed in the days
// before day, a completion exactly days ago included.
func contactedWithin(fs []FollowUp, day data.Date, days int) bool {
	for _, fu := range fs {
		if fu.Status == data.FollowUpDone && !fu.DoneOn.IsZero() && !fu.DoneOn.After(day) && fu.DoneOn.DaysUntil(day) <= days {
			return true
		}
	}
	return false
}
