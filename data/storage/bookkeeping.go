package storage

import (
	"duikou/data"
	"fmt"
)

// fillingStages are the stages that take up one of a demand's positions.
var fillingStages = []data.Stage{data.StageHired, data.StageStarted}

// referralStages are the open referrals: the employer has not decided yet.
var referralStages = []data.Stage{data.StageReferred, data.StageInterviewed}

// afterWrite keeps what follows a placement in step, in its transaction:
// the demand's filled and referred counts (old and new demand, if it moved), the
// worker's status, and the check-in calls when the worker starts work.
func afterWrite(tx *Tx, rec, old data.Record) error {
	p, ok := rec.(*data.Placement)
	if !ok {
		return nil // only placements move derived state
	}
	ids := []string{p.DemandID}
	var prev *data.Placement
	if o, ok := old.(*data.Placement); ok {
		prev = o
		if o.DemandID != p.DemandID {
			ids = append(ids, o.DemandID)
		}
	}
	for _, id := range ids {
		if err := tx.recountDemand(id); err != nil {
			return err
		}
	}
	if err := tx.syncWorkerStatus(p.WorkerID); err != nil {
		return err
	}
	if p.Stage == data.StageStarted && !p.Deleted && (prev == nil || prev.Stage != data.StageStarted) {
		return tx.scheduleCheckIns(p)
	}
	return nil
}

func (tx *Tx) recountDemand(demandID string) error {
	return tx.recountDemandsOf([]string{demandID})
}

// statusFromPlacements is the worker status the live placements imply:
// at work or hired → 已就业; referred or interviewed → 已推荐; otherwise the
// latest ended placement decides (已返乡 → 返乡, 已离职 → 待业 again).
func statusFromPlacements(ps []data.Placement) (data.WorkerStatus, bool) {
	if len(ps) == 0 {
		return "", false // no placements: the clerk's own choice stands
	}
	status, latest := data.WorkerIdle, data.Date{}
	referred := false
	for _, p := range ps {
		switch p.Stage {
		case data.StageHired, data.StageStarted:
			return data.WorkerEmployed, true
		case data.StageReferred, data.StageInterviewed:
			referred = true
		case data.StageLeft, data.StageReturned:
			if !p.EndedOn.Before(latest) {
				latest = p.EndedOn
				status = data.WorkerIdle
				if p.Stage == data.StageReturned {
					status = data.WorkerReturned
				}
			}
		}
	}
	if referred {
		return data.WorkerReferred, true
	}
	return status, true
}

// syncWorkerStatus writes the worker's status when the placements imply a
// different one. The status travels like any field, so it is an update
// with its op (both offices derive the same value, so no conflict arises).
func (tx *Tx) syncWorkerStatus(workerID string) error {
	var ps []data.Placement
	if err := tx.db.Where("worker_id = ? AND deleted = ?", workerID, false).Find(&ps).Error; err != nil {
		return err
	}
	status, ok := statusFromPlacements(ps)
	if !ok {
		return nil
	}
	var w data.Worker
	if err := tx.load(&w, workerID); err != nil {
		return err
	}
	if w.Status == status {
		return nil
	}
	old := w
	w.Status = status
	if _, err := tx.update(&old, &w); err != nil {
		return err
	}
	tx.auditRow(data.ActUpdate, data.TableWorkers, w.ID, fmt.Sprintf("劳动者 %s 状态随就业安置改为%s", w.Name, status.Label()))
	return nil
}

// scheduleCheckIns creates the 回访 calls for a worker who started work,
// unless the placement already has a check-in due that day.
func (tx *Tx) scheduleCheckIns(p *data.Placement) error {
	var have []data.FollowUp
	if err := tx.db.Where("placement_id = ? AND kind = ? AND deleted = ?", p.ID, data.KindCheckIn, false).
		Find(&have).Error; err != nil {
		return err
	}
	due := map[data.Date]bool{}
	for _, f := range have {
		due[f.DueOn] = true
	}
	pid := p.ID
	for _, days := range tx.s.CheckInDays() {
		on := p.StartedOn.AddDays(days)
		if due[on] {
			continue
		}
		f := &data.FollowUp{WorkerID: p.WorkerID, PlacementID: &pid, Kind: data.KindCheckIn, DueOn: on,
			Method: "phone", ResponsibleOffice: p.ResponsibleOffice, Notes: fmt.Sprintf("上岗后第%d天回访", days)}
		if err := tx.Create(f); err != nil {
			return err
		}
	}
	return nil
}
