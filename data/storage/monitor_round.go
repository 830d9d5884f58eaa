package storage

import (
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/monitor"
)

// ScheduleRiskCheckIns files one 回访 (by phone, the reasons in its notes)
// for each flagged worker in month, due on its first day, or today when
// the month has begun. A worker who already has a 回访 due in that month
// (open or done; a cancelled one does not count) gets none, so a second
// round adds nothing. All of it is one transaction, audited row by row
// with a summary entry; it reports how many were added. A month that has
// ended is refused: a call due then would be overdue before it is made.
func (s *Store) ScheduleRiskCheckIns(flags []monitor.Flag, month DateRange) (int, error) {
	today := s.today()
	if month.To.Before(today) {
		return 0, fmt.Errorf("%d年%d月已经过去，回访只能安排在本月或以后的月份", month.From.Year, int(month.From.Month))
	}
	due := month.From
	if due.Before(today) {
		due = today
	}
	added := 0
	err := s.Write(func(tx *Tx) error {
		have, err := tx.checkInsDue(flags, month)
		if err != nil {
			return err
		}
		for _, f := range flags {
			if have[f.WorkerID] {
				continue
			}
			fu := &data.FollowUp{WorkerID: f.WorkerID, Kind: data.KindCheckIn, DueOn: due, Method: "phone",
				Notes: "返贫风险回访：" + strings.Join(f.Reasons, "；")}
			if f.AtWork != "" {
				pid := f.AtWork
				fu.PlacementID = &pid
			}
			if err := tx.Create(fu); err != nil {
				return fmt.Errorf("为%s安排回访：%w", f.Name, err)
			}
			have[f.WorkerID] = true
			added++
		}
		if added > 0 {
			tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: string(data.TableFollowUps), Count: added,
				Summary: fmt.Sprintf("返贫监测：为%d名劳动者安排%d年%d月回访", added, month.From.Year, int(month.From.Month))})
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// checkInsDue is the set of the flagged workers who have a live 回访 due
// in month, not cancelled.
func (tx *Tx) checkInsDue(flags []monitor.Flag, month DateRange) (map[string]bool, error) {
	have := map[string]bool{}
	const chunk = 500
	for from := 0; from < len(flags); from += chunk {
		ids := make([]string, 0, chunk)
		for _, f := range flags[from:min(from+chunk, len(flags))] {
			ids = append(ids, f.WorkerID)
		}
		var got []string
		if err := tx.db.Model(&data.FollowUp{}).
			Where("worker_id IN ? AND kind = ? AND deleted = ? AND status <> ? AND due_on >= ? AND due_on <= ?",
				ids, data.KindCheckIn, false, data.FollowUpCancelled, month.From, month.To).
			Distinct().Pluck("worker_id", &got).Error; err != nil {
			return nil, err
		}
		for _, id := range got {
			have[id] = true
		}
	}
	return have, nil
}
