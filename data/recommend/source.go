package recommend

import "duikou/data"

// Source is what the Matcher reads its rows from and follows: the Store
// (data/storage) in the program, anything that holds the records in a
// test. Reads are by id or streamed, so the index never asks for SQL.
type Source interface {
	Today() data.Date
	Office() *data.Office
	Partners() ([]data.Partner, error)
	// OverReferralRatio is the 设置 that caps open referrals per demand.
	OverReferralRatio() int
	// OnChange delivers every committed write (the index marks the row
	// dirty and reloads it before the next query).
	OnChange(func(data.Change))
	// EachWorkerForMatching streams every live worker with the fields
	// matching reads; EachDemand streams the demands a filter keeps.
	EachWorkerForMatching(func(*data.Worker) error) error
	// MatchSnapshot names the file beside the database where the index
	// may be kept between runs ("" when there is none, e.g. a server
	// database) and the stamp of the records it must match: it changes
	// with every write of a worker or placement.
	MatchSnapshot() (path, stamp string, err error)
	EachDemand(data.DemandFilter, func(*data.Demand) error) error
	Worker(id string) (*data.Worker, error)
	Demand(id string) (*data.Demand, error)
	WorkersByID(ids []string) ([]data.Worker, error)
	DemandsByID(ids []string) ([]data.Demand, error)
	// ActivelyPlaced tells which of the workers (all, for nil) have a
	// placement under way.
	ActivelyPlaced(workerIDs []string) (map[string]bool, error)
	// PlacementParties are the workers and demands of placements;
	// DemandIDsOfEmployers the demands of employers (their name shows).
	PlacementParties(ids []string) (workerIDs, demandIDs []string, err error)
	DemandIDsOfEmployers(employerIDs []string) ([]string, error)
	// CreateAll stores the referrals of an allocation, all or none.
	CreateAll(recs []data.Record, name func(i int) string) error
}
