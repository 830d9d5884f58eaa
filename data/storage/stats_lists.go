package storage

import (
	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/stats"
)

// The records behind each 统计报表 figure, as conditions on the list
// queries (list_workers.go, list_records.go): the 统计报表 screen opens a
// figure as the list the other screens show, narrowed by data.Figure. They
// state stats.Defs once more in SQL; TestFigureListsMatchTheReport checks
// that each list holds as many records as the figure counts.

// none matches no row: a figure of another kind of record, or unknown.
const none = "1 = 0"

func workersBehind(q *gorm.DB, f data.Figure) *gorm.DB {
	if f.IsZero() {
		return q
	}
	switch stats.Code(f.Code) {
	case stats.WorkersRegistered:
		return q.Where("registered_on >= ? AND registered_on <= ?", f.From, f.To)
	case stats.WorkersTotal:
		return q.Where("registered_on <= ?", f.To)
	}
	return q.Where(none)
}

// crossing compares the placement's worker's 户籍 county with its
// demand's work county, as stats.Crossing does.
var crossing = map[stats.Code]string{
	stats.StartedCrossProv:   "substr(w.hukou_region, 1, 2) <> substr(d.work_region, 1, 2)",
	stats.StartedCrossCity:   "substr(w.hukou_region, 1, 2) = substr(d.work_region, 1, 2) AND substr(w.hukou_region, 1, 4) <> substr(d.work_region, 1, 4)",
	stats.StartedCrossCounty: "substr(w.hukou_region, 1, 4) = substr(d.work_region, 1, 4) AND w.hukou_region <> d.work_region",
	stats.StartedInCounty:    "w.hukou_region = d.work_region",
}

func placementsBehind(q *gorm.DB, f data.Figure) *gorm.DB {
	if f.IsZero() {
		return q
	}
	started := func(q *gorm.DB) *gorm.DB {
		return q.Where("started_on >= ? AND started_on <= ?", f.From, f.To)
	}
	ended := func(stage data.Stage) *gorm.DB {
		return q.Where("stage = ? AND ended_on >= ? AND ended_on <= ?", stage, f.From, f.To)
	}
	code := stats.Code(f.Code)
	switch code {
	case stats.PlacementsStarted:
		return started(q)
	case stats.StartedCrossProv, stats.StartedCrossCity, stats.StartedCrossCounty, stats.StartedInCounty:
		return started(q).Where("EXISTS (SELECT 1 FROM workers w, demands d WHERE w.id = placements.worker_id AND " +
			"d.id = placements.demand_id AND length(w.hukou_region) = 6 AND length(d.work_region) = 6 AND " + crossing[code] + ")")
	case stats.StartedPoverty:
		return started(q).Where("worker_id IN (SELECT id FROM workers WHERE poverty IN ?)",
			[]data.Poverty{data.PovertyLifted, data.PovertyMonitored})
	case stats.InWorkEnd:
		return q.Where("started_on IS NOT NULL AND started_on <= ?", f.To).
			Where("NOT (ended_on IS NOT NULL AND ended_on <= ? AND stage IN ?)", f.To, []data.Stage{data.StageLeft, data.StageReturned})
	case stats.PlacementsLeft:
		return ended(data.StageLeft)
	case stats.PlacementsReturned:
		return ended(data.StageReturned)
	case stats.ContractsSigned, stats.ContractsSignedPct:
		return started(q).Where("contract_signed = ? AND (contract_date IS NULL OR contract_date <= ?)", true, f.To)
	}
	return q.Where(none)
}

func followUpsBehind(q *gorm.DB, f data.Figure) *gorm.DB {
	if f.IsZero() {
		return q
	}
	done := func(kind data.FollowUpKind) *gorm.DB {
		q := q.Where("status = ? AND done_on >= ? AND done_on <= ?", data.FollowUpDone, f.From, f.To)
		if kind != "" {
			q = q.Where("kind = ?", kind)
		}
		return q
	}
	openAtEnd := func(kind data.FollowUpKind) *gorm.DB {
		return q.Where("kind = ? AND due_on <= ? AND (status = ? OR (status = ? AND done_on > ?))",
			kind, f.To, data.FollowUpOpen, data.FollowUpDone, f.To)
	}
	code := stats.Code(f.Code)
	switch code {
	case stats.FollowUpsDone:
		return done("")
	case stats.CheckinsOverdueEnd:
		return openAtEnd(data.KindCheckIn)
	case stats.ArrearsOpened:
		return q.Where("kind = ? AND status <> ? AND due_on >= ? AND due_on <= ?", data.KindArrears, data.FollowUpCancelled, f.From, f.To)
	case stats.ArrearsClosed, stats.ArrearsRecoveredYuan:
		return done(data.KindArrears)
	case stats.ArrearsOwedYuan:
		return openAtEnd(data.KindArrears)
	case stats.WarmthVisits, stats.WarmthAmountYuan:
		return done(data.KindWarmth)
	}
	if kind, ok := stats.FollowUpKindOf(code); ok {
		return done(kind)
	}
	return q.Where(none)
}

func demandsBehind(q *gorm.DB, f data.Figure) *gorm.DB {
	if f.IsZero() {
		return q
	}
	switch stats.Code(f.Code) {
	case stats.DemandsNew, stats.PositionsNew:
		lo, hi := dayBounds(stats.Period{From: f.From, To: f.To})
		return q.Where("((valid_from >= ? AND valid_from <= ?) OR (valid_from IS NULL AND created_at >= ? AND created_at < ?))",
			f.From, f.To, lo, hi)
	}
	return q.Where(none)
}
