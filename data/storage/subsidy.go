package storage

import (
	"fmt"

	"duikou/data"
	"duikou/data/subsidy"
)

// The subsidy roster's reads and the claims it records (补贴申报).

// prepareClaim: the worker exists, the claim's own rules hold, and (for a
// local claim) the worker has no live claim under the 项目 yet: each
// worker is paid once per 项目.
func prepareClaim(tx *Tx, c *data.SubsidyClaim, old data.Record) error {
	const rec = "补贴申报"
	var w data.Worker
	if err := tx.load(&w, c.WorkerID); err != nil {
		return data.NewFieldError(rec, "WorkerID", "劳动者", "所选劳动者不存在或已删除")
	}
	if err := c.Validate(data.Rules{Today: tx.s.today(), Remote: tx.remote}); err != nil {
		return err
	}
	if tx.remote || c.Deleted {
		return nil // two offices that claimed the same worker both keep theirs: the roster says 已申报 either way
	}
	q := tx.db.Model(&data.SubsidyClaim{}).Where("worker_id = ? AND program = ? AND deleted = ?", c.WorkerID, c.Program, false)
	if old != nil {
		q = q.Where("id <> ?", old.SyncInfo().ID)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return data.NewFieldError(rec, "Program", "项目", fmt.Sprintf("劳动者“%s”已申报过“%s”，每人每个项目只能申报一次", w.Name, c.Program))
	}
	return nil
}

// SubsidyWorkers reads every live worker with a placement started on or
// before asOf, with those placements (a partner's included: the worker is
// ours wherever the placement was recorded). A placement's end is its
// 离职 or 返乡 date; a placement still under way has none.
func (s *Store) SubsidyWorkers(asOf data.Date) ([]subsidy.Worker, error) {
	var rows []struct {
		PlacementID string
		WorkerID    string
		StartedOn   data.Date
		EndedOn     data.Date
		Stage       data.Stage
		WorkRegion  string
		Employer    string
		Name        string
		IDNumber    string
		HukouRegion string
		Poverty     data.Poverty
		Husk        bool
	}
	// A husk's erased columns are marked in its field_ops (consent_husk.go).
	err := s.db.Table("placements AS p").
		Select(`p.id AS placement_id, p.worker_id, p.started_on, p.ended_on, p.stage, d.work_region,
			COALESCE(e.name, '') AS employer, w.name, w.id_number, w.hukou_region, w.poverty,
			(w.field_ops LIKE '%erased(%') AS husk`).
		Joins("JOIN workers AS w ON w.id = p.worker_id").
		Joins("JOIN demands AS d ON d.id = p.demand_id").
		Joins("LEFT JOIN employers AS e ON e.id = d.employer_id").
		Where("p.deleted = ? AND w.deleted = ? AND p.started_on IS NOT NULL AND p.started_on <= ?", false, false, asOf).
		Order("p.worker_id, p.started_on, p.id").
		Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	var out []subsidy.Worker
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.WorkerID {
			out = append(out, subsidy.Worker{ID: r.WorkerID, Name: r.Name, IDNumber: r.IDNumber,
				HukouRegion: r.HukouRegion, Poverty: r.Poverty, Withdrawn: r.Husk})
		}
		p := subsidy.Placement{ID: r.PlacementID, Start: r.StartedOn, WorkRegion: r.WorkRegion, Employer: r.Employer}
		if r.Stage == data.StageLeft || r.Stage == data.StageReturned {
			p.End = r.EndedOn
		}
		w := &out[len(out)-1]
		w.Placements = append(w.Placements, p)
	}
	return out, nil
}

// SubsidyRoster applies the rules of one 项目 on the 核算日 asOf to the
// workers and the claims this database holds. A 核算日 after today is
// refused: it would count months nobody has worked yet.
func (s *Store) SubsidyRoster(rules subsidy.Rules, program string, asOf data.Date) (*subsidy.Roster, error) {
	if today := s.today(); asOf.After(today) {
		return nil, fmt.Errorf("核算日 %s 晚于今天（%s），在岗者的务工月数不能算到以后", asOf, today)
	}
	ws, err := s.SubsidyWorkers(asOf)
	if err != nil {
		return nil, err
	}
	claimed, err := s.SubsidyClaimed(program)
	if err != nil {
		return nil, err
	}
	return subsidy.Evaluate(rules, program, asOf, ws, claimed), nil
}

// SubsidyClaimed is who has a live claim under a 项目, with its 申报日期:
// this office's claims and those a partner sent.
func (s *Store) SubsidyClaimed(program string) (subsidy.Claimed, error) {
	var rows []struct {
		WorkerID  string
		ClaimedOn data.Date
	}
	if err := s.db.Model(&data.SubsidyClaim{}).Select("worker_id, claimed_on").
		Where("program = ? AND deleted = ?", program, false).Scan(&rows).Error; err != nil {
		return nil, err
	}
	on := make(map[string]data.Date, len(rows))
	for _, r := range rows {
		if prev, ok := on[r.WorkerID]; !ok || r.ClaimedOn.Before(prev) {
			on[r.WorkerID] = r.ClaimedOn
		}
	}
	return func(id string) (data.Date, bool) {
		d, ok := on[id]
		return d, ok
	}, nil
}

// ApplyClaims records a claim for every worker on the roster (确认申报)
// in one transaction, with one audit entry for the lot, and returns how
// many it added. A worker claimed in the meantime is skipped, so running
// the same roster twice adds nothing the second time.
func (s *Store) ApplyClaims(r *subsidy.Roster) (int, error) {
	added := 0
	var total data.Fen
	err := s.WriteBulk(func(tx *Tx) error {
		var have []string
		if err := tx.db.Model(&data.SubsidyClaim{}).Where("program = ? AND deleted = ?", r.Program, false).
			Pluck("worker_id", &have).Error; err != nil {
			return err
		}
		claimed := make(map[string]bool, len(have))
		for _, id := range have {
			claimed[id] = true
		}
		today := tx.s.today()
		for i := range r.Eligible {
			e := &r.Eligible[i]
			if claimed[e.Worker.ID] {
				continue
			}
			c := &data.SubsidyClaim{WorkerID: e.Worker.ID, PlacementID: e.Placement.ID, Program: r.Program,
				Destination: e.Destination(), Months: e.Months, Amount: e.Amount(), AsOf: r.AsOf, ClaimedOn: today}
			if err := tx.Create(c); err != nil {
				return fmt.Errorf("劳动者“%s”：%w", e.Worker.Name, err)
			}
			claimed[e.Worker.ID] = true
			added++
			total += c.Amount
		}
		tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: string(data.TableClaims), Count: added,
			Summary: fmt.Sprintf("确认申报“%s”%d 人，金额合计 %s 元（核算日 %s）", r.Program, added, total, r.AsOf)})
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}
