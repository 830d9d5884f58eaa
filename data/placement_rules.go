package data

import (
	"fmt"
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
		{"结束日期", "EndedOn", p.EndedOn},
	}
}

func (p *Placement) prepare(tx *Tx, old Record) error {
	const rec = "就业安置"
	var w Worker
	if err := tx.load(&w, p.WorkerID); err != nil {
		return fieldErr(rec, "WorkerID", "劳动者", "所选劳动者不存在或已删除")
	}
	var d Demand
	if err := tx.load(&d, p.DemandID); err != nil {
		return fieldErr(rec, "DemandID", "用工需求", "所选用工需求不存在或已删除")
	}
	if p.Stage == "" {
		p.Stage = StageReferred
	}
	if _, ok := stageRank[p.Stage]; !ok {
		return fieldErr(rec, "Stage", "阶段", fmt.Sprintf("“%s”无效", p.Stage))
	}
	today := tx.s.today()
	if p.ReferredOn.IsZero() {
		p.ReferredOn = today
	}
	var prev *Placement
	if old != nil {
		prev = old.(*Placement)
		if err := checkTransition(prev.Stage, p.Stage); err != nil {
			return err
		}
	}
	if err := p.checkDates(tx, today); err != nil {
		return err
	}
	if p.Stage.Ended() {
		if p.CloseReason == "" {
			return fieldErr(rec, "CloseReason", "结束原因", "请选择结束原因")
		}
		if !validCode(CloseReasons, p.CloseReason) {
			return fieldErr(rec, "CloseReason", "结束原因", fmt.Sprintf("“%s”无效", p.CloseReason))
		}
	}
	if p.ContractMonths < 0 {
		return fieldErr(rec, "ContractMonths", "合同期限", "不能为负数")
	}
	if p.ContractSigned {
		if p.ContractDate.IsZero() {
			return fieldErr(rec, "ContractDate", "合同签订日期", "已签合同请填写签订日期")
		}
		if !p.HiredOn.IsZero() && p.ContractDate.Before(p.HiredOn) {
			return fieldErr(rec, "ContractDate", "合同签订日期", fmt.Sprintf("%s早于录用日期%s", p.ContractDate, p.HiredOn))
		}
	}
	if p.ResponsibleOffice == "" {
		p.ResponsibleOffice = tx.origin
	}
	if p.Active() && !tx.remote {
		if err := p.checkOthers(tx, &d, prev); err != nil {
			return err
		}
	}
	return nil
}

func checkTransition(from, to Stage) error {
	switch {
	case from == to:
		return nil
	case from.Ended():
		return fieldErr("就业安置", "Stage", "阶段",
			fmt.Sprintf("该安置已结束（%s），不能改为%s；如需再次推荐请新建", from.Label(), to.Label()))
	case stageRank[to] < stageRank[from]:
		return fieldErr("就业安置", "Stage", "阶段", fmt.Sprintf("阶段不能倒退（%s→%s）", from.Label(), to.Label()))
	}
	return nil
}

// checkDates: the stage's own dates are present, in path order, not after today.
func (p *Placement) checkDates(tx *Tx, today Date) error {
	const rec = "就业安置"
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
			return fieldErr(rec, "HiredOn", "录用日期", "未录用不能上岗，请先填写录用日期")
		}
		if p.StartedOn.IsZero() {
			p.StartedOn = today
		}
	case StageLeft:
		if p.StartedOn.IsZero() {
			return fieldErr(rec, "StartedOn", "上岗日期", "未上岗不能离职，请先填写上岗日期")
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
		if !tx.remote && sd.date.After(today) {
			return fieldErr(rec, sd.field, sd.label, fmt.Sprintf("%s晚于今天", sd.date))
		}
		if !last.IsZero() && sd.date.Before(last) {
			return fieldErr(rec, sd.field, sd.label, fmt.Sprintf("%s早于%s%s", sd.date, lastLabel, last))
		}
		last, lastLabel = sd.date, sd.label
	}
	return nil
}

// checkOthers refuses a second live referral of the worker to the same
// demand, a worker at work in two places, and hiring past the headcount.
func (p *Placement) checkOthers(tx *Tx, d *Demand, prev *Placement) error {
	const rec = "就业安置"
	var others []Placement
	if err := tx.db.Where("worker_id = ? AND deleted = ? AND id <> ? AND stage NOT IN ?", p.WorkerID, false, p.ID,
		[]Stage{StageLeft, StageReturned}).Find(&others).Error; err != nil {
		return err
	}
	for _, o := range others {
		if o.DemandID == p.DemandID {
			return fieldErr(rec, "DemandID", "用工需求", "该劳动者已推荐到这条用工需求，请勿重复推荐")
		}
		if p.Stage == StageStarted && o.Stage == StageStarted {
			return fieldErr(rec, "Stage", "阶段", "该劳动者已在另一单位上岗，请先办理离职或返乡")
		}
	}
	takesPlace := p.Stage == StageHired || p.Stage == StageStarted
	heldPlace := prev != nil && prev.DemandID == p.DemandID && (prev.Stage == StageHired || prev.Stage == StageStarted)
	if takesPlace && !heldPlace && d.Filled >= d.Headcount {
		return fieldErr(rec, "Stage", "阶段", fmt.Sprintf("该用工需求已招满（%d/%d人）", d.Filled, d.Headcount))
	}
	return nil
}

func (p *Placement) describe() string {
	return fmt.Sprintf("就业安置（%s）", p.Stage.Label())
}
