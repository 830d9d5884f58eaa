package data

// ListFilter is the filter of a list screen handed to an export or a
// printed list, so that what leaves the program is what the clerk sees:
// only the field of the list's own kind is read, the others stay zero.
type ListFilter struct {
	Workers    WorkerFilter
	Employers  EmployerFilter
	Demands    DemandFilter
	Placements PlacementFilter
	FollowUps  FollowUpFilter
}

// EmployerFilter narrows the employer list.
type EmployerFilter struct {
	Region string // inside this region (any level)
	Text   string // name or credit code
}

// DemandFilter narrows the demand list.
type DemandFilter struct {
	EmployerID string
	Occupation string
	Region     string // work place inside this region (any level)
	Status     DemandStatus
	// OpenOn keeps demands recruiting on that day with headcount left.
	OpenOn Date
	Text   string // title or employer name
	// Figure keeps the demands behind a 统计报表 figure (figure.go).
	Figure Figure
}

// PlacementFilter narrows the placement list.
type PlacementFilter struct {
	WorkerID string
	DemandID string
	Stage    Stage
	// EmployerID and Region (the work place, any level) narrow by the
	// demand; see placement_search.go.
	EmployerID string
	Region     string
	// Figure keeps the placements behind a 统计报表 figure (figure.go).
	Figure Figure
}

// FollowUpFilter narrows the follow-up list.
type FollowUpFilter struct {
	WorkerID    string
	PlacementID string
	Kind        FollowUpKind
	Status      FollowUpStatus
	// OverdueOn keeps open items due before that day.
	OverdueOn Date
	// Responsible keeps 我方负责 or 对方负责 items.
	Responsible Responsibility
	// Figure keeps the follow-ups behind a 统计报表 figure (figure.go).
	Figure Figure
}

// Responsibility filters follow-ups by the office that owns them.
type Responsibility int

const (
	ResponsibleAny    Responsibility = iota
	ResponsibleMine                  // 我方负责
	ResponsibleTheirs                // 对方负责
)

// WorkerFilter narrows the worker list; zero fields do not filter.
type WorkerFilter struct {
	Region     string // household registration inside this region (any level)
	Occupation string // holds this 工种 (catalog key)
	Status     WorkerStatus
	Poverty    Poverty
	// Text matches the name, the ID number or the phone (any part).
	Text string
	// Figure keeps the workers behind a 统计报表 figure (figure.go).
	Figure Figure
}
