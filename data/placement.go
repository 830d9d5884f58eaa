package data

// Placement is a 就业安置: one worker on the path to one demand's job.
type Placement struct {
	Synced
	WorkerID      string  `gorm:"size:36;not null;index"`
	Worker        *Worker `gorm:"constraint:OnDelete:RESTRICT" sync:"-"`
	DemandID      string  `gorm:"size:36;not null;index"`
	Demand        *Demand `gorm:"constraint:OnDelete:RESTRICT" sync:"-"`
	Stage         Stage   `gorm:"size:16;not null;index"`
	ReferredOn    Date
	InterviewedOn Date
	HiredOn       Date
	StartedOn     Date `gorm:"index"`
	EndedOn       Date
	CloseReason   string `gorm:"size:16"`
	CloseNote     string `gorm:"size:500"`
	// Labour contract, which the receiving office guides.
	ContractSigned    bool
	ContractDate      Date
	ContractMonths    int
	SocialInsurance   bool
	AccidentInsurance bool
	// ResponsibleOffice is the office id that looks after this placement.
	ResponsibleOffice string `gorm:"size:36"`
	Notes             string `gorm:"size:1000"`
}

// RecordName is 就业安置.
func (*Placement) RecordName() string { return "就业安置" }

// WorkerOrBlank is the worker loaded with the placement, or a blank one
// when none was, so that a list can print its (empty) fields.
func (p *Placement) WorkerOrBlank() *Worker { return orBlank(p.Worker) }

// EmployerName is the employer of the placement's demand as loaded with
// it; "" when p is nil or no demand and employer were loaded.
func (p *Placement) EmployerName() string {
	if p == nil {
		return ""
	}
	return p.Demand.EmployerName()
}

func orBlank(w *Worker) *Worker {
	if w == nil {
		return &Worker{}
	}
	return w
}
