package recommend

import (
	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/match"
)

// NewForDemand is a Matcher for one ranking of one demand's best k
// workers, as `duikou match --demand` asks, without indexing every
// worker. A worker who holds or wishes for no 工种 related to the demand's
// is 不推荐 whatever else fits (match.bandOf), so when the workers who do
// hold one fill the top k with 可考虑 or better, nobody else can enter it:
// the index of those workers alone gives exactly the full index's top k,
// tie-breaks and tie notes included. When they do not (a rare 工种, a
// demand almost nobody fits), it builds the full index as New does.
//
// The result answers that demand's ranking and the Demand and
// DemandClosed questions; for anything else (another demand, TopDemands,
// a job fair, a long-lived window) use New.
func NewForDemand(s Source, demandID string, k int) (*Matcher, error) {
	d, err := s.Demand(demandID)
	if err != nil {
		return nil, err
	}
	keys := relatedOccupations(d.Occupation)
	m, err := build(s, func(fn func(*data.Worker) error) error {
		return s.EachAvailableWorkerHolding(keys, fn)
	})
	if err != nil {
		return nil, err
	}
	md, ok := m.ix.Demand(demandID)
	if !ok || !md.Open || md.Left <= 0 {
		return m, nil // no candidates either way
	}
	ranked, err := m.TopWorkers(demandID, k)
	if err != nil {
		return nil, err
	}
	if len(ranked) == k && ranked[k-1].Band >= match.Consider {
		return m, nil
	}
	return New(s)
}

// relatedOccupations are the occupations whose holders or wishers earn an
// occupation part above zero for a demand of occupation occ: occ itself
// and every catalog 工种 related to it.
func relatedOccupations(occ string) []string {
	keys := []string{occ}
	for _, o := range catalog.Occupations() {
		if o.Key != occ && catalog.Relatedness(o.Key, occ) > 0 {
			keys = append(keys, o.Key)
		}
	}
	return keys
}
