package storage

import (
	"duikou/data"
	"fmt"
)

// ListFollowUpsFull is ListFollowUps with each item's placement, demand
// and employer as well, for the 跟踪服务 list (it shows where the worker
// works). Sorted by due date (the default), the 待办 items come overdue
// first, then those due soonest.
func (s *Store) ListFollowUpsFull(f data.FollowUpFilter, p data.Page) ([]data.FollowUp, *data.Cursor, error) {
	return list(s.followUpQuery(f).Preload("Worker").Preload("Placement.Demand.Employer"), followUpSorts, "due", p,
		func(f *data.FollowUp) string { return f.ID })
}

// checkOwnerEdit enforces the split of responsibility on a local update:
// a case the partner office owns can only gain notes from this side; its
// result, status, dates and owner are the partner's to record (they arrive
// through the exchange, which is remote and not checked here).
func checkOwnerEdit(tx *Tx, f *data.FollowUp, old data.Record) error {
	prev, ok := old.(*data.FollowUp)
	if !ok || tx.remote || prev.ResponsibleOffice == tx.origin {
		return nil
	}
	pid := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if f.WorkerID != prev.WorkerID || pid(f.PlacementID) != pid(prev.PlacementID) || f.Kind != prev.Kind ||
		f.DueOn != prev.DueOn || f.DoneOn != prev.DoneOn || f.Method != prev.Method || f.Outcome != prev.Outcome ||
		f.Amount != prev.Amount || f.Status != prev.Status || f.HandledBy != prev.HandledBy ||
		f.ResponsibleOffice != prev.ResponsibleOffice {
		return data.NewFieldError("跟踪服务", "ResponsibleOffice", "负责方",
			fmt.Sprintf("该%s由对方工会负责，我方只能添加备注", prev.Kind.Label()))
	}
	return nil
}
