package match

import (
	"math/rand/v2"

	"duikou/data/catalog"
)

// Synthetic data for tests and benchmarks: real region codes and catalog
// keys, drawn from a seeded generator so every run sees the same workers.

// gansuCounties are counties of 兰州市 and 定西市, where the workers live
// and where some of them would rather work close to home.
var gansuCounties = []string{"620102", "620103", "620104", "620105", "620111", "620121", "620122", "620123",
	"621102", "621121", "621122", "621123", "621124", "621125", "621126"}

// genRegions are desired regions at every level, and the work counties of
// the generated demands.
var (
	genDesired     = []string{"320000", "320100", "320115", "500000", "320500", "500112", "440000", "620000", "620100"}
	genWorkCounty  = []string{"320115", "320102", "320505", "500112", "620102", "621102"}
	genOccupations = []string{"housekeeper", "cleaner", "nanny", "maternity_nurse", "childcare_worker", "elder_carer",
		"electrician", "welder", "plumber_electrician", "general_worker", "construction_labourer", "courier", "chinese_cook"}
	genSurnames = []string{"李", "王", "张", "刘", "陈", "杨", "赵", "马", "何", "罗"}
	genGiven    = []string{"秀兰", "建国", "丽", "强", "海燕", "红梅", "军", "小平", "桂英", "志刚", "玉珍", "文"}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// genID makes a UUID-shaped ID (36 characters) from the generator.
func genID(rng *rand.Rand) string {
	const hex = "0123456789abcdef"
	var b [36]byte
	hi, lo := rng.Uint64(), rng.Uint64()
	for i, j := 0, 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			b[i] = '-'
			continue
		}
		var n uint64
		if j < 16 {
			n = hi >> (4 * j) & 15
		} else {
			n = lo >> (4 * (j - 16)) & 15
		}
		b[i] = hex[n]
		j++
	}
	return string(b[:])
}

var genToday = date(2026, 11, 28)

func genWorker(rng *rand.Rand) Worker {
	w := Worker{
		ID:       genID(rng),
		Name:     pick(rng, genSurnames) + pick(rng, genGiven),
		Female:   rng.IntN(3) > 0,
		Eligible: rng.IntN(10) < 7,
	}
	if rng.IntN(50) > 0 {
		w.Birth = genToday.AddDate(-18-rng.IntN(42), 0, -rng.IntN(366))
	}
	for range rng.IntN(3) {
		w.Skills = append(w.Skills, Skill{Occupation: pick(rng, genOccupations), Level: catalog.SkillLevel(rng.IntN(4))})
	}
	for range rng.IntN(3) {
		w.DesiredOccupations = append(w.DesiredOccupations, pick(rng, genOccupations))
	}
	for range rng.IntN(3) {
		if rng.IntN(6) == 0 {
			w.DesiredRegions = append(w.DesiredRegions, pick(rng, gansuCounties))
		} else {
			w.DesiredRegions = append(w.DesiredRegions, pick(rng, genDesired))
		}
	}
	if rng.IntN(5) > 0 {
		w.ExpectedWageFen = int64(3000+500*rng.IntN(9)) * 100
	}
	if rng.IntN(2) == 0 {
		w.AvailableFrom = genToday.AddDate(0, 0, rng.IntN(60)-20)
	}
	switch rng.IntN(10) {
	case 0:
		w.HomeProvince = "510000"
	case 1:
	default:
		w.HomeProvince = "620000"
	}
	switch rng.IntN(6) {
	case 0:
		w.Priority = PriorityLifted
	case 1:
		w.Priority = PriorityMonitored
	}
	return w
}

func genDemand(rng *rand.Rand) Demand {
	d := Demand{
		ID:           genID(rng),
		Title:        "岗位",
		EmployerName: "南京某公司",
		Occupation:   pick(rng, genOccupations),
		WorkRegion:   pick(rng, genWorkCounty),
		Left:         1 + rng.IntN(40),
		Open:         true,
		MinLevel:     catalog.SkillLevel(rng.IntN(3)),
	}
	if rng.IntN(4) > 0 {
		d.WageMinFen = int64(3000+500*rng.IntN(4)) * 100
		d.WageMaxFen = d.WageMinFen + int64(500*rng.IntN(6))*100
	}
	switch rng.IntN(4) {
	case 0:
		d.AgeMin, d.AgeMax = 18, 45
	case 1:
		d.AgeMax = 55
	}
	d.Sex = SexRequirement(rng.IntN(5) % 3)
	if rng.IntN(3) > 0 {
		d.StartDate = genToday.AddDate(0, 0, rng.IntN(30)-5)
	}
	if rng.IntN(3) > 0 {
		d.PartnerProvinces = []string{"620000"}
	}
	return d
}

// genWorkers yields n workers from seed, one at a time, so a million of them
// never sit in memory as structs.
func genWorkers(seed uint64, n int) func(yield func(Worker) bool) {
	return func(yield func(Worker) bool) {
		rng := rand.New(rand.NewPCG(seed, 1))
		for range n {
			if !yield(genWorker(rng)) {
				return
			}
		}
	}
}

func genWorkerSlice(seed uint64, n int) []Worker {
	var ws []Worker
	for w := range genWorkers(seed, n) {
		ws = append(ws, w)
	}
	return ws
}

func genDemands(seed uint64, n int) []Demand {
	rng := rand.New(rand.NewPCG(seed, 2))
	ds := make([]Demand, n)
	for i := range ds {
		ds[i] = genDemand(rng)
	}
	return ds
}
