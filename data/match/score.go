package match

import (
	"math"
	"time"

	"duikou/data/catalog"
)

// Weights of the parts; they sum to 1 so the score is in [0,1].
//
// Occupation weighs most because it decides whether the worker can do the
// job at all. Location comes next: a worker who wants to go to Jiangsu will
// not take a job in Chongqing, and the partner channel is what the union's
// follow-up rests on. Skill level and wage matter to the employer and the
// worker respectively and are often negotiable, so they weigh the same.
// The availability date moves least: a few days' delay is usually arranged.
const (
	WeightOccupation   = 0.40
	WeightLocation     = 0.20
	WeightSkill        = 0.15
	WeightWage         = 0.15
	WeightAvailability = 0.10
)

// Values inside the parts.
const (
	// SameProvinceFit is the location fit when the work county is not in a
	// desired region but in the same province as one: the worker is already
	// going that way.
	SameProvinceFit = 0.5
	// NoDesiredRegionFit is the fit for a worker who named no region: not
	// ruled out, but below one who asked for the place.
	NoDesiredRegionFit = 0.5
	// PartnerShare of the location part is earned by a worker registered in
	// one of the demand's partner provinces; the rest is the region fit.
	// When the demand names no partner province the fit takes it all.
	PartnerShare = 0.25
	// WageFloorRatio: a wage at this fraction of the expectation or below
	// earns nothing; from there it rises linearly to full at the expectation.
	WageFloorRatio = 0.6
	// WishShare of the relatedness is earned by an occupation the worker
	// only wishes for (意向工种) and does not hold as a skill: a wish is
	// worth considering, but a worker who has done the job (and usually
	// holds its certificate) comes first.
	WishShare = 0.8
	// UnknownWageValue is the wage part of a demand that states no wage.
	UnknownWageValue = 0.5
	// LateDaysToZero: each day the worker can start after the work starts
	// costs 1/LateDaysToZero of the availability part, so a month late
	// earns nothing.
	LateDaysToZero = 30
)

// Part is one weighted component of a score.
type Part struct {
	Name   string  // 工种, 技能等级, 工作地点, 工资, 到岗时间
	Weight float64 // its weight, one of the Weight constants
	Value  float64 // how well it is met, in [0,1]
	Reason string  // why, for the clerk
}

// Points is the part's contribution to the score.
func (p Part) Points() float64 { return p.Weight * p.Value }

// Result is a scored and explained worker-demand pair.
type Result struct {
	Score   float64 // sum of the parts' points, rounded to a millionth
	Band    Band
	Parts   []Part
	Matched []string // facts fully met, then TieNote if any
	Missing []string // facts where points were lost, then BandNote if any
	// BandNote says which 强匹配 conditions held a pair at 可考虑 although
	// its score reaches StrongThreshold, e.g. "未评为强匹配：意向地区不含工作地";
	// "" otherwise. It is also the last entry of Missing.
	BandNote string
	// TieNote says which tie-break placed the worker ahead of an equal
	// score in a ranking ("同分优先：脱贫户", "同分优先：待业最久"); see
	// Index.TopWorkers. Score never sets it. It is also the last entry of
	// Matched.
	TieNote string
}

// Score rates worker w for demand d on today. It does not apply the hard
// filters: call Eligible first (the index and Allocate do).
func Score(w Worker, d Demand, today time.Time) Result {
	return evaluate(w, d, today).result(w, d)
}

// evaluation holds the part values of a pair and what the reasons need to
// name, without formatting any text: Allocate scores every pair with it and
// only the shown ones are explained.
type evaluation struct {
	occ, skill, loc, wage, avail float64
	score                        float64
	band                         Band
	hold                         hold // the 强匹配 conditions missed

	occFrom      string // the worker's occupation that earned occ
	occFromSkill bool   // it is a held skill, not only a wish
	level        catalog.SkillLevel
	fit          float64
	fitRegion    string // the desired region that earned fit
	partnerHome  bool
	offer        int64
	availDay     day
	startDay     day // effective: not before today
	today        day
}

func evaluate(w Worker, d Demand, today time.Time) evaluation {
	var e evaluation
	for _, s := range w.Skills {
		r := catalog.Relatedness(s.Occupation, d.Occupation)
		if r > e.occ {
			e.occ, e.occFrom, e.occFromSkill = r, s.Occupation, true
		}
		if s.Occupation == d.Occupation && s.Level > e.level {
			e.level = s.Level
		}
	}
	for _, o := range w.DesiredOccupations {
		if r := wished(catalog.Relatedness(o, d.Occupation)); r > e.occ {
			e.occ, e.occFrom, e.occFromSkill = r, o, false
		}
	}
	e.skill = skillValue(e.level, d.MinLevel)

	if len(w.DesiredRegions) == 0 {
		e.fit = NoDesiredRegionFit
	}
	for _, r := range w.DesiredRegions {
		f := regionFit(d.WorkRegion, r)
		// Prefer the most specific region among equal fits: "意向南京市"
		// says more than "意向江苏省".
		if f > e.fit || (f == e.fit && f > 0 && regionLevel(r) > regionLevel(e.fitRegion)) {
			e.fit, e.fitRegion = f, r
		}
	}
	e.partnerHome = inPartnerProvince(w.HomeProvince, d.PartnerProvinces)
	e.loc = locationValue(e.fit, len(d.PartnerProvinces) > 0, e.partnerHome)

	e.offer = wageOffer(d)
	e.wage = wageValue(e.offer, w.ExpectedWageFen)

	now := dayOf(today)
	e.today = now
	e.startDay = max(dayOf(d.StartDate), now)
	e.availDay = max(dayOf(w.AvailableFrom), now)
	late := e.availDay - e.startDay
	e.avail = availabilityValue(late)

	e.score = total(e.occ, e.skill, e.loc, e.wage, e.avail)
	e.hold = holdOf(e.occ, e.loc, late)
	e.band = bandOf(e.score, e.occ, e.hold)
	return e
}

// The functions below are the whole arithmetic of the score. The index's
// hot loop calls the same ones, so its numbers equal Score's exactly.

// total weighs the parts and rounds to a millionth, so that scores compare
// exactly, band thresholds are not missed by a rounding error, and the
// allocator's integer weights (micros) are exact.
func total(occ, skill, loc, wage, avail float64) float64 {
	s := WeightOccupation*occ + WeightSkill*skill + WeightLocation*loc +
		WeightWage*wage + WeightAvailability*avail
	return min(1, max(0, math.Round(s*1e6)/1e6))
}

// wished is the occupation value of a wish with relatedness r. Rounded to
// a millionth so that the index and Score agree exactly.
func wished(r float64) float64 { return math.Round(r*WishShare*1e6) / 1e6 }

// micros is a score in whole millionths.
func micros(score float64) int64 { return int64(math.Round(score * 1e6)) }

// skillValue: full when the demand asks no level or the worker reaches it,
// otherwise the fraction of the required level reached.
func skillValue(level, minimum catalog.SkillLevel) float64 {
	if minimum <= catalog.LevelNone || level >= minimum {
		return 1
	}
	return float64(level) / float64(minimum)
}

// regionFit of one desired region for a work county.
func regionFit(work, desired string) float64 {
	if catalog.Inside(work, desired) {
		return 1
	}
	if p := provinceOf(work); p != "" && p == provinceOf(desired) {
		return SameProvinceFit
	}
	return 0
}

func locationValue(fit float64, partnerListed, partnerHome bool) float64 {
	if !partnerListed {
		return fit
	}
	v := (1 - PartnerShare) * fit
	if partnerHome {
		v += PartnerShare
	}
	return v
}

// regionLevel is 1 for a province, 2 for a city, 3 for a county, 0 unknown.
func regionLevel(code string) catalog.RegionLevel {
	r, _ := catalog.RegionByCode(code)
	return r.Level
}

// provinceOf is the code of the province a region lies in; "" if unknown.
// GB/T 2260 codes nest, so a known code's province is its first two digits
// followed by zeros (the same rule catalog.Inside rests on); this is one
// lookup where catalog.Chain would walk and allocate, and Allocate asks it
// for every pair.
func provinceOf(code string) string {
	if _, ok := catalog.RegionByCode(code); !ok {
		return ""
	}
	return code[:2] + "0000"
}

func inPartnerProvince(home string, partners []string) bool {
	p := provinceOf(home)
	if p == "" {
		return false
	}
	for _, q := range partners {
		if provinceOf(q) == p {
			return true
		}
	}
	return false
}

// wageOffer is the demand's upper wage, or its lower one when no upper is
// given; 0 when it states none.
func wageOffer(d Demand) int64 {
	if d.WageMaxFen > 0 {
		return d.WageMaxFen
	}
	return max(d.WageMinFen, 0)
}

func wageValue(offer, expected int64) float64 {
	switch {
	case expected <= 0:
		return 1
	case offer <= 0:
		return UnknownWageValue
	case offer >= expected:
		return 1
	}
	r := float64(offer) / float64(expected)
	return max(0, (r-WageFloorRatio)/(1-WageFloorRatio))
}

func availabilityValue(late day) float64 {
	if late <= 0 {
		return 1
	}
	return max(0, 1-float64(late)/LateDaysToZero)
}
