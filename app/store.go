package app

import (
	"duikou/data"
	"duikou/data/storage"
)

// The interfaces below are all the screens ask of the data layer.
// *data.Store satisfies them (see the assertion at the bottom).

// RecordWriter writes records; errors for bad input are *data.FieldError.
type RecordWriter interface {
	Create(rec data.Record) error
	Update(rec data.Record) error
	Delete(rec data.Record) error
}

// WorkerStore is what the worker list and form use.
type WorkerStore interface {
	RecordWriter
	ListWorkers(f data.WorkerFilter, p data.Page) ([]data.Worker, *data.Cursor, error)
	CountWorkers(f data.WorkerFilter) (int64, error)
	Worker(id string) (*data.Worker, error)
	FindWorkerByIDNumber(idNumber string) (*data.Worker, error)
	Today() data.Date
}

// EmployerStore is what the employer and demand screens use.
type EmployerStore interface {
	RecordWriter
	ListEmployers(f data.EmployerFilter, p data.Page) ([]data.Employer, *data.Cursor, error)
	CountEmployers(f data.EmployerFilter) (int64, error)
	Employer(id string) (*data.Employer, error)
	ListDemands(f data.DemandFilter, p data.Page) ([]data.Demand, *data.Cursor, error)
	CountDemands(f data.DemandFilter) (int64, error)
	SumHeadcount(f data.DemandFilter) (headcount, filled int64, err error)
	Demand(id string) (*data.Demand, error)
	Today() data.Date
}

// OfficeStore is this installation: set-up, clerk, database file.
type OfficeStore interface {
	Office() *data.Office
	SetupOffice(name, region string, role data.OfficeRole, clerk string) (*data.Office, error)
	SetClerk(clerk string) error
	Path() string
	BackupBeside(reason string) (string, error)
}

// Shell is what the window itself asks of its database: the office and
// the file for the status line, change notices, and for main, closing
// and the daily backup.
type Shell interface {
	Office() *data.Office
	Path() string
	// OnChange registers a listener called after every committed write
	// (on the writer's goroutine).
	OnChange(fn func(data.Change))
	Close() error
	DailyBackup() (string, error)
}

// FollowUpCounter counts follow-ups, for the 跟踪服务 list's count.
type FollowUpCounter interface {
	CountFollowUps(f data.FollowUpFilter) (int64, error)
}

// Store is everything the window needs.
type Store interface {
	Shell
	OfficeStore
	WorkerStore
	EmployerStore
	FollowUpCounter
	BackupStore
	PlacementStore
	ExchangeStore
	MatchStore
}

var _ Store = (*storage.Store)(nil)
