package app

import (
	"duikou/data"
	"duikou/data/storage"
)

// The interfaces below are all the screens ask of the data layer: each
// screen holds the one it needs as a field, and New (through showMain)
// hands each the concrete *storage.Store. The packages that run the
// Store's own transactions (data/sheet, data/report, data/exchange,
// data/matching) get GUI.db, which only newGUI and replaceStore set.

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

// RecordWriter writes records; errors for bad input are *data.FieldError.
type RecordWriter interface {
	Create(rec data.Record) error
	Update(rec data.Record) error
	Delete(rec data.Record) error
}

// EditSaver saves a form's record against the version the form was
// opened at: a row another clerk saved meanwhile is refused with a
// *storage.ChangedMeanwhile, and the two help the clerk merge
// (changed_meanwhile.go).
type EditSaver interface {
	UpdateFrom(rec data.Record, opened int64) error
	FieldsChangedMeanwhile(opened, yours, current data.Record) ([]storage.FieldChoice, error)
	TakeFields(dst, src data.Record, columns []string) error
}

// officeReader is the office this installation is (its place, its clerk).
type officeReader interface {
	Office() *data.Office
}

// WorkerStore is what the worker list and form use.
type WorkerStore interface {
	RecordWriter
	EditSaver
	officeReader
	ListWorkers(f data.WorkerFilter, p data.Page) ([]data.Worker, *data.Cursor, error)
	CountWorkers(f data.WorkerFilter) (int64, error)
	Worker(id string) (*data.Worker, error)
	FindWorkerByIDNumber(idNumber string) (*data.Worker, error)
	// AuditReveal records a 显示 of a full ID number or phone.
	AuditReveal(table data.Table, rowID, what string) error
	Today() data.Date
}

// EmployerStore is what the employer and demand screens use.
type EmployerStore interface {
	RecordWriter
	EditSaver
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
	officeReader
	SetupOffice(name, region string, role data.OfficeRole, clerk string) (*data.Office, error)
	SetClerk(clerk string) error
	Path() string
	BackupBeside(reason string) (string, error)
}

// CheckInStore is the days after starting work on which check-in calls
// are scheduled.
type CheckInStore interface {
	CheckInDays() []int
	SetCheckInDays(days []int) error
}

// ReferralLimitStore is how many times a demand's headcount still to fill
// may be open as referrals at once.
type ReferralLimitStore interface {
	OverReferralRatio() int
	SetOverReferralRatio(n int) error
}

// SettingsStore is what 设置 uses: the office, backups and restore, the
// check-in days, the referral limit, 返贫监测's thresholds, the 统计报表
// header (report_store.go).
type SettingsStore interface {
	OfficeStore
	BackupStore
	CheckInStore
	ReferralLimitStore
	MonitorRuleStore
	ReportHeaderStore
	KeyStore
}

// FollowUpAdder is what the new follow-up dialog uses (from 跟踪服务 and
// from a placement's page).
type FollowUpAdder interface {
	// in the dialog's order: the worker search, the due date, the
	// partner who is responsible, saving as this office
	ListWorkers(f data.WorkerFilter, p data.Page) ([]data.Worker, *data.Cursor, error)
	Today() data.Date
	Partners() ([]data.Partner, error)
	Create(rec data.Record) error
	officeReader
}

// FollowUpStore is what 跟踪服务 and its quick entry use.
type FollowUpStore interface {
	FollowUpAdder
	ListFollowUpsFull(f data.FollowUpFilter, p data.Page) ([]data.FollowUp, *data.Cursor, error)
	CountFollowUps(f data.FollowUpFilter) (int64, error)
	FollowUp(id string) (*data.FollowUp, error)
	// EditSaver: a result is saved against the version the clerk saw.
	EditSaver
}

// HomeStore is what 首页 reads: the office and the counts, and 返贫风险
// with its 回访.
type HomeStore interface {
	officeReader
	Dashboard(today data.Date) (*storage.Dashboard, error)
	RiskStore
}

var (
	_ Shell          = (*storage.Store)(nil)
	_ WorkerStore    = (*storage.Store)(nil)
	_ EmployerStore  = (*storage.Store)(nil)
	_ SettingsStore  = (*storage.Store)(nil)
	_ FollowUpStore  = (*storage.Store)(nil)
	_ HomeStore      = (*storage.Store)(nil)
	_ PlacementStore = (*storage.Store)(nil)
	_ ExchangeStore  = (*storage.Store)(nil)
	_ MatchStore     = (*storage.Store)(nil)
)
