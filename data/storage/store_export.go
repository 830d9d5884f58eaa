package storage

import (
	"duikou/data"

	"gorm.io/gorm"
)

// Whole-list reads for exports and printed lists: every live row matching a
// filter, in creation order (ids are UUIDv7, so id order is creation
// order), read in batches by keyset so that a 100,000-row export holds one
// batch in memory at a time however large the table.

// DateRange bounds a list by a date; a zero end is open.
type DateRange struct {
	From, To data.Date
}

// IsZero reports whether neither end is set.
func (r DateRange) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Contains reports whether d lies in the range, ends included; an unset d
// lies in an open range only.
func (r DateRange) Contains(d data.Date) bool {
	if r.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	return (r.From.IsZero() || !d.Before(r.From)) && (r.To.IsZero() || !d.After(r.To))
}

// exportBatch is how many rows one keyset read fetches.
const exportBatch = 500

// eachRow runs q in batches ordered by id and calls fn for every row; fn
// returning an error stops the walk with that error.
func eachRow[T any, PT interface {
	*T
	data.Record
}](q *gorm.DB, fn func(*T) error) error {
	// A new session, so every batch clones the filter instead of piling
	// conditions onto one shared statement.
	base := q.Session(&gorm.Session{})
	after := ""
	for {
		var rows []T
		if err := base.Where("id > ?", after).Order("id").Limit(exportBatch).Find(&rows).Error; err != nil {
			return err
		}
		for i := range rows {
			if err := fn(&rows[i]); err != nil {
				return err
			}
		}
		if len(rows) < exportBatch {
			return nil
		}
		after = PT(&rows[len(rows)-1]).SyncInfo().ID
	}
}

// EachWorker calls fn for every live worker matching f whose 登记日期
// lies within the range.
func (s *Store) EachWorker(f data.WorkerFilter, registered DateRange, fn func(*data.Worker) error) error {
	q := s.workerQuery(f)
	if !registered.IsZero() {
		q = q.Where(s.dateIn("registered_on", registered))
	}
	return eachRow[data.Worker](q, fn)
}

// EachEmployer calls fn for every live employer matching f.
func (s *Store) EachEmployer(f data.EmployerFilter, fn func(*data.Employer) error) error {
	return eachRow[data.Employer](s.employerQuery(f), fn)
}

// EachDemand calls fn for every live demand matching f, with its employer.
func (s *Store) EachDemand(f data.DemandFilter, fn func(*data.Demand) error) error {
	return eachRow[data.Demand](s.demandQuery(f).Preload("Employer"), fn)
}

// EachPlacement calls fn for every live placement matching f whose referral
// or start date lies in the range, with its worker and its demand's
// employer.
func (s *Store) EachPlacement(f data.PlacementFilter, r DateRange, fn func(*data.Placement) error) error {
	q := s.placementQuery(f)
	if !r.IsZero() {
		q = q.Where(s.dateIn("referred_on", r).Or(s.dateIn("started_on", r)))
	}
	return eachRow[data.Placement](q.Preload("Worker").Preload("Demand.Employer"), fn)
}

// EachFollowUp calls fn for every live follow-up matching f that falls due
// within the range, with its worker and, when it is on a placement, the
// placement's demand and employer.
func (s *Store) EachFollowUp(f data.FollowUpFilter, due DateRange, fn func(*data.FollowUp) error) error {
	q := s.followUpQuery(f)
	if !due.IsZero() {
		q = q.Where(s.dateIn("due_on", due))
	}
	return eachRow[data.FollowUp](q.Preload("Worker").Preload("Placement.Demand.Employer"), fn)
}

// dateIn is a condition that column lies in r (both ends inclusive), for
// grouping inside a Where.
func (s *Store) dateIn(column string, r DateRange) *gorm.DB {
	q := s.db
	if !r.From.IsZero() {
		q = q.Where(column+" >= ?", r.From)
	}
	if !r.To.IsZero() {
		q = q.Where(column+" <= ?", r.To)
	}
	return q
}
