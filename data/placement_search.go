package data

import "gorm.io/gorm"

// The 就业安置 list filters by the demand's employer and work place, and by
// a date range, beside the stage. The range means the same as in export
// and print (EachPlacement): the referral or the start date lies in it, so
// what the clerk sees is what the exported sheet holds.

// placementByDemand narrows q by the demand's employer and work region.
func placementByDemand(q *gorm.DB, f PlacementFilter) *gorm.DB {
	if f.EmployerID == "" && f.Region == "" {
		return q
	}
	sub := q.Session(&gorm.Session{NewDB: true}).Model(&Demand{}).Select("id")
	if f.EmployerID != "" {
		sub = sub.Where("employer_id = ?", f.EmployerID)
	}
	if f.Region != "" {
		sub = sub.Where("work_region LIKE ?", regionPrefix(f.Region)+"%")
	}
	return q.Where("demand_id IN (?)", sub)
}

// placementSearch is the list's query: the filter and the date range.
func (s *Store) placementSearch(f PlacementFilter, r DateRange) *gorm.DB {
	q := s.placementQuery(f)
	if !r.IsZero() {
		q = q.Where(s.dateIn("referred_on", r).Or(s.dateIn("started_on", r)))
	}
	return q
}

// ListPlacementsIn returns one page of live placements matching f whose
// referral or start date lies in r, each with its worker and its demand's
// employer.
func (s *Store) ListPlacementsIn(f PlacementFilter, r DateRange, p Page) ([]Placement, *Cursor, error) {
	return list(s.placementSearch(f, r).Preload("Worker").Preload("Demand.Employer"), placementSorts, "created", p,
		func(p *Placement) string { return p.ID })
}

// CountPlacementsIn counts what ListPlacementsIn lists.
func (s *Store) CountPlacementsIn(f PlacementFilter, r DateRange) (int64, error) {
	var n int64
	return n, s.placementSearch(f, r).Count(&n).Error
}

// PlacementFollowUps lists a placement's follow-ups, latest due first,
// for its page (a placement has a handful).
func (s *Store) PlacementFollowUps(placementID string) ([]FollowUp, error) {
	var out []FollowUp
	err := s.followUpQuery(FollowUpFilter{PlacementID: placementID}).Order("due_on DESC, id DESC").Find(&out).Error
	return out, err
}

// StageStep is one stage of a placement's timeline: reached on Date, or
// not reached (zero Date).
type StageStep struct {
	Stage Stage
	Date  Date
}

// Timeline lists the path's stages up to and including the current one
// with their dates; skipped stages (面试 is optional) have no date. An
// ended placement ends with its closing stage only.
func (p *Placement) Timeline() []StageStep {
	steps := []StageStep{
		{StageReferred, p.ReferredOn}, {StageInterviewed, p.InterviewedOn},
		{StageHired, p.HiredOn}, {StageStarted, p.StartedOn},
	}
	if p.Stage.Ended() {
		for len(steps) > 1 && steps[len(steps)-1].Date.IsZero() {
			steps = steps[:len(steps)-1] // stages it never reached
		}
		return append(steps, StageStep{p.Stage, p.EndedOn})
	}
	return steps[:stageRank[p.Stage]+1]
}

// StageDate is the date the placement reached its current stage.
func (p *Placement) StageDate() Date {
	t := p.Timeline()
	return t[len(t)-1].Date
}

// LaterStages are the stages the placement may be moved to from its
// current one, in path order; the Store still checks each move (a stage
// needs the ones before it, 已离职 needs 上岗).
func (p *Placement) LaterStages() []Stage {
	if p.Stage.Ended() {
		return nil
	}
	var out []Stage
	for _, l := range Stages {
		st := Stage(l.Code)
		if stageRank[st] > stageRank[p.Stage] {
			out = append(out, st)
		}
	}
	return out
}

// SetStageDate sets the date of stage st (the closing stages share
// EndedOn).
func (p *Placement) SetStageDate(st Stage, d Date) {
	switch st {
	case StageReferred:
		p.ReferredOn = d
	case StageInterviewed:
		p.InterviewedOn = d
	case StageHired:
		p.HiredOn = d
	case StageStarted:
		p.StartedOn = d
	case StageLeft, StageReturned:
		p.EndedOn = d
	}
}
