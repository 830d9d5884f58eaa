package storage

import (
	"duikou/data"
	"fmt"
)

// preparePlacement runs the placement's own rules (Placement.Validate)
// between the checks that need the database: its worker and demand exist,
// and, for a local change to a live placement, no second live referral of
// the worker to the same demand, no worker at work in two places, no
// hiring past the headcount.
func preparePlacement(tx *Tx, p *data.Placement, old data.Record) error {
	const rec = "就业安置"
	var w data.Worker
	if err := tx.load(&w, p.WorkerID); err != nil {
		return data.NewFieldError(rec, "WorkerID", "劳动者", "所选劳动者不存在或已删除")
	}
	var d data.Demand
	if err := tx.load(&d, p.DemandID); err != nil {
		return data.NewFieldError(rec, "DemandID", "用工需求", "所选用工需求不存在或已删除")
	}
	var prev *data.Placement
	if old != nil {
		prev = old.(*data.Placement)
	}
	if err := p.Validate(data.Rules{Today: tx.s.today(), Remote: tx.remote}, prev); err != nil {
		return err
	}
	if p.ResponsibleOffice == "" {
		p.ResponsibleOffice = tx.origin
	}
	if p.Active() && !tx.remote {
		if err := checkOthers(tx, p, &d, prev); err != nil {
			return err
		}
	}
	return nil
}

// checkOthers refuses a second live referral of the worker to the same
// demand, a worker at work in two places, hiring past the headcount, and
// opening more referrals than the over-referral ratio allows.
func checkOthers(tx *Tx, p *data.Placement, d *data.Demand, prev *data.Placement) error {
	const rec = "就业安置"
	var others []data.Placement
	if err := tx.db.Where("worker_id = ? AND deleted = ? AND id <> ? AND stage NOT IN ?", p.WorkerID, false, p.ID,
		[]data.Stage{data.StageLeft, data.StageReturned}).Find(&others).Error; err != nil {
		return err
	}
	for _, o := range others {
		if o.DemandID == p.DemandID {
			return data.NewFieldError(rec, "DemandID", "用工需求", "该劳动者已推荐到这条用工需求，请勿重复推荐")
		}
		if p.Stage == data.StageStarted && o.Stage == data.StageStarted {
			return data.NewFieldError(rec, "Stage", "阶段", "该劳动者已在另一单位上岗，请先办理离职或返乡")
		}
	}
	takesPlace := p.Stage.FillsPosition()
	heldPlace := prev != nil && prev.DemandID == p.DemandID && prev.Stage.FillsPosition()
	if takesPlace && !heldPlace && d.Filled >= d.Headcount {
		return data.NewFieldError(rec, "Stage", "阶段", fmt.Sprintf("该用工需求已招满（%d/%d人）", d.Filled, d.Headcount))
	}
	opensReferral := p.Stage.Referral() && (prev == nil || prev.DemandID != p.DemandID || !prev.Stage.Referral() || !prev.Active())
	if ratio := overReferralIn(tx.db); opensReferral && d.ReferralRoom(ratio) == 0 {
		return data.NewFieldError(rec, "DemandID", "用工需求", fmt.Sprintf(
			"该用工需求还缺%d人，已有%d人在推荐中，达到上限（还缺人数的%d倍，可在设置中调整）；请先跟进已推荐的人",
			d.Left(), d.Referred, ratio))
	}
	return nil
}
