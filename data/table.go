package data

// Table names a stored table of records that travel between offices. It
// is the name in the op log, in exchange files and in change notices, so
// the constants are the one spelling of each.
type Table string

// The synced tables.
const (
	TableWorkers    Table = "workers"
	TableEmployers  Table = "employers"
	TableDemands    Table = "demands"
	TablePlacements Table = "placements"
	TableFollowUps  Table = "follow_ups"
	TableClaims     Table = "subsidy_claims"
)

// Change tells listeners that a committed write touched one row, or
// (Replaced) that every table was replaced at once: another desktop of a
// PostgreSQL office restored the database from a backup, so any row may
// differ and what a listener holds must be read again in full.
type Change struct {
	Table    Table
	ID       string
	Deleted  bool
	Replaced bool
}
