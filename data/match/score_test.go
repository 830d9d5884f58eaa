package match

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"duikou/data/catalog"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// today of the fixtures; work on the base demand starts three days later.
var fixtureToday = date(2026, 11, 28)

// baseDemand: a Nanjing 家政服务员 job for 五级 and up, 4500–6500 yuan,
// starting 2026-12-01, offered through the Gansu partnership.
func baseDemand() Demand {
	return Demand{
		ID: "d1", Title: "住家保姆", EmployerName: "南京好帮手家政",
		Occupation: "housekeeper", WorkRegion: "320115", Left: 5, Open: true,
		WageMinFen: 450000, WageMaxFen: 650000,
		MinLevel: catalog.Level5, StartDate: date(2026, 12, 1),
		PartnerProvinces: []string{"620000"},
	}
}

// baseWorker: a Gansu woman of 41 holding 家政服务员 四级, who wants to go
// to Jiangsu for 5000 yuan and can start on 2026-12-04.
func baseWorker() Worker {
	return Worker{
		ID: "w1", Name: "李秀兰", Female: true, Birth: date(1985, 6, 15),
		Skills:          []Skill{{Occupation: "housekeeper", Level: catalog.Level4}},
		DesiredRegions:  []string{"320000"},
		ExpectedWageFen: 500000, AvailableFrom: date(2026, 12, 4),
		Eligible: true, HomeProvince: "620000",
	}
}

// basePair is baseWorker and baseDemand, each first changed by its tweak
// (nil leaves it as it is).
func basePair(worker func(*Worker), demand func(*Demand)) (Worker, Demand) {
	w, d := baseWorker(), baseDemand()
	if worker != nil {
		worker(&w)
	}
	if demand != nil {
		demand(&d)
	}
	return w, d
}

func TestScoreHandWorked(t *testing.T) {
	tests := []struct {
		name   string
		worker func(*Worker)
		demand func(*Demand)
		// parts: occupation, skill, location, wage, availability values
		parts [5]float64
		score float64
		band  Band
	}{{
		// 0.40·1 + 0.15·1 + 0.20·(0.75·1 + 0.25) + 0.15·1 + 0.10·(1 − 3/30)
		// = 0.40 + 0.15 + 0.20 + 0.15 + 0.09 = 0.99
		name:  "same occupation, three days late",
		parts: [5]float64{1, 1, 1, 1, 0.9}, score: 0.99, band: Strong,
	}, {
		// 保洁员 is linked to 家政服务员 at 0.7; no 家政服务员 level against 五级.
		// 0.40·0.7 + 0.15·0 + 0.20 + 0.15 + 0.09 = 0.28 + 0.44 = 0.72
		name:   "related occupation without the level",
		worker: func(w *Worker) { w.Skills = []Skill{{Occupation: "cleaner", Level: catalog.Level3}} },
		parts:  [5]float64{0.7, 0, 1, 1, 0.9}, score: 0.72, band: Consider,
	}, {
		// 保育员 only shares the group (0.3) and is only wished for (×0.8 =
		// 0.24); no level; no desired region (fit 0.5, location 0.75·0.5 =
		// 0.375); Sichuan is not a partner; no wage expectation (1);
		// available at once (1).
		// 0.40·0.24 + 0 + 0.20·0.375 + 0.15 + 0.10 = 0.096 + 0.075 + 0.25 = 0.421
		name: "same group only",
		worker: func(w *Worker) {
			w.Skills, w.DesiredOccupations = nil, []string{"childcare_worker"}
			w.DesiredRegions, w.HomeProvince = nil, "510000"
			w.ExpectedWageFen, w.AvailableFrom = 0, time.Time{}
		},
		parts: [5]float64{0.24, 0, 0.375, 1, 1}, score: 0.421, band: NotRecommended,
	}, {
		// A welder with no level asked: 0 + 0.15 + 0.20 + 0.15 + 0.09 = 0.59,
		// which would be 可考虑, but no related occupation means 不推荐.
		name:   "unrelated occupation is gated",
		worker: func(w *Worker) { w.Skills = []Skill{{Occupation: "welder", Level: catalog.Level3}} },
		demand: func(d *Demand) { d.MinLevel = catalog.LevelNone },
		parts:  [5]float64{0, 1, 1, 1, 0.9}, score: 0.59, band: NotRecommended,
	}, {
		// Upper wage 4500 against 5000: ratio 0.9, (0.9 − 0.6)/0.4 = 0.75.
		// 0.40 + 0.15 + 0.20 + 0.15·0.75 + 0.09 = 0.9525
		name:   "wage below expectation",
		demand: func(d *Demand) { d.WageMaxFen = 450000; d.WageMinFen = 400000 },
		parts:  [5]float64{1, 1, 1, 0.75, 0.9}, score: 0.9525, band: Strong,
	}, {
		// Wants 苏州市; 江宁区 is in Jiangsu too: fit 0.5, location 0.375 + 0.25.
		// 0.40 + 0.15 + 0.20·0.625 + 0.15 + 0.09 = 0.915
		name:   "same province as the desired city",
		worker: func(w *Worker) { w.DesiredRegions = []string{"320500"} },
		parts:  [5]float64{1, 1, 0.625, 1, 0.9}, score: 0.915, band: Strong,
	}, {
		// Wants Chongqing only; the demand lists no partner province, so the
		// fit (0) is the whole location part.
		// 0.40 + 0.15 + 0 + 0.15 + 0.09 = 0.79, but a place the worker does
		// not accept (location 0 < 0.5) is not 强匹配.
		name:   "elsewhere, no partnership",
		worker: func(w *Worker) { w.DesiredRegions = []string{"500000"} },
		demand: func(d *Demand) { d.PartnerProvinces = nil },
		parts:  [5]float64{1, 1, 0, 1, 0.9}, score: 0.79, band: Consider,
	}, {
		// Holds 五级 (1) where 四级 (2) is asked: 1/2 of the skill part.
		// 0.40 + 0.15·0.5 + 0.20 + 0.15 + 0.09 = 0.915
		name:   "level below the minimum",
		worker: func(w *Worker) { w.Skills[0].Level = catalog.Level5 },
		demand: func(d *Demand) { d.MinLevel = catalog.Level4 },
		parts:  [5]float64{1, 0.5, 1, 1, 0.9}, score: 0.915, band: Strong,
	}, {
		// 2027-01-15 is 45 days after 2026-12-01: nothing for availability.
		// 0.40 + 0.15 + 0.20 + 0.15 + 0 = 0.90, but more than 30 days late
		// is not 强匹配.
		name:   "more than a month late",
		worker: func(w *Worker) { w.AvailableFrom = date(2027, 1, 15) },
		parts:  [5]float64{1, 1, 1, 1, 0}, score: 0.9, band: Consider,
	}, {
		// Work began 2026-11-01, so it starts today for the worker, who is
		// available at once: every part full.
		name:   "work already started",
		worker: func(w *Worker) { w.AvailableFrom = date(2026, 11, 20) },
		demand: func(d *Demand) { d.StartDate = date(2026, 11, 1) },
		parts:  [5]float64{1, 1, 1, 1, 1}, score: 1, band: Strong,
	}, {
		// No wage stated: 0.5. 0.40 + 0.15 + 0.20 + 0.075 + 0.09 = 0.915
		name:   "no wage stated",
		demand: func(d *Demand) { d.WageMinFen, d.WageMaxFen = 0, 0 },
		parts:  [5]float64{1, 1, 1, 0.5, 0.9}, score: 0.915, band: Strong,
	}, {
		// Only the lower wage (4000) is stated; it counts: ratio 0.8,
		// (0.8 − 0.6)/0.4 = 0.5. Sichuan home: location 0.75.
		// 0.40 + 0.15 + 0.20·0.75 + 0.15·0.5 + 0.09 = 0.865
		name:   "lower wage only, not from a partner province",
		worker: func(w *Worker) { w.HomeProvince = "510000" },
		demand: func(d *Demand) { d.WageMinFen, d.WageMaxFen = 400000, 0 },
		parts:  [5]float64{1, 1, 0.75, 0.5, 0.9}, score: 0.865, band: Strong,
	}, {
		// 育婴员 linked at 0.6, desired only (×0.8 = 0.48), level asked:
		// 0.40·0.48 + 0 + 0.20 + 0.15 + 0.09 = 0.192 + 0.44 = 0.632
		name: "desired related occupation",
		worker: func(w *Worker) {
			w.Skills, w.DesiredOccupations = nil, []string{"nanny"}
		},
		parts: [5]float64{0.48, 0, 1, 1, 0.9}, score: 0.632, band: Consider,
	}, {
		// 0.4·0.48 (育婴员 0.6, wished only) + 0.15·0 + 0.20·0.375 (no region,
		// Sichuan) + 0.15·0.5 (4000 of 5000) + 0.10·(1 − 12/30)
		// = 0.192 + 0.075 + 0.075 + 0.06 = 0.402
		name: "below the bands",
		worker: func(w *Worker) {
			w.Skills, w.DesiredOccupations = nil, []string{"nanny"}
			w.DesiredRegions, w.HomeProvince = nil, "510000"
			w.AvailableFrom = date(2026, 12, 13)
		},
		demand: func(d *Demand) { d.WageMaxFen = 400000 },
		parts:  [5]float64{0.48, 0, 0.375, 0.5, 0.6}, score: 0.402, band: NotRecommended,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, d := basePair(tt.worker, tt.demand)
			r := Score(w, d, fixtureToday)
			if r.Score != tt.score || r.Band != tt.band {
				t.Errorf("Score = %v %s, want %v %s", r.Score, r.Band.Label(), tt.score, tt.band.Label())
			}
			if len(r.Parts) != 5 {
				t.Fatalf("%d parts, want 5", len(r.Parts))
			}
			sum := 0.0
			for i, p := range r.Parts {
				if math.Abs(p.Value-tt.parts[i]) > 1e-9 {
					t.Errorf("part %s = %v, want %v (%s)", p.Name, p.Value, tt.parts[i], p.Reason)
				}
				if p.Reason == "" {
					t.Errorf("part %s has no reason", p.Name)
				}
				sum += p.Points()
			}
			if math.Abs(sum-r.Score) > 5e-7 {
				t.Errorf("parts sum to %v, score is %v", sum, r.Score)
			}
		})
	}
}

func TestWeightsSumToOne(t *testing.T) {
	sum := WeightOccupation + WeightLocation + WeightSkill + WeightWage + WeightAvailability
	if math.Abs(sum-1) > 1e-12 {
		t.Fatalf("weights sum to %v", sum)
	}
	if WeightOccupation <= max(WeightLocation, WeightSkill, WeightWage, WeightAvailability) {
		t.Fatal("occupation must weigh most")
	}
}

func TestReasonsReadable(t *testing.T) {
	w, d := baseWorker(), baseDemand()
	r := Score(w, d, fixtureToday)
	wantMatched := []string{
		"工种相同：家政服务员",
		"技能等级四级/中级工，达到要求的五级/初级工",
		"意向地区江苏省包含工作地南京市江宁区",
		"户籍所在甘肃省为对口协作省份",
		"工资上限6500元高于期望5000元",
	}
	if !slices.Equal(r.Matched, wantMatched) {
		t.Errorf("Matched = %q\nwant      %q", r.Matched, wantMatched)
	}
	if want := []string{"可于2026-12-04到岗，晚于开工3天"}; !slices.Equal(r.Missing, want) {
		t.Errorf("Missing = %q, want %q", r.Missing, want)
	}
	if got := r.Parts[2].Reason; got != "意向地区江苏省包含工作地南京市江宁区；户籍所在甘肃省为对口协作省份" {
		t.Errorf("location reason %q", got)
	}

	tests := []struct {
		name   string
		worker func(*Worker)
		demand func(*Demand)
		want   string
	}{
		{"related", func(w *Worker) { w.Skills = []Skill{{"cleaner", catalog.Level3}} }, nil, "相近工种：保洁员→家政服务员（相关度0.7）"},
		{"group", func(w *Worker) { w.Skills = []Skill{{"childcare_worker", 0}} }, nil, "同属家政服务类工种：保育员→家政服务员（相关度0.3）"},
		{"desired same", func(w *Worker) { w.Skills, w.DesiredOccupations = nil, []string{"housekeeper"} }, nil, "意向工种相同：家政服务员（未登记该工种技能，按80%计）"},
		{"none", func(w *Worker) { w.Skills = []Skill{{"welder", catalog.Level3}} }, nil, "无家政服务员或相近工种的技能或意向"},
		{"no level", func(w *Worker) { w.Skills = nil; w.DesiredOccupations = []string{"housekeeper"} }, nil, "未登记家政服务员技能等级，岗位要求五级/初级工"},
		{"low level", func(w *Worker) { w.Skills[0].Level = catalog.Level5 }, func(d *Demand) { d.MinLevel = catalog.Level3 }, "技能等级五级/初级工，低于要求的三级/高级工"},
		{"no level asked", nil, func(d *Demand) { d.MinLevel = 0 }, "岗位无技能等级要求"},
		{"county", func(w *Worker) { w.DesiredRegions = []string{"320000", "320115"} }, nil, "工作地江苏省南京市江宁区即意向地区"},
		{"city", func(w *Worker) { w.DesiredRegions = []string{"320000", "320100"} }, nil, "意向地区江苏省南京市包含工作地江宁区"},
		{"same province", func(w *Worker) { w.DesiredRegions = []string{"320500"} }, nil, "工作地江苏省南京市江宁区不在意向地区江苏省苏州市，但同在江苏省"},
		{"elsewhere", func(w *Worker) { w.DesiredRegions = []string{"500000", "440000"} }, nil, "工作地江苏省南京市江宁区不在意向地区（重庆市、广东省）"},
		{"no region", func(w *Worker) { w.DesiredRegions = nil }, nil, "未填写意向地区"},
		{"not partner", func(w *Worker) { w.HomeProvince = "510000" }, nil, "户籍所在四川省不是对口协作省份"},
		{"wage low", nil, func(d *Demand) { d.WageMaxFen = 450050 }, "工资上限4500.5元低于期望5000元（为期望的90%）"},
		{"wage equal", nil, func(d *Demand) { d.WageMaxFen = 500000 }, "工资上限5000元达到期望"},
		{"no expectation", func(w *Worker) { w.ExpectedWageFen = 0 }, nil, "未填写期望工资"},
		{"no wage", nil, func(d *Demand) { d.WageMinFen, d.WageMaxFen = 0, 0 }, "岗位未注明工资，期望5000元"},
		{"on time", func(w *Worker) { w.AvailableFrom = date(2026, 11, 30) }, nil, "可于开工日2026-12-01前到岗"},
		{"at once", func(w *Worker) { w.AvailableFrom = time.Time{} }, func(d *Demand) { d.StartDate = time.Time{} }, "可立即到岗"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, d := basePair(tt.worker, tt.demand)
			r := Score(w, d, fixtureToday)
			all := append(slices.Clone(r.Matched), r.Missing...)
			if !slices.Contains(all, tt.want) {
				t.Errorf("no reason %q in\n%s", tt.want, strings.Join(all, "\n"))
			}
		})
	}
}

func TestEligible(t *testing.T) {
	tests := []struct {
		name   string
		worker func(*Worker)
		demand func(*Demand)
		ok     bool
		why    string
	}{
		{"eligible", nil, nil, true, ""},
		{"closed", nil, func(d *Demand) { d.Open = false }, false, "用工需求已关闭或不在有效期内"},
		{"filled", nil, func(d *Demand) { d.Left = 0 }, false, "用工需求人数已招满"},
		{"not available", func(w *Worker) { w.Eligible = false }, nil, false, "劳动者当前不可推荐（非待业、未同意共享信息或已就业）"},
		{"men only", nil, func(d *Demand) { d.Sex = MaleOnly }, false, "岗位仅招男性"},
		{"women only", func(w *Worker) { w.Female = false }, func(d *Demand) { d.Sex = FemaleOnly }, false, "岗位仅招女性"},
		{"women only, woman", nil, func(d *Demand) { d.Sex = FemaleOnly }, true, ""},
		// Born 1985-06-15: 41 on 2026-11-28.
		{"age max 41", nil, func(d *Demand) { d.AgeMax = 41 }, true, ""},
		{"age max 40", nil, func(d *Demand) { d.AgeMax = 40 }, false, "年龄41岁，不符合岗位要求的40岁以下"},
		{"age min 41", nil, func(d *Demand) { d.AgeMin = 41 }, true, ""},
		{"age range", nil, func(d *Demand) { d.AgeMin, d.AgeMax = 18, 35 }, false, "年龄41岁，不符合岗位要求的18至35岁"},
		{"age min 42", nil, func(d *Demand) { d.AgeMin = 42 }, false, "年龄41岁，不符合岗位要求的42岁以上"},
		{"birthday tomorrow", func(w *Worker) { w.Birth = date(1985, 11, 29) }, func(d *Demand) { d.AgeMin = 41 }, false, "年龄40岁，不符合岗位要求的41岁以上"},
		{"birthday today", func(w *Worker) { w.Birth = date(1985, 11, 28) }, func(d *Demand) { d.AgeMin = 41 }, true, ""},
		{"unknown birth", func(w *Worker) { w.Birth = time.Time{} }, func(d *Demand) { d.AgeMax = 50 }, false, "出生日期不详，无法核对年龄要求"},
		{"unknown birth, no limit", func(w *Worker) { w.Birth = time.Time{} }, nil, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, d := basePair(tt.worker, tt.demand)
			ok, why := Eligible(w, d, fixtureToday)
			if ok != tt.ok || why != tt.why {
				t.Errorf("Eligible = %v %q, want %v %q", ok, why, tt.ok, tt.why)
			}
			// The index's integer age filter must agree with Eligible.
			if d.Open && d.Left > 0 && w.Eligible && d.Sex == AnySex {
				if got := newAgeFilter(d, fixtureToday).admits(dayOf(w.Birth)); got != tt.ok {
					t.Errorf("ageFilter.admits = %v, Eligible = %v", got, tt.ok)
				}
			}
		})
	}
}

// TestAgeBoundsMatchAge checks latestBirthForAge against ageOn on every
// pair of dates around leap days.
func TestAgeBoundsMatchAge(t *testing.T) {
	for today := date(2023, 12, 25); today.Before(date(2025, 3, 10)); today = today.AddDate(0, 0, 1) {
		for _, age := range []int{0, 1, 3, 4, 16, 18, 45, 60} {
			latest := latestBirthForAge(today, age)
			from := today.AddDate(-age-1, -2, 0)
			for b := from; b.Before(today.AddDate(-age+1, 0, 0)); b = b.AddDate(0, 0, 1) {
				if got, want := dayOf(b) <= latest, ageOn(b, today) >= age; got != want {
					t.Fatalf("today %s age %d birth %s: bound says %v, ageOn %d", today.Format(time.DateOnly), age, b.Format(time.DateOnly), got, ageOn(b, today))
				}
			}
		}
	}
}

func TestDayRoundTrip(t *testing.T) {
	for d := date(1900, 1, 1); d.Before(date(2101, 1, 1)); d = d.AddDate(0, 0, 1) {
		n := dayOf(d)
		if int64(n) != d.Unix()/86400 || !n.date().Equal(d) {
			t.Fatalf("%s: day %d", d, n)
		}
	}
	loc := time.FixedZone("CST", 8*3600)
	if got := dayOf(time.Date(2026, 12, 1, 0, 30, 0, 0, loc)); got.String() != "2026-12-01" {
		t.Fatalf("local midnight read as %s", got)
	}
	if dayOf(time.Time{}) != noDay || !noDay.date().IsZero() {
		t.Fatal("zero time is not noDay")
	}
}

func TestYuan(t *testing.T) {
	for fen, want := range map[int64]string{650000: "6500元", 650050: "6500.5元", 650001: "6500.01元", 0: "0元"} {
		if got := yuan(fen); got != want {
			t.Errorf("yuan(%d) = %q, want %q", fen, got, want)
		}
	}
}

// TestProvinceOfMatchesChain checks the code-prefix shortcut against the
// catalog's own chain for every region.
func TestProvinceOfMatchesChain(t *testing.T) {
	var walk func(rs []catalog.Region)
	n := 0
	walk = func(rs []catalog.Region) {
		for _, r := range rs {
			n++
			if got, want := provinceOf(r.Code), catalog.Chain(r.Code)[0].Code; got != want {
				t.Fatalf("provinceOf(%s) = %s, want %s", r.Code, got, want)
			}
			walk(catalog.Children(r.Code))
		}
	}
	walk(catalog.Provinces())
	if n < 3000 || provinceOf("999999") != "" || provinceOf("") != "" {
		t.Fatalf("walked %d regions; unknown codes %q %q", n, provinceOf("999999"), provinceOf(""))
	}
}
