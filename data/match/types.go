package match

import (
	"time"

	"duikou/data/catalog"
)

// Skill is one vocational skill a worker holds.
type Skill struct {
	Occupation string // catalog occupation key
	Level      catalog.SkillLevel
}

// Worker is what matching needs to know about a worker (劳动者). The Store
// fills it; Eligible is computed there because it depends on the status,
// the consent and the placements.
type Worker struct {
	ID, Name           string
	Female             bool
	Birth              time.Time // date of birth; zero = unknown
	Skills             []Skill
	DesiredRegions     []string // GB/T 2260 codes at any level (province, city or county)
	DesiredOccupations []string // catalog occupation keys
	ExpectedWageFen    int64    // monthly; 0 = no expectation
	AvailableFrom      time.Time
	// Eligible: status 待业, consent to share given and not already placed.
	Eligible     bool
	HomeProvince string // province of the household registration, e.g. "620000"
	// Priority is the household's poverty-alleviation status: 脱贫户 and
	// 监测对象 come first among workers with equal scores.
	Priority Priority
}

// Priority is a worker's poverty-alleviation status as ranking sees it.
// 脱贫户 and 监测对象 rank alike; the distinction is kept for the reason.
type Priority uint8

const (
	NoPriority        Priority = 0 // 一般
	PriorityLifted    Priority = 1 // 脱贫户
	PriorityMonitored Priority = 2 // 监测对象
)

// Label is the status's Chinese name; "" for 一般.
func (p Priority) Label() string {
	switch p {
	case PriorityLifted:
		return "脱贫户"
	case PriorityMonitored:
		return "监测对象"
	default:
		return ""
	}
}

// first reports whether the status puts a worker first among equals.
func (p Priority) first() bool { return p == PriorityLifted || p == PriorityMonitored }

// Room is how many workers one batch (推荐所选, a job fair) may refer to
// the demand now: never more than Left, and never so many that the open
// referrals exceed OverReferral × Left.
func (d Demand) Room() int {
	room := max(d.Left, 0)
	if d.OverReferral > 0 {
		room = min(room, d.OverReferral*d.Left-d.Referred)
	}
	return max(room, 0)
}

// SexRequirement is a demand's sex requirement.
type SexRequirement int

const (
	AnySex     SexRequirement = 0
	MaleOnly   SexRequirement = 1
	FemaleOnly SexRequirement = 2
)

// Demand is what matching needs to know about one labour demand (用工需求).
type Demand struct {
	ID, Title, EmployerName string
	Occupation              string // catalog occupation key
	WorkRegion              string // county code
	Left                    int    // headcount minus filled
	Referred                int    // open referrals (已推荐, 已面试)
	// OverReferral is how many times Left may be open as referrals at
	// once (the office's setting); 0 leaves referrals uncounted.
	OverReferral           int
	Open                   bool  // status open and within its validity
	WageMinFen, WageMaxFen int64 // monthly; 0 = not stated
	AgeMin, AgeMax         int   // 0 = no bound
	Sex                    SexRequirement
	MinLevel               catalog.SkillLevel
	StartDate              time.Time // the date work starts; zero = now
	// PartnerProvinces are the provinces of our partner offices: a worker
	// registered there comes through the cooperation channel and is looked
	// after by both unions, which counts for the location part.
	PartnerProvinces []string
}
