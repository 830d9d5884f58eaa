package data

import "duikou/data/catalog"

// Demand is a 用工需求: an employer wants Headcount people for one 工种.
type Demand struct {
	Synced
	EmployerID     string             `gorm:"size:36;not null;index"`
	Employer       *Employer          `gorm:"constraint:OnDelete:RESTRICT" sync:"-"`
	Occupation     string             `gorm:"size:32;not null;index"` // catalog key
	Title          string             `gorm:"size:100"`
	Headcount      int                `gorm:"not null"`
	WorkRegion     string             `gorm:"size:6;not null;index"` // county
	WageMin        Fen                // monthly
	WageMax        Fen                //
	AgeMin         int                // 0 = no bound
	AgeMax         int                //
	SexRequirement SexRequirement     `gorm:"not null;default:0"`
	MinLevel       catalog.SkillLevel `gorm:"not null;default:0"`
	Board          bool               // 包吃
	Lodging        bool               // 包住
	ContractMonths int
	ValidFrom      Date
	ValidUntil     Date
	Status         DemandStatus `gorm:"size:16;not null;default:open;index"`
	Notes          string       `gorm:"size:1000"`

	// Filled is derived from the live placements at 已录用 or 已上岗; each
	// office recounts it, so it never travels.
	Filled int `gorm:"not null;default:0" sync:"-"`
	// Referred counts the live placements still at 已推荐 or 已面试: the
	// open referrals waiting on the employer. Derived like Filled.
	Referred int `gorm:"not null;default:0" sync:"-"`
}

// RecordName is 用工需求.
func (*Demand) RecordName() string { return "用工需求" }

// Left is the headcount still to fill.
func (d *Demand) Left() int {
	if d.Filled >= d.Headcount {
		return 0
	}
	return d.Headcount - d.Filled
}

// DefaultOverReferral is how many times the headcount still to fill may
// be open as referrals at once: employers interview more than they hire,
// so twice, unless the office sets otherwise in 设置.
const DefaultOverReferral = 2

// ReferralRoom is how many more workers may be referred now when at most
// ratio × Left may be open at once; never negative.
func (d *Demand) ReferralRoom(ratio int) int {
	return max(ratio*d.Left()-d.Referred, 0)
}

// IsOpen reports whether the demand is recruiting on a given day.
func (d *Demand) IsOpen(on Date) bool {
	return !d.Deleted && d.Status == DemandOpen && d.Left() > 0 &&
		(d.ValidFrom.IsZero() || !on.Before(d.ValidFrom)) &&
		(d.ValidUntil.IsZero() || !on.After(d.ValidUntil))
}

// EmployerName is the name of the demand's employer as loaded with it; ""
// when d is nil or no employer was loaded.
func (d *Demand) EmployerName() string {
	if d == nil || d.Employer == nil {
		return ""
	}
	return d.Employer.Name
}
