package data

// FollowUp is a 跟踪服务 item: a check-in call, a 送温暖 visit, a wage-arrears
// or dispute case, on a placement or on a worker.
type FollowUp struct {
	Synced
	WorkerID    string       `gorm:"size:36;not null;index"`
	Worker      *Worker      `gorm:"constraint:OnDelete:RESTRICT" sync:"-"`
	PlacementID *string      `gorm:"size:36;index"`
	Placement   *Placement   `gorm:"constraint:OnDelete:RESTRICT" sync:"-"`
	Kind        FollowUpKind `gorm:"size:16;not null;index"`
	DueOn       Date         `gorm:"index"`
	DoneOn      Date
	Method      string         `gorm:"size:16"` // phone / visit / wechat
	Outcome     string         `gorm:"size:1000"`
	Amount      Fen            // 慰问金 paid, or wages owed / recovered
	Status      FollowUpStatus `gorm:"size:16;not null;default:open;index"`
	HandledBy   string         `gorm:"size:32"`
	// ResponsibleOffice is the office id that owns the case.
	ResponsibleOffice string `gorm:"size:36;index"`
	Notes             string `gorm:"size:1000"`
}

// RecordName is 跟踪服务.
func (*FollowUp) RecordName() string { return "跟踪服务" }

// WorkerOrBlank is the worker loaded with the follow-up, or a blank one
// when none was, so that a list can print its (empty) fields.
func (f *FollowUp) WorkerOrBlank() *Worker { return orBlank(f.Worker) }

// EmployerName is the employer of the follow-up's placement as loaded
// with it: "" when it is on a worker only, or none was loaded.
func (f *FollowUp) EmployerName() string { return f.Placement.EmployerName() }
