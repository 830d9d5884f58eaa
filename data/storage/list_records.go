package storage

import (
	"duikou/data"
	"strings"

	"gorm.io/gorm"
)

var employerSorts = map[string]sortKey[data.Employer]{
	"created": {"id", func(e *data.Employer) any { return e.ID }},
	"name":    {"name", func(e *data.Employer) any { return e.Name }},
	"region":  {"region", func(e *data.Employer) any { return e.Region }},
}

func (s *Store) employerQuery(f data.EmployerFilter) *gorm.DB {
	q := s.db.Model(&data.Employer{}).Where("deleted = ?", false)
	if f.Region != "" {
		q = q.Where("region LIKE ?", regionPrefix(f.Region)+"%")
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + likeEscape(t) + "%"
		q = q.Where(`(name `+s.dialect.likeAnyCase()+` ? ESCAPE '\' OR credit_code LIKE ? ESCAPE '\')`, like, "%"+likeEscape(normalizeNumber(t))+"%")
	}
	return q
}

// ListEmployers returns one page of live employers.
func (s *Store) ListEmployers(f data.EmployerFilter, p data.Page) ([]data.Employer, *data.Cursor, error) {
	return list(s.employerQuery(f), employerSorts, "name", p, func(e *data.Employer) string { return e.ID })
}

// CountEmployers counts live employers matching f.
func (s *Store) CountEmployers(f data.EmployerFilter) (int64, error) {
	return countRows(s.employerQuery(f))
}

var demandSorts = map[string]sortKey[data.Demand]{
	"created":     {"id", func(d *data.Demand) any { return d.ID }},
	"title":       {"title", func(d *data.Demand) any { return d.Title }},
	"occ":         {"occupation", func(d *data.Demand) any { return d.Occupation }},
	"headcount":   {"headcount", func(d *data.Demand) any { return d.Headcount }},
	"valid_until": {"valid_until", func(d *data.Demand) any { return d.ValidUntil }},
	"region":      {"work_region", func(d *data.Demand) any { return d.WorkRegion }},
}

func (s *Store) demandQuery(f data.DemandFilter) *gorm.DB {
	q := s.db.Model(&data.Demand{}).Where("deleted = ?", false)
	q = whereIs(q, "employer_id", f.EmployerID)
	q = whereIs(q, "occupation", f.Occupation)
	if f.Region != "" {
		q = q.Where("work_region LIKE ?", regionPrefix(f.Region)+"%")
	}
	q = whereIs(q, "status", f.Status)
	if !f.OpenOn.IsZero() {
		q = q.Where("status = ? AND filled < headcount", data.DemandOpen).
			Where("(valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR valid_until >= ?)", f.OpenOn, f.OpenOn)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + likeEscape(t) + "%"
		op := s.dialect.likeAnyCase()
		q = q.Where(`(title `+op+` ? ESCAPE '\' OR employer_id IN (SELECT id FROM employers WHERE name `+op+` ? ESCAPE '\'))`, like, like)
	}
	return demandsBehind(q, f.Figure) // stats_lists.go
}

// ListDemands returns one page of live demands, each with its employer.
func (s *Store) ListDemands(f data.DemandFilter, p data.Page) ([]data.Demand, *data.Cursor, error) {
	return list(s.demandQuery(f).Preload("Employer"), demandSorts, "created", p, func(d *data.Demand) string { return d.ID })
}

// CountDemands counts live demands matching f.
func (s *Store) CountDemands(f data.DemandFilter) (int64, error) {
	return countRows(s.demandQuery(f))
}

// SumHeadcount adds up the headcount and the filled count of the demands
// matching f.
func (s *Store) SumHeadcount(f data.DemandFilter) (headcount, filled int64, err error) {
	var r struct{ H, F int64 }
	err = s.demandQuery(f).Select("COALESCE(SUM(headcount),0) AS h, COALESCE(SUM(filled),0) AS f").Scan(&r).Error
	return r.H, r.F, err
}

var placementSorts = map[string]sortKey[data.Placement]{
	"created":  {"id", func(p *data.Placement) any { return p.ID }},
	"referred": {"referred_on", func(p *data.Placement) any { return p.ReferredOn }},
	"started":  {"started_on", func(p *data.Placement) any { return p.StartedOn }},
	"stage":    {"stage", func(p *data.Placement) any { return p.Stage }},
}

func (s *Store) placementQuery(f data.PlacementFilter) *gorm.DB {
	q := s.db.Model(&data.Placement{}).Where("deleted = ?", false)
	q = whereIs(q, "worker_id", f.WorkerID)
	q = whereIs(q, "demand_id", f.DemandID)
	q = whereIs(q, "stage", f.Stage)
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + likeEscape(t) + "%"
		q = q.Where(`(worker_id IN (SELECT id FROM workers WHERE name LIKE ? ESCAPE '\') OR demand_id IN (SELECT d.id FROM demands d
			LEFT JOIN employers e ON e.id = d.employer_id WHERE d.title LIKE ? ESCAPE '\' OR e.name LIKE ? ESCAPE '\'))`, like, like, like)
	}
	return placementsBehind(placementByDemand(q, f), f.Figure) // stats_lists.go
}

// ListPlacements returns one page of live placements with worker and demand.
func (s *Store) ListPlacements(f data.PlacementFilter, p data.Page) ([]data.Placement, *data.Cursor, error) {
	return list(s.placementQuery(f).Preload("Worker").Preload("Demand.Employer"), placementSorts, "created", p,
		func(p *data.Placement) string { return p.ID })
}

// CountPlacements counts live placements matching f.
func (s *Store) CountPlacements(f data.PlacementFilter) (int64, error) {
	return countRows(s.placementQuery(f))
}

var followUpSorts = map[string]sortKey[data.FollowUp]{
	"created": {"id", func(f *data.FollowUp) any { return f.ID }},
	"due":     {"due_on", func(f *data.FollowUp) any { return f.DueOn }},
	"kind":    {"kind", func(f *data.FollowUp) any { return f.Kind }},
}

func (s *Store) followUpQuery(f data.FollowUpFilter) *gorm.DB {
	q := s.db.Model(&data.FollowUp{}).Where("deleted = ?", false)
	q = whereIs(q, "worker_id", f.WorkerID)
	q = whereIs(q, "placement_id", f.PlacementID)
	q = whereIs(q, "kind", f.Kind)
	q = whereIs(q, "status", f.Status)
	if !f.OverdueOn.IsZero() {
		q = q.Where("status = ? AND due_on < ?", data.FollowUpOpen, f.OverdueOn)
	}
	if o := s.Office(); o != nil {
		switch f.Responsible {
		case data.ResponsibleMine:
			q = q.Where("responsible_office = ?", o.ID)
		case data.ResponsibleTheirs:
			q = q.Where("responsible_office <> ?", o.ID)
		}
	}
	return followUpsBehind(q, f.Figure) // stats_lists.go
}

// ListFollowUps returns one page of live follow-ups with their worker.
func (s *Store) ListFollowUps(f data.FollowUpFilter, p data.Page) ([]data.FollowUp, *data.Cursor, error) {
	return list(s.followUpQuery(f).Preload("Worker"), followUpSorts, "due", p, func(f *data.FollowUp) string { return f.ID })
}

// CountFollowUps counts live follow-ups matching f.
func (s *Store) CountFollowUps(f data.FollowUpFilter) (int64, error) {
	return countRows(s.followUpQuery(f))
}

// whereIs narrows q to the rows whose column holds v; an empty v (a
// filter left blank) narrows nothing.
func whereIs[V ~string](q *gorm.DB, column string, v V) *gorm.DB {
	if v == "" {
		return q
	}
	return q.Where(column+" = ?", v)
}

// countRows is how many rows q matches.
func countRows(q *gorm.DB) (int64, error) {
	var n int64
	return n, q.Count(&n).Error
}
