package storage

import (
	"sort"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/stats"
)

// Report counts the figures of 统计报表 for a period, each from the
// records' own dates as of the period's end; tombstoned rows never count.
// Every live record in this database counts, whichever office recorded
// it, so a partner's placement of this office's worker is included. The
// definitions are those of stats.Defs.
//
// A worker counts from its 登记日期 (RegisteredOn), which travels with the
// record and which import and the demo fill.
func (s *Store) Report(p stats.Period) (*stats.Report, error) {
	f := stats.Figures{}
	if err := s.reportWorkers(p, f); err != nil {
		return nil, err
	}
	rows, err := s.reportPlacements(p, f)
	if err != nil {
		return nil, err
	}
	if err := s.reportFollowUps(p, f); err != nil {
		return nil, err
	}
	if err := s.reportDemands(p, f); err != nil {
		return nil, err
	}
	name, by := "", "工作地（市）"
	if o := s.Office(); o != nil {
		name = o.Name
		if o.Role == data.RoleReceiving {
			by = "户籍地（县）"
		}
	}
	r := stats.Build(p, name, f, rows)
	r.RowsBy = by
	if o := s.Office(); o != nil {
		r.Header.Clerk = o.ClerkName
	}
	if r.Header.Head, r.Header.Phone, err = s.ReportHeader(); err != nil {
		return nil, err
	}
	sub, err := s.Submission(p)
	if err != nil {
		return nil, err
	}
	r.Attach(sub) // stats_submit.go: the submitted figures beside these, 更正版 when they differ
	if err := s.noteCorrection(r, sub); err != nil {
		return nil, err
	}
	return r, nil
}

// dayBounds are the instants (UTC, as CreatedAt is stored) where the
// period's first day begins and the day after its last begins, in local
// time.
func dayBounds(p stats.Period) (lo, hi time.Time) {
	lo = time.Date(p.From.Year, p.From.Month, p.From.Day, 0, 0, 0, 0, time.Local).UTC()
	hi = time.Date(p.To.Year, p.To.Month, p.To.Day+1, 0, 0, 0, 0, time.Local).UTC()
	return lo, hi
}

func (s *Store) reportWorkers(p stats.Period, f stats.Figures) error {
	var c struct{ Registered, Total int64 }
	if err := s.db.Table(string(data.TableWorkers)).
		Select("COALESCE(SUM(CASE WHEN registered_on >= ? THEN 1 ELSE 0 END),0) AS registered, COUNT(*) AS total", p.From).
		Where("deleted = ? AND registered_on <= ?", false, p.To).Scan(&c).Error; err != nil {
		return err
	}
	f[stats.WorkersRegistered], f[stats.WorkersTotal] = c.Registered, c.Total
	return nil
}

// reportPlacements reads the placements that had started by the period's
// end, and those that ended in the period (已返乡 closes a placement from
// any stage, so a worker may go home before starting), with their
// worker's 户籍 and the work county, and counts them here: the splits
// compare codes, which is clearer in Go than in SQL.
func (s *Store) reportPlacements(p stats.Period, f stats.Figures) ([]stats.Row, error) {
	var ps []struct {
		StartedOn, EndedOn, ContractDate data.Date
		Stage                            data.Stage
		ContractSigned                   bool
		HukouRegion                      string
		Poverty                          data.Poverty
		WorkRegion                       string
	}
	if err := s.db.Table("placements AS p").
		Select("p.started_on, p.ended_on, p.contract_date, p.stage, p.contract_signed, w.hukou_region, w.poverty, d.work_region").
		Joins("JOIN workers AS w ON w.id = p.worker_id").
		Joins("JOIN demands AS d ON d.id = p.demand_id").
		Where("p.deleted = ? AND ((p.started_on IS NOT NULL AND p.started_on <= ?) OR (p.ended_on >= ? AND p.ended_on <= ?))",
			false, p.To, p.From, p.To).
		Scan(&ps).Error; err != nil {
		return nil, err
	}
	// The second table: by receiving city for a sending office, by
	// sending county for a receiving one.
	byHome := false
	if o := s.Office(); o != nil && o.Role == data.RoleReceiving {
		byHome = true
	}
	rows := map[string]*stats.Row{}
	rowOf := func(home, work string) *stats.Row {
		code := home
		if !byHome {
			code = work
			if len(code) == 6 {
				code = code[:4] + "00"
			}
		}
		r := rows[code]
		if r == nil {
			r = &stats.Row{Region: code, Name: regionLabel(code)}
			rows[code] = r
		}
		return r
	}
	inPeriod := func(d data.Date) bool { return !d.IsZero() && !d.Before(p.From) && !d.After(p.To) }
	for _, x := range ps {
		poor := x.Poverty == data.PovertyLifted || x.Poverty == data.PovertyMonitored
		ended := !x.EndedOn.IsZero() && !x.EndedOn.After(p.To) &&
			(x.Stage == data.StageLeft || x.Stage == data.StageReturned)
		if inPeriod(x.StartedOn) {
			f[stats.PlacementsStarted]++
			if c, ok := stats.Crossing(x.HukouRegion, x.WorkRegion); ok {
				f[c]++
			}
			if poor {
				f[stats.StartedPoverty]++
			}
			if x.ContractSigned && (x.ContractDate.IsZero() || !x.ContractDate.After(p.To)) {
				f[stats.ContractsSigned]++
			}
			r := rowOf(x.HukouRegion, x.WorkRegion)
			r.Started++
			if poor {
				r.Poverty++
			}
		}
		if started := !x.StartedOn.IsZero() && !x.StartedOn.After(p.To); started && !ended {
			f[stats.InWorkEnd]++
			rowOf(x.HukouRegion, x.WorkRegion).InWorkEnd++
		}
		if inPeriod(x.EndedOn) {
			switch x.Stage {
			case data.StageLeft:
				f[stats.PlacementsLeft]++
			case data.StageReturned:
				f[stats.PlacementsReturned]++
			}
		}
	}
	out := make([]stats.Row, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Started != out[j].Started {
			return out[i].Started > out[j].Started
		}
		return out[i].Region < out[j].Region
	})
	return out, nil
}

func regionLabel(code string) string {
	if n := catalog.FullName(code); n != "" {
		return n
	}
	if code == "" {
		return "（未填）"
	}
	return code
}

func (s *Store) reportFollowUps(p stats.Period, f stats.Figures) error {
	// Done in the period, by kind: the counts, the 慰问金 paid and the
	// wages recovered on closing a 欠薪 case.
	var done []struct {
		Kind data.FollowUpKind
		N    int64
		Sum  int64
	}
	if err := s.db.Table(string(data.TableFollowUps)).
		Select("kind, COUNT(*) AS n, COALESCE(SUM(amount),0) AS sum").
		Where("deleted = ? AND status = ? AND done_on >= ? AND done_on <= ?", false, data.FollowUpDone, p.From, p.To).
		Group("kind").Scan(&done).Error; err != nil {
		return err
	}
	for _, d := range done {
		f[stats.FollowUpsDone] += d.N
		f[stats.FollowUpsDoneOf(d.Kind)] += d.N
		switch d.Kind {
		case data.KindWarmth:
			f[stats.WarmthVisits], f[stats.WarmthAmountYuan] = d.N, d.Sum
		case data.KindArrears:
			f[stats.ArrearsClosed], f[stats.ArrearsRecoveredYuan] = d.N, d.Sum
		}
	}
	// notDoneByEnd is a case still open at the period's end: open now, or
	// done after the end.
	const notDoneByEnd = "(status = ? OR (status = ? AND done_on > ?))"
	var n int64
	if err := s.db.Table(string(data.TableFollowUps)).
		Where("deleted = ? AND kind = ? AND due_on <= ? AND "+notDoneByEnd, false, data.KindCheckIn, p.To,
			data.FollowUpOpen, data.FollowUpDone, p.To).
		Count(&n).Error; err != nil {
		return err
	}
	f[stats.CheckinsOverdueEnd] = n
	if err := s.db.Table(string(data.TableFollowUps)).
		Where("deleted = ? AND kind = ? AND status <> ? AND due_on >= ? AND due_on <= ?", false, data.KindArrears,
			data.FollowUpCancelled, p.From, p.To).
		Count(&n).Error; err != nil {
		return err
	}
	f[stats.ArrearsOpened] = n
	var owed int64
	if err := s.db.Table(string(data.TableFollowUps)).Select("COALESCE(SUM(amount),0)").
		Where("deleted = ? AND kind = ? AND due_on <= ? AND "+notDoneByEnd, false, data.KindArrears, p.To,
			data.FollowUpOpen, data.FollowUpDone, p.To).
		Scan(&owed).Error; err != nil {
		return err
	}
	f[stats.ArrearsOwedYuan] = owed
	return nil
}

func (s *Store) reportDemands(p stats.Period, f stats.Figures) error {
	lo, hi := dayBounds(p)
	var c struct{ N, Positions int64 }
	if err := s.db.Table(string(data.TableDemands)).
		Select("COUNT(*) AS n, COALESCE(SUM(headcount),0) AS positions").
		Where("deleted = ? AND ((valid_from >= ? AND valid_from <= ?) OR (valid_from IS NULL AND created_at >= ? AND created_at < ?))",
			false, p.From, p.To, lo, hi).
		Scan(&c).Error; err != nil {
		return err
	}
	f[stats.DemandsNew], f[stats.PositionsNew] = c.N, c.Positions
	return nil
}
