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
