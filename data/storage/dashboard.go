package storage

import (
	"duikou/data"
	"sort"
	"time"
)

// Dashboard is what the home screen shows: the counts a clerk checks each
// morning and three small series for its charts.
type Dashboard struct {
	Workers, Idle, Employed int64
	// StartedThisMonth counts placements at work (已上岗) that started
	// this calendar month: the list behind it is stage 已上岗 with the
	// month as its date range.
	StartedThisMonth int64
	// Overdue counts open follow-ups of any kind due before today.
	Overdue int64
	// OpenArrears counts open 欠薪 cases; ArrearsOwed adds up their
	// amounts (the wages owed as recorded).
	OpenArrears int64
	ArrearsOwed data.Fen
	// PerMonth counts starts (上岗) per month over the last 12 months,
	// oldest first, the current month last.
	PerMonth []MonthCount
	// ByCity counts placements that reached 上岗 by the demand's work
	// city (a GB/T 2260 city code), most first.
	ByCity []CodeCount
	// ByKind counts follow-ups by kind, in the order of FollowUpKinds;
	// Open is how many of them are still 待办.
	ByKind []KindCount
}

// MonthCount is a count for a calendar month.
type MonthCount struct {
	Year  int
	Month time.Month
	N     int64
}

// CodeCount is a count for a code (a region).
type CodeCount struct {
	Code string
	N    int64
}

// KindCount is a count of follow-ups of one kind.
type KindCount struct {
	Kind    data.FollowUpKind
	N, Open int64
}

// MonthRange is the first and last day of d's month.
func MonthRange(d data.Date) DateRange {
	first := data.MakeDate(d.Year, d.Month, 1)
	return DateRange{From: first, To: data.MakeDate(d.Year, d.Month+1, 0)}
}

// Dashboard counts everything on today's home screen.
func (s *Store) Dashboard(today data.Date) (*Dashboard, error) {
	d := &Dashboard{}
	var err error
	counts := []struct {
		n *int64
		f data.WorkerFilter
	}{{&d.Workers, data.WorkerFilter{}}, {&d.Idle, data.WorkerFilter{Status: data.WorkerIdle}}, {&d.Employed, data.WorkerFilter{Status: data.WorkerEmployed}}}
	for _, c := range counts {
		if *c.n, err = s.CountWorkers(c.f); err != nil {
			return nil, err
		}
	}
	if d.StartedThisMonth, err = s.CountPlacementsIn(data.PlacementFilter{Stage: data.StageStarted}, MonthRange(today)); err != nil {
		return nil, err
	}
	if d.Overdue, err = s.CountFollowUps(data.FollowUpFilter{OverdueOn: today}); err != nil {
		return nil, err
	}
	var arrears struct {
		N   int64
		Sum int64
	}
	if err := s.followUpQuery(data.FollowUpFilter{Kind: data.KindArrears, Status: data.FollowUpOpen}).
		Select("COUNT(*) AS n, COALESCE(SUM(amount),0) AS sum").Scan(&arrears).Error; err != nil {
		return nil, err
	}
	d.OpenArrears, d.ArrearsOwed = arrears.N, data.Fen(arrears.Sum)
	if d.PerMonth, err = s.startsPerMonth(today); err != nil {
		return nil, err
	}
	if d.ByCity, err = s.startsByCity(); err != nil {
		return nil, err
	}
	if d.ByKind, err = s.followUpsByKind(); err != nil {
		return nil, err
	}
	return d, nil
}

// startsPerMonth counts the start dates of the last 12 months; the dates
// are read and bucketed here, which keeps the SQL portable (no date
// functions) and is cheap: one small column of a year's placements.
func (s *Store) startsPerMonth(today data.Date) ([]MonthCount, error) {
	out := make([]MonthCount, 12)
	for i := range out {
		m := data.MakeDate(today.Year, today.Month-time.Month(11-i), 1)
		out[i] = MonthCount{Year: m.Year, Month: m.Month}
	}
	from := data.MakeDate(out[0].Year, out[0].Month, 1)
	var dates []data.Date
	if err := s.placementQuery(data.PlacementFilter{}).Where("started_on >= ? AND started_on <= ?", from, today).
		Pluck("started_on", &dates).Error; err != nil {
		return nil, err
	}
	for _, d := range dates {
		i := (d.Year-from.Year)*12 + int(d.Month-from.Month)
		if i >= 0 && i < len(out) {
			out[i].N++
		}
	}
	return out, nil
}

// startsByCity groups the placements that reached 上岗 by their demand's
// work county, then adds the counties up to their city.
func (s *Store) startsByCity() ([]CodeCount, error) {
	var rows []CodeCount
	if err := s.db.Table(string(data.TablePlacements)).
		Select("demands.work_region AS code, COUNT(*) AS n").
		Joins("JOIN demands ON demands.id = placements.demand_id").
		Where("placements.deleted = ? AND placements.started_on IS NOT NULL", false).
		Group("demands.work_region").Scan(&rows).Error; err != nil {
		return nil, err
	}
	byCity := map[string]int64{}
	for _, r := range rows {
		city := r.Code
		if len(city) == 6 {
			city = city[:4] + "00"
		}
		byCity[city] += r.N
	}
	out := make([]CodeCount, 0, len(byCity))
	for c, n := range byCity {
		out = append(out, CodeCount{Code: c, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Code < out[j].Code
	})
	return out, nil
}

// followUpsByKind counts live follow-ups per kind, and the open ones.
func (s *Store) followUpsByKind() ([]KindCount, error) {
	var rows []struct {
		Kind   data.FollowUpKind
		Status data.FollowUpStatus
		N      int64
	}
	if err := s.followUpQuery(data.FollowUpFilter{}).Select("kind, status, COUNT(*) AS n").
		Group("kind, status").Scan(&rows).Error; err != nil {
		return nil, err
	}
	idx := map[data.FollowUpKind]int{}
	out := make([]KindCount, len(data.FollowUpKinds))
	for i, k := range data.FollowUpKinds {
		out[i].Kind = data.FollowUpKind(k.Code)
		idx[out[i].Kind] = i
	}
	for _, r := range rows {
		i, ok := idx[r.Kind]
		if !ok {
			continue
		}
		out[i].N += r.N
		if r.Status == data.FollowUpOpen {
			out[i].Open += r.N
		}
	}
	return out, nil
}
