package storage

import (
	"duikou/data"

	"gorm.io/gorm"
)

// The 就业安置 list filters by the demand's employer and work place, and by
// a date range, beside the stage. The range means the same as in export
// and print (EachPlacement): the referral or the start date lies in it, so
// what the clerk sees is what the exported sheet holds.

// placementByDemand narrows q by the demand's employer and work region.
func placementByDemand(q *gorm.DB, f data.PlacementFilter) *gorm.DB {
	if f.EmployerID == "" && f.Region == "" {
		return q
	}
	sub := q.Session(&gorm.Session{NewDB: true}).Model(&data.Demand{}).Select("id")
	if f.EmployerID != "" {
		sub = sub.Where("employer_id = ?", f.EmployerID)
	}
	if f.Region != "" {
		sub = sub.Where("work_region LIKE ?", regionPrefix(f.Region)+"%")
	}
	return q.Where("demand_id IN (?)", sub)
}

// placementSearch is the list's query: the filter and the date range.
func (s *Store) placementSearch(f data.PlacementFilter, r DateRange) *gorm.DB {
	q := s.placementQuery(f)
	if !r.IsZero() {
		q = q.Where(s.dateIn("referred_on", r).Or(s.dateIn("started_on", r)))
	}
	return q
}

// ListPlacementsIn returns one page of live placements matching f whose
// referral or start date lies in r, each with its worker and its demand's
// employer.
func (s *Store) ListPlacementsIn(f data.PlacementFilter, r DateRange, p data.Page) ([]data.Placement, *data.Cursor, error) {
	return list(s.placementSearch(f, r).Preload("Worker").Preload("Demand.Employer"), placementSorts, "created", p,
		func(p *data.Placement) string { return p.ID })
}

// CountPlacementsIn counts what ListPlacementsIn lists.
func (s *Store) CountPlacementsIn(f data.PlacementFilter, r DateRange) (int64, error) {
	return countRows(s.placementSearch(f, r))
}

// PlacementFollowUps lists a placement's follow-ups, latest due first,
// for its page (a placement has a handful).
func (s *Store) PlacementFollowUps(placementID string) ([]data.FollowUp, error) {
	var out []data.FollowUp
	err := s.followUpQuery(data.FollowUpFilter{PlacementID: placementID}).Order("due_on DESC, id DESC").Find(&out).Error
	return out, err
}
