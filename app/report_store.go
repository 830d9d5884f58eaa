package app

import (
	"duikou/data"
	"duikou/data/stats"
	"duikou/data/storage"
)

// ReportHeaderStore is the 负责人 and 联系电话 the 统计报表 form carries,
// kept in 设置.
type ReportHeaderStore interface {
	ReportHeader() (head, phone string, err error)
	SetReportHeader(head, phone string) error
}

// ReportStore is what 统计报表 uses: the figures of a period, 报出, and
// the lists behind the figures (each list's filter narrowed by a
// data.Figure).
type ReportStore interface {
	officeReader
	Today() data.Date
	Report(p stats.Period) (*stats.Report, error)
	Submit(r *stats.Report) error

	ListWorkers(f data.WorkerFilter, p data.Page) ([]data.Worker, *data.Cursor, error)
	CountWorkers(f data.WorkerFilter) (int64, error)
	ListPlacements(f data.PlacementFilter, p data.Page) ([]data.Placement, *data.Cursor, error)
	CountPlacements(f data.PlacementFilter) (int64, error)
	ListFollowUpsFull(f data.FollowUpFilter, p data.Page) ([]data.FollowUp, *data.Cursor, error)
	CountFollowUps(f data.FollowUpFilter) (int64, error)
	ListDemands(f data.DemandFilter, p data.Page) ([]data.Demand, *data.Cursor, error)
	CountDemands(f data.DemandFilter) (int64, error)
}

var (
	_ ReportStore       = (*storage.Store)(nil)
	_ ReportHeaderStore = (*storage.Store)(nil)
)
