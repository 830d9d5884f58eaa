package demo

import (
	"testing"

	"duikou/data"
)

// However many placements the demo plans (a 20,000-worker demo plans far
// more referrals than 55 employers' demands may hold open), no demand gets
// more open referrals than the over-referral limit allows on the headcount
// it has left once the demo has filled its share; the rest go home.
// Before the limit was respected, `duikou demo --workers 20000` failed.
func TestPlannedReferralsStayWithinTheLimit(t *testing.T) {
	g := newGen(1, data.MakeDate(2026, 12, 6))
	var demands []*data.Demand
	for i, h := range []int{1, 2, 3, 5, 8, 13, 30} {
		demands = append(demands, &data.Demand{Synced: data.Synced{ID: string(rune('a' + i))}, Headcount: h})
	}
	plans := g.planPlacements(demands, 2000)
	open, filled := map[*data.Demand]int{}, map[*data.Demand]int{}
	returned := 0
	for _, p := range plans {
		switch s := p.p.Stage; {
		case s.Referral():
			open[p.demand]++
		case s.FillsPosition():
			filled[p.demand]++
		case s == data.StageReturned:
			returned++
		}
	}
	for _, d := range demands {
		left := d.Headcount - filled[d]
		if open[d] > data.DefaultOverReferral*left {
			t.Fatalf("demand of %d: %d filled, %d referrals open, limit %d", d.Headcount, filled[d], open[d], data.DefaultOverReferral*left)
		}
	}
	if returned < 1500 {
		t.Fatalf("only %d of 2000 went home: the plan should have run out of room", returned)
	}
}
