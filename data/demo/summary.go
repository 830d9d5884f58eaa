package demo

import (
	"duikou/data"
	"duikou/data/storage"
)

// Summary counts what a demo database holds, for the command's report.
type Summary struct {
	Office     string
	Workers    int64
	Employers  int64
	Demands    int64 // open demands
	Positions  int64 // their headcount
	Placements int64
	FollowUps  int64
	Overdue    int64 // open follow-ups due before today
}

// Summarize counts the live records of s, taking today as the day for
// overdue follow-ups.
func Summarize(s *storage.Store, today data.Date) (Summary, error) {
	var sum Summary
	if o := s.Office(); o != nil {
		sum.Office = o.Name
	}
	open := data.DemandFilter{Status: data.DemandOpen}
	steps := []func() error{
		func() (err error) { sum.Workers, err = s.CountWorkers(data.WorkerFilter{}); return },
		func() (err error) { sum.Employers, err = s.CountEmployers(data.EmployerFilter{}); return },
		func() (err error) { sum.Demands, err = s.CountDemands(open); return },
		func() (err error) { sum.Positions, _, err = s.SumHeadcount(open); return },
		func() (err error) { sum.Placements, err = s.CountPlacements(data.PlacementFilter{}); return },
		func() (err error) { sum.FollowUps, err = s.CountFollowUps(data.FollowUpFilter{}); return },
		func() (err error) { sum.Overdue, err = s.CountFollowUps(data.FollowUpFilter{OverdueOn: today}); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return Summary{}, err
		}
	}
	return sum, nil
}
