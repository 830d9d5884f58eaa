package data

import (
	"fmt"
	"strings"
)

// The placement path: 已推荐 → 已面试 → 已录用 → 已上岗 → 已离职, with 已返乡
// closing it from any stage. 面试 may be skipped (many domestic-service
// jobs hire on the phone); 上岗 needs 录用; every stage has its date, and no
// date is before the previous stage's or after today.

// stageRank orders the stages along the path; the two ends share a rank.
var stageRank = map[Stage]int{
	StageReferred: 0, StageInterviewed: 1, StageHired: 2, StageStarted: 3, StageLeft: 4, StageReturned: 4,
}

// Ended reports whether the stage closes the placement.
func (s Stage) Ended() bool { return s == StageLeft || s == StageReturned }

// Referral reports whether a stage is an open referral (已推荐, 已面试): the
// employer has not decided yet, and it counts against the over-referral
// limit.
func (s Stage) Referral() bool { return s == StageReferred || s == StageInterviewed }

// FillsPosition reports whether a stage takes one of a demand's positions
// (已录用, 已上岗).
func (s Stage) FillsPosition() bool { return s == StageHired || s == StageStarted }

// Active reports whether the placement is under way.
func (p *Placement) Active() bool { return !p.Deleted && !p.Stage.Ended() }

// stageDates lists the dates in path order with their labels.
func (p *Placement) stageDates() []struct {
	label string
	field string
	date  Date
} {
	return []struct {
		label string
		field string
		date  Date
	}{
		{"推荐日期", "ReferredOn", p.ReferredOn},
		{"面试日期", "InterviewedOn", p.InterviewedOn},
		{"录用日期", "HiredOn", p.HiredOn},
		{"上岗日期", "StartedOn", p.StartedOn},
		{p.endedLabel(), "EndedOn", p.EndedOn},
	}
}

// endedLabel names EndedOn as the screen does for the closing stage: 离职日期
// or 返乡日期 (结束日期 while the placement is open).
func (p *Placement) endedLabel() string {
	if p.Stage.Ended() {
		return StageDateLabel(p.Stage)
	}
	return "结束日期"
}

// Validate checks and normalises a placement on its path: a known stage
// reached from prev (the stored version, nil for a new one) without going
// back or reopening, each stage's date present (today if empty), the dates
// in path order and not after today, a closing reason when it ends, a
// contract date when signed and not before hiring.
func (p *Placement) Validate(r Rules, prev *Placement) error {
	const rec = "就业安置"
	if p.Stage == "" {
		p.Stage = StageReferred
	}
	if _, ok := stageRank[p.Stage]; !ok {
		return NewFieldError(rec, "Stage", "阶段", fmt.Sprintf("“%s”无效", p.Stage))
	}
	if p.ReferredOn.IsZero() {
		p.ReferredOn = r.Today
	}
	if prev != nil {
		if err := checkTransition(prev.Stage, p.Stage); err != nil {
			return err
		}
	}
	if err := p.checkDates(r); err != nil {
		return err
	}
	if p.Stage.Ended() {
		if p.CloseReason == "" {
			return NewFieldError(rec, "CloseReason", "结束原因", "请选择结束原因")
		}
		if !ValidCode(CloseReasons, p.CloseReason) {
			return NewFieldError(rec, "CloseReason", "结束原因", fmt.Sprintf("“%s”无效", p.CloseReason))
		}
	}
	if err := checkTexts(rec, text{"CloseNote", "结束说明", p.CloseNote, true}, text{"Notes", "备注", p.Notes, true}); err != nil {
		return err
	}
	if p.ContractMonths < 0 {
		return NewFieldError(rec, "ContractMonths", "合同期限", "不能为负数")
	}
	if p.ContractSigned {
		if p.ContractDate.IsZero() {
			return NewFieldError(rec, "ContractDate", "合同签订日期", "已签合同请填写签订日期")
		}
		if !p.HiredOn.IsZero() && p.ContractDate.Before(p.HiredOn) {
			return NewFieldError(rec, "ContractDate", "合同签订日期", fmt.Sprintf("%s早于录用日期%s", p.ContractDate, p.HiredOn))
		}
	}
	return nil
}

func checkTransition(from, to Stage) error {
	switch {
	case from == to:
		return nil
	case from.Ended():
		return NewFieldError("就业安置", "Stage", "阶段",
			fmt.Sprintf("该安置已结束（%s），不能改为%s；如需再次推荐请新建", from.Label(), to.Label()))
	case stageRank[to] < stageRank[from]:
		return NewFieldError("就业安置", "Stage", "阶段", fmt.Sprintf("阶段不能倒退（%s→%s）", from.Label(), to.Label()))
	}
	return nil
}

// checkDates: the stage's own dates are present, in path order, not after today.
func (p *Placement) checkDates(r Rules) error {
	const rec = "就业安置"
	today := r.Today
	switch p.Stage {
	case StageInterviewed:
		if p.InterviewedOn.IsZero() {
			p.InterviewedOn = today
		}
	case StageHired:
		if p.HiredOn.IsZero() {
			p.HiredOn = today
		}
	case StageStarted:
		if p.HiredOn.IsZero() {
			return NewFieldError(rec, "HiredOn", "录用日期", "未录用不能上岗，请先填写录用日期")
		}
		if p.StartedOn.IsZero() {
			p.StartedOn = today
		}
	case StageLeft:
		if p.StartedOn.IsZero() {
			return NewFieldError(rec, "StartedOn", "上岗日期", "未上岗不能离职，请先填写上岗日期")
		}
		fallthrough
	case StageReturned:
		if p.EndedOn.IsZero() {
			p.EndedOn = today
		}
	}
	var last Date
	lastLabel := ""
	for _, sd := range p.stageDates() {
		if sd.date.IsZero() {
			continue
		}
		if !r.Remote && sd.date.After(today) {
			return NewFieldError(rec, sd.field, sd.label, fmt.Sprintf("%s晚于今天", sd.date))
		}
		if !last.IsZero() && sd.date.Before(last) {
			return NewFieldError(rec, sd.field, sd.label, fmt.Sprintf("%s早于%s%s", sd.date, lastLabel, last))
		}
		last, lastLabel = sd.date, sd.label
	}
	return nil
}

// StageStep is one stage of a placement's timeline: reached on Date, or
// not reached (zero Date).
type StageStep struct {
	Stage Stage
	Date  Date
}

// Timeline lists the path's stages up to and including the current one
// with their dates; skipped stages (面试 is optional) have no date. An
// ended placement ends with its closing stage only.
func (p *Placement) Timeline() []StageStep {
	steps := []StageStep{
		{StageReferred, p.ReferredOn}, {StageInterviewed, p.InterviewedOn},
		{StageHired, p.HiredOn}, {StageStarted, p.StartedOn},
	}
	if p.Stage.Ended() {
		for len(steps) > 1 && steps[len(steps)-1].Date.IsZero() {
			steps = steps[:len(steps)-1] // stages it never reached
		}
		return append(steps, StageStep{p.Stage, p.EndedOn})
	}
	return steps[:stageRank[p.Stage]+1]
}

// StageDate is the date the placement reached its current stage.
func (p *Placement) StageDate() Date {
	t := p.Timeline()
	return t[len(t)-1].Date
}

// NextStages are the steps the placement may take from its current
// stage, in path order: any later stage whose dates can be given in the
// same step. 已上岗 is offered before 录用 (the step then asks for the
// 录用日期 too, see StepDates); 已离职 only once it has started, since the
// dates before 上岗 would be guesses; 已返乡 from any open stage.
func (p *Placement) NextStages() []Stage {
	if p.Stage.Ended() {
		return nil
	}
	var out []Stage
	for _, l := range Stages {
		st := Stage(l.Code)
		if stageRank[st] <= stageRank[p.Stage] {
			continue
		}
		if st == StageLeft && p.StartedOn.IsZero() {
			continue
		}
		out = append(out, st)
	}
	return out
}

// StepDates are the stages whose dates a step to st asks for, in path
// order and ending with st: a step to 已上岗 without a 录用日期 asks for
// both, so it is never refused for a date the dialog did not offer.
func (p *Placement) StepDates(st Stage) []Stage {
	if st == StageStarted && p.HiredOn.IsZero() {
		return []Stage{StageHired, StageStarted}
	}
	return []Stage{st}
}

// StageDateLabel names the date of stage st as the screen does: 录用日期,
// 上岗日期, 离职日期, 返乡日期.
func StageDateLabel(st Stage) string {
	return strings.TrimPrefix(st.Label(), "已") + "日期"
}

// SetStageDate sets the date of stage st (the closing stages share
// EndedOn).
func (p *Placement) SetStageDate(st Stage, d Date) {
	switch st {
	case StageReferred:
		p.ReferredOn = d
	case StageInterviewed:
		p.InterviewedOn = d
	case StageHired:
		p.HiredOn = d
	case StageStarted:
		p.StartedOn = d
	case StageLeft, StageReturned:
		p.EndedOn = d
	}
}
