package recommend

import (
	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/match"
)

// workerOf is what matching needs to know about a stored worker. placed
// says the worker has a placement under way.
func workerOf(w *data.Worker, placed bool) match.Worker {
	mw := match.Worker{
		ID:                 w.ID,
		Name:               w.Name,
		Female:             w.Sex == data.Female,
		Birth:              w.Birth.Time(),
		DesiredRegions:     w.DesiredRegions,
		DesiredOccupations: w.DesiredOccupations,
		ExpectedWageFen:    int64(w.ExpectedWage),
		AvailableFrom:      w.AvailableFrom.Time(),
		// Only a 待业 worker who agreed to share the profile with partner
		// offices is put forward; a worker already on a placement's path is
		// that placement's business until it ends.
		Eligible:     !w.Deleted && w.Status == data.WorkerIdle && w.Consent && !placed,
		HomeProvince: provinceOf(w.HukouRegion),
		Priority:     priorityOf(w.Poverty),
	}
	if len(w.Skills) > 0 {
		mw.Skills = make([]match.Skill, len(w.Skills))
		for i, s := range w.Skills {
			mw.Skills[i] = match.Skill{Occupation: s.Occupation, Level: s.Level}
		}
	}
	return mw
}

// priorityOf is the poverty status as ranking sees it: 脱贫户 and 监测对象
// come first among equal scores.
func priorityOf(p data.Poverty) match.Priority {
	switch p {
	case data.PovertyLifted:
		return match.PriorityLifted
	case data.PovertyMonitored:
		return match.PriorityMonitored
	}
	return match.NoPriority
}

// demandOf is what matching needs to know about a stored demand (with its
// employer loaded) on today, under the office's over-referral ratio.
func demandOf(d *data.Demand, today data.Date, partners []string, ratio int) match.Demand {
	md := match.Demand{
		ID:           d.ID,
		Title:        d.Title,
		Occupation:   d.Occupation,
		WorkRegion:   d.WorkRegion,
		Left:         d.Left(),
		Referred:     d.Referred,
		OverReferral: ratio,
		Open:         d.IsOpen(today),
		WageMinFen:   int64(d.WageMin),
		WageMaxFen:   int64(d.WageMax),
		AgeMin:       d.AgeMin,
		AgeMax:       d.AgeMax,
		Sex:          match.SexRequirement(d.SexRequirement),
		MinLevel:     d.MinLevel,
		// A demand records when it is valid from, not a start date: that is
		// the earliest the employer takes anyone on.
		StartDate:        d.ValidFrom.Time(),
		PartnerProvinces: partners,
	}
	if d.Employer != nil {
		md.EmployerName = d.Employer.Name
	}
	return md
}

// provinceOf is the province a region lies in; "" for an unknown code.
func provinceOf(code string) string {
	if _, ok := catalog.RegionByCode(code); !ok {
		return ""
	}
	return code[:2] + "0000"
}

// partnerProvinces are the provinces the cooperation's workers come from:
// this office's when it sends workers, and each pinned partner's unless
// the partner only receives them. A worker registered there comes through
// the cooperation channel, which the location part rewards. A receiving
// office's own province is left out: its local workers are not looked
// after by both unions.
func partnerProvinces(office *data.Office, partners []data.Partner) []string {
	var out []string
	add := func(region string) {
		p := provinceOf(region)
		if p == "" {
			return
		}
		for _, q := range out {
			if q == p {
				return
			}
		}
		out = append(out, p)
	}
	if office != nil && office.Role != data.RoleReceiving {
		add(office.Region)
	}
	for _, p := range partners {
		if p.Role != data.RoleReceiving {
			add(p.Region)
		}
	}
	return out
}
