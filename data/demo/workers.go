package demo

import (
	"fmt"
	"strings"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
)

// occProfile is how a 工种 shows up among the registered workers.
type occProfile struct {
	key       string
	weight    int     // share of workers holding it as their main skill
	female    float64 // share of women
	wage      int     // typical expected monthly wage, yuan
	course    string  // training course before going out, "" for the general one
	certified bool    // usually held with a certificate
}

// occProfiles: domestic service and elderly care lead, as in the Gansu
// cooperation; then factory, building, catering and delivery work.
var occProfiles = []occProfile{
	{"housekeeper", 180, 0.95, 5500, "家政服务员培训班", false},
	{"maternity_nurse", 60, 1, 9000, "母婴护理员（月嫂）培训班", true},
	{"nanny", 60, 1, 6500, "育婴员培训班", true},
	{"elder_carer", 100, 0.8, 5200, "养老护理员培训班", false},
	{"medical_carer", 30, 0.7, 5500, "医疗护理员培训班", false},
	{"health_caregiver", 10, 0.8, 6000, "健康照护师培训班", true},
	{"cleaner", 60, 0.7, 4000, "保洁员培训班", false},
	{"security_guard", 50, 0.05, 4500, "保安员培训班", false},
	{"electrician", 30, 0.03, 6500, "电工作业人员培训班", true},
	{"property_manager", 8, 0.5, 5000, "", false},
	{"landscaper", 10, 0.4, 4200, "", false},
	{"general_worker", 90, 0.45, 5000, "", false},
	{"electronics_assembler", 50, 0.55, 5200, "电子装接工培训班", false},
	{"quality_inspector", 10, 0.6, 5200, "", false},
	{"packer", 15, 0.6, 4600, "", false},
	{"assembler", 30, 0.3, 5500, "", false},
	{"welder", 30, 0.02, 7500, "焊工培训班", true},
	{"cnc_operator", 10, 0.1, 6500, "数控车工培训班", true},
	{"forklift_driver", 15, 0.02, 6000, "叉车司机培训班", true},
	{"construction_labourer", 50, 0.1, 6500, "", false},
	{"rebar_worker", 20, 0.02, 8000, "钢筋工培训班", false},
	{"carpenter", 12, 0.02, 8500, "木工培训班", true},
	{"bricklayer", 15, 0.05, 8000, "砌筑工培训班", false},
	{"chinese_cook", 30, 0.25, 6500, "中式烹调师培训班", true},
	{"chinese_pastry_cook", 30, 0.2, 6500, "兰州牛肉拉面技能培训班", true},
	{"waiter", 30, 0.6, 4500, "餐厅服务员培训班", false},
	{"kitchen_helper", 15, 0.6, 4300, "", false},
	{"dishwasher", 8, 0.7, 4000, "", false},
	{"courier", 30, 0.08, 7000, "", false},
	{"sorter", 20, 0.4, 5500, "", false},
	{"delivery_rider", 30, 0.1, 7000, "网约配送员安全培训", false},
	{"loader", 15, 0.03, 6000, "", false},
	{"food_processor", 15, 0.6, 5000, "", false},
	{"warehouse_keeper", 5, 0.4, 5200, "", false},
	{"crop_grower", 15, 0.5, 4000, "", false},
	{"truck_driver", 8, 0, 8000, "", true},
}

var (
	profileByKey = func() map[string]occProfile {
		m := map[string]occProfile{}
		for _, p := range occProfiles {
			m[p.key] = p
		}
		return m
	}()
	profileTable = func() *table[occProfile] {
		var ws []weighted[occProfile]
		for _, p := range occProfiles {
			ws = append(ws, weighted[occProfile]{p, p.weight})
		}
		return newTable(ws)
	}()
	countyTable = func() *table[int] {
		var ws []weighted[int]
		for i, c := range gansuCounties {
			ws = append(ws, weighted[int]{i, c.weight})
		}
		return newTable(ws)
	}()
	// ageTable: migrant workers are mostly 30 to 50.
	ageTable = func() *table[int] {
		var ws []weighted[int]
		for a := minAge; a <= maxAge; a++ {
			w := 10
			switch {
			case a < 25:
				w = 3
			case a < 30:
				w = 6
			case a > 55:
				w = 2
			case a > 50:
				w = 5
			}
			ws = append(ws, weighted[int]{a, w})
		}
		return newTable(ws)
	}()
	educationTable = newTable([]weighted[data.Education]{
		{"none", 2}, {"primary", 12}, {"junior", 45}, {"senior", 18}, {"vocational", 13}, {"college", 8}, {"bachelor", 2},
	})
	povertyTable = newTable([]weighted[data.Poverty]{
		{data.PovertyGeneral, 65}, {data.PovertyLifted, 30}, {data.PovertyMonitored, 5},
	})
	levelTable = newTable([]weighted[catalog.SkillLevel]{
		{catalog.LevelNone, 30}, {catalog.Level5, 35}, {catalog.Level4, 25}, {catalog.Level3, 8}, {catalog.Level2, 2},
	})
	certifiedLevelTable = newTable([]weighted[catalog.SkillLevel]{
		{catalog.LevelNone, 8}, {catalog.Level5, 40}, {catalog.Level4, 37}, {catalog.Level3, 12}, {catalog.Level2, 3},
	})
	desiredTable = newTable([]weighted[[]string]{
		{[]string{nanjing}, 45}, {[]string{jiangsu}, 20}, {nil, 15}, // nil: a Nanjing district
		{[]string{jiangsu, zhejiang}, 7}, {[]string{guangdong}, 5}, {[]string{zhejiang}, 5}, {[]string{jiangsu, guangdong}, 3},
	})
	trainingProviders = []string{"兰州市总工会职工技能培训中心", "定西市总工会", "甘肃省总工会", "南京市总工会（送培训到甘肃）", "%s职业技术教育中心"}
	workerNotes       = []string{"参加甘肃专场招聘会报名", "村劳务经纪人推荐", "曾在南京务工两年", "家有老人需照顾，希望春节回家", "希望与同乡一起外出"}
)

// Ages of the registered workers.
const (
	minAge = 18
	maxAge = 58
)

// idAllocator hands out ID sequence codes so that no two workers share an
// ID number, even at a million: one counter per (county, sex, birth date),
// and within a cell the codes follow a fixed stride through 0..498 so they
// look scattered rather than 001, 003, 005.
type idAllocator struct {
	earliest data.Date
	days     int
	used     []uint16
}

// seqCodes is how many codes MakeID has per sex (it wraps women at 499).
const seqCodes = 499

func newIDAllocator(today data.Date) *idAllocator {
	earliest := addYears(today, -(maxAge + 1)).AddDays(1)
	days := earliest.DaysUntil(today) + 1
	return &idAllocator{earliest: earliest, days: days, used: make([]uint16, len(gansuCounties)*2*days)}
}

// take reserves a sequence code for the cell, or reports the cell full.
func (a *idAllocator) take(countyIdx int, female bool, birth data.Date) (int, bool) {
	sex := 0
	if female {
		sex = 1
	}
	cell := (countyIdx*2+sex)*a.days + a.earliest.DaysUntil(birth)
	k := int(a.used[cell])
	if k >= seqCodes {
		return 0, false
	}
	a.used[cell]++
	step := 1 + cell*7919%(seqCodes-1) // 1..498: coprime to the prime 499
	return (cell*104729 + k*step) % seqCodes, true
}

// birthFor draws a birth date giving an age in [lo, hi] today.
func (g *gen) birthFor(lo, hi int) data.Date {
	age := ageTable.draw(g)
	for tries := 0; (age < lo || age > hi) && tries < 20; tries++ {
		age = ageTable.draw(g)
	}
	if age < lo || age > hi {
		age = g.between(lo, hi)
	}
	latest := addYears(g.today, -age)                    // turns age today
	earliest := addYears(g.today, -(age + 1)).AddDays(1) // turns age+1 tomorrow
	return earliest.AddDays(g.intn(earliest.DaysUntil(latest) + 1))
}

// newWorker draws a worker; for a worker who is to be placed, target is the
// demand, and the worker fits it (工种, sex, age, level, region, wage).
func (g *gen) newWorker(ids *idAllocator, target *data.Demand) *data.Worker {
	ci := countyTable.draw(g)
	c := gansuCounties[ci]
	prof := profileTable.draw(g)
	if target != nil {
		prof = profileByKey[target.Occupation]
		if prof.key == "" {
			prof = occProfile{key: target.Occupation, female: 0.5, wage: 5000}
		}
	}
	female := g.chance(prof.female)
	lo, hi := minAge, maxAge
	if target != nil {
		switch target.SexRequirement {
		case data.FemaleOnly:
			female = true
		case data.MaleOnly:
			female = false
		}
		// One year of margin: the worker met the bounds when referred too.
		lo, hi = max(lo, target.AgeMin+1), min(hi, target.AgeMax)
	}
	var birth data.Date
	seq, ok := 0, false
	for !ok {
		birth = g.birthFor(lo, hi)
		seq, ok = ids.take(ci, female, birth)
	}
	w := &data.Worker{
		Name:        g.personName(gansuSurnames, female),
		IDNumber:    ident.MakeID(c.code, birth.Time(), seq, female),
		HukouRegion: c.code,
		Address:     g.address(c),
		Education:   educationTable.draw(g),
		Poverty:     povertyTable.draw(g),
		Status:      data.WorkerIdle,
	}
	if g.chance(0.95) {
		w.Phone = g.mobile()
	}
	w.Skills = g.skills(c, prof, target)
	w.DesiredOccupations = []string{prof.key}
	if len(w.Skills) > 1 {
		w.DesiredOccupations = append(w.DesiredOccupations, w.Skills[1].Occupation)
	}
	w.DesiredRegions = g.desiredRegions(target)
	w.ExpectedWage = g.expectedWage(prof, w.Skills[0].Level, target)
	registered := g.daysAgo(g.between(20, 400))
	w.RegisteredOn = registered // the 登记日期 the lists and the 统计报表 count by
	w.CreatedAt = registeredAt(registered)
	w.AvailableFrom = g.daysAgo(g.between(-60, 60))
	if target != nil || g.chance(0.9) {
		w.Consent, w.ConsentDate = true, registered
	}
	trainP := 0.3
	if target != nil {
		trainP = 0.55
	}
	if g.chance(trainP) {
		w.Trainings = []data.Training{g.training(c, prof, registered)}
	}
	if g.chance(0.1) {
		w.Notes = pick(g, workerNotes)
	}
	return w
}

// address is a village (or, in a city district, a residential) address.
func (g *gen) address(c county) string {
	city := "兰州市"
	if strings.HasPrefix(c.code, "6211") {
		city = "定西市"
	}
	town := pick(g, c.towns)
	if strings.HasSuffix(town, "街道") {
		return fmt.Sprintf("甘肃省%s%s%s%s社区%d号楼%d单元%d%02d室", city, c.name, town,
			pick(g, []string{"建兴", "和平", "幸福", "新华", "东岗", "滨河"}), g.between(1, 30), g.between(1, 4),
			g.between(1, 18), g.between(1, 4))
	}
	return fmt.Sprintf("甘肃省%s%s%s%s%s%d社%d号", city, c.name, town, pick(g, villageHeads), pick(g, villageTails),
		g.between(1, 9), g.between(1, 120))
}

// skills: the main 工种 (at least the demand's minimum level for a worker
// about to be placed) and sometimes a related one.
func (g *gen) skills(c county, prof occProfile, target *data.Demand) []data.Skill {
	levels := levelTable
	if prof.certified {
		levels = certifiedLevelTable
	}
	level := levels.draw(g)
	if target != nil && level < target.MinLevel {
		level = target.MinLevel
	}
	skills := []data.Skill{g.skill(c, prof.key, level)}
	if g.chance(0.35) {
		if o, ok := catalog.OccupationByKey(prof.key); ok && len(o.Related) > 0 {
			second := pick(g, o.Related)
			l2 := catalog.LevelNone
			if level > catalog.Level5 && g.chance(0.5) {
				l2 = level - 1
			}
			skills = append(skills, g.skill(c, second.Key, l2))
		}
	}
	return skills
}

func (g *gen) skill(c county, occ string, level catalog.SkillLevel) data.Skill {
	s := data.Skill{Occupation: occ, Level: level}
	if level > catalog.LevelNone && g.chance(0.75) {
		// 职业技能等级证书 numbers: S, the issuing city, the year, a serial.
		year := g.today.Year - g.between(0, 8)
		s.CertNo = fmt.Sprintf("S%s%d%07d", c.code[:4], year, g.intn(10000000))
	}
	return s
}

func (g *gen) desiredRegions(target *data.Demand) []string {
	if target != nil {
		switch g.intn(4) {
		case 0:
			return []string{jiangsu}
		case 1:
			return []string{target.WorkRegion}
		case 2:
			return []string{nanjing, zhejiang}
		}
		return []string{nanjing}
	}
	regions := desiredTable.draw(g)
	if regions == nil {
		return []string{pick(g, nanjingDistrictCodes)}
	}
	return regions
}

// expectedWage: the 工种's going rate, more with a higher level; a worker
// about to be placed asks for no more than the demand pays.
func (g *gen) expectedWage(prof occProfile, level catalog.SkillLevel, target *data.Demand) data.Fen {
	if target != nil {
		lo, hi := int(target.WageMin/100), int(target.WageMax/100)
		return yuan(g.between(lo, (lo+hi)/2), 100)
	}
	base := prof.wage
	if level > catalog.Level5 {
		base += base * int(level-catalog.Level5) / 10
	}
	return yuan(g.between(base*85/100, base*115/100), 100)
}

func (g *gen) training(c county, prof occProfile, before data.Date) data.Training {
	course := prof.course
	if course == "" {
		course = "外出务工人员引导性培训"
	}
	from := before.AddDays(-g.between(10, 500))
	to := from.AddDays(g.between(3, 30))
	place := pick(g, []string{"甘肃", c.name, "兰州市"})
	provider := pick(g, trainingProviders)
	if strings.Contains(provider, "%s") {
		provider = fmt.Sprintf(provider, c.name)
	}
	t := data.Training{Course: fmt.Sprintf("%d年%s%s", from.Year, place, course), Provider: provider, From: from, To: to}
	if g.chance(0.7) {
		t.Certificate = fmt.Sprintf("PX%d%s%04d", from.Year, c.code[2:], g.intn(10000))
	}
	return t
}

// registeredAt is mid-morning of a registration day in local time, the
// way a clerk's entry of that day is stored.
func registeredAt(d data.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, time.Local)
}
