package recommend

import (
	"fmt"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/match"
)

// Ranked is one row of a match, best first: a worker ranked for a demand
// (WorkerID set) or a demand ranked for a worker (DemandID set). The JSON
// of the match subcommand is this struct's; the screen shows the same
// fields, so both give the same ranking by construction.
type Ranked struct {
	WorkerID string `json:"worker_id,omitempty"`
	DemandID string `json:"demand_id,omitempty"`
	// Name is the worker's name, or the demand's employer and title
	// ("南京悦家家政服务有限公司·住家保姆").
	Name      string   `json:"name"`
	Score     float64  `json:"score"`   // in [0,1], to a millionth
	BandLabel string   `json:"band"`    // 强匹配, 可考虑 or 不推荐
	Reasons   []string `json:"reasons"` // what the pair meets
	Missing   []string `json:"missing"` // where it lost points

	// For the screen; not part of the JSON.
	Band     match.Band   `json:"-"`
	Employer string       `json:"-"` // a demand's employer
	Title    string       `json:"-"` // a demand's title
	Parts    []match.Part `json:"-"` // the five weighted parts with their reasons
}

func rankedOf(r match.Result) Ranked {
	return Ranked{
		Score:     r.Score,
		BandLabel: r.Band.Label(),
		Reasons:   nonNil(r.Matched),
		Missing:   nonNil(r.Missing),
		Band:      r.Band,
		Parts:     r.Parts,
	}
}

// nonNil keeps an empty list a list ([] in the JSON, not null).
func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// DemandName names a demand for a clerk: its employer and title, or the
// 工种 when it has no title.
func DemandName(d match.Demand) string {
	title := d.Title
	if title == "" {
		title = occupationName(d.Occupation)
	}
	if d.EmployerName == "" {
		return title
	}
	return d.EmployerName + "·" + title
}

// occupationName is catalog.OccupationName, under the name this package reads.
var occupationName = catalog.OccupationName

// TopWorkers ranks the eligible workers for a demand and returns the best
// k, best first: band, then score; among equal scores 脱贫户 and 监测对象
// first, then the longest waiting, then registration order (see
// match.Index.TopWorkers). A closed or
// filled demand has none (DemandClosed says why). An unknown or deleted
// demand is data.ErrNotFound.
func (m *Matcher) TopWorkers(demandID string, k int) ([]Ranked, error) {
	today, err := m.refresh()
	if err != nil {
		return nil, err
	}
	d, ok := m.ix.Demand(demandID)
	if !ok {
		return nil, fmt.Errorf("用工需求 %s：%w", demandID, data.ErrNotFound)
	}
	cs := m.ix.TopWorkers(d, k, today.Time())
	out := make([]Ranked, len(cs))
	for i, c := range cs {
		out[i] = rankedOf(c.Result)
		out[i].WorkerID, out[i].Name = c.WorkerID, c.Name
	}
	return out, nil
}

// TopDemands ranks the open demands a worker is eligible for and returns
// the best k, best first. A worker who cannot be put forward has none
// (WorkerUnavailable says why). An unknown or deleted worker is
// data.ErrNotFound.
func (m *Matcher) TopDemands(workerID string, k int) ([]Ranked, error) {
	today, err := m.refresh()
	if err != nil {
		return nil, err
	}
	w, ok := m.ix.Worker(workerID)
	if !ok {
		return nil, fmt.Errorf("劳动者 %s：%w", workerID, data.ErrNotFound)
	}
	cs := m.ix.TopDemands(w, k, today.Time())
	out := make([]Ranked, len(cs))
	for i, c := range cs {
		out[i] = rankedOf(c.Result)
		d := match.Demand{Title: c.Title, EmployerName: c.EmployerName}
		if full, ok := m.ix.Demand(c.DemandID); ok {
			d = full
		}
		out[i].DemandID, out[i].Name = c.DemandID, DemandName(d)
		out[i].Employer, out[i].Title = c.EmployerName, c.Title
	}
	return out, nil
}

// Worker is a worker as the index holds it, after bringing it up to date.
func (m *Matcher) Worker(id string) (match.Worker, bool, error) {
	if _, err := m.refresh(); err != nil {
		return match.Worker{}, false, err
	}
	w, ok := m.ix.Worker(id)
	return w, ok, nil
}

// Demand is a demand as the index holds it, after bringing it up to date.
func (m *Matcher) Demand(id string) (match.Demand, bool, error) {
	if _, err := m.refresh(); err != nil {
		return match.Demand{}, false, err
	}
	d, ok := m.ix.Demand(id)
	return d, ok, nil
}

// WorkerUnavailable says why a worker is not put forward for any demand,
// or "" when the worker is. An unknown or deleted worker is
// data.ErrNotFound.
func (m *Matcher) WorkerUnavailable(id string) (string, error) {
	w, err := m.s.Worker(id)
	if err != nil {
		return "", err
	}
	placed, err := m.s.ActivelyPlaced([]string{id})
	if err != nil {
		return "", err
	}
	switch {
	case placed[id]:
		return "该劳动者有进行中的就业安置", nil
	case w.Status != data.WorkerIdle:
		return "该劳动者状态为" + w.Status.Label() + "，只推荐待业的劳动者", nil
	case !w.Consent:
		return "该劳动者未同意向合作单位共享信息", nil
	}
	return "", nil
}

// DemandClosed says why a demand takes no one now, or "" when it is
// recruiting with headcount left. An unknown or deleted demand is
// data.ErrNotFound.
func (m *Matcher) DemandClosed(id string) (string, error) {
	d, err := m.s.Demand(id)
	if err != nil {
		return "", err
	}
	today := m.s.Today()
	switch {
	case d.Status != data.DemandOpen:
		return "该用工需求状态为" + d.Status.Label(), nil
	case d.Left() <= 0:
		return fmt.Sprintf("该用工需求已招满（%d人）", d.Headcount), nil
	case !d.ValidFrom.IsZero() && today.Before(d.ValidFrom):
		return "该用工需求自" + d.ValidFrom.String() + "起有效", nil
	case !d.ValidUntil.IsZero() && today.After(d.ValidUntil):
		return "该用工需求已于" + d.ValidUntil.String() + "过期", nil
	}
	return "", nil
}
