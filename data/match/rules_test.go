package match

import (
	"slices"
	"strings"
	"testing"
	"time"

	"duikou/data/catalog"
)

// The rules of issue 14, each pinned by hand-worked cases: what 强匹配
// needs besides the score, and how equal scores are ordered and explained.

func TestStrongNeedsOccupationLocationAndTime(t *testing.T) {
	tests := []struct {
		name   string
		worker func(*Worker)
		demand func(*Demand)
		score  float64
		band   Band
		note   string // BandNote
	}{{
		// The worker: wants 广东 and can start only in 44 days, for
		// a Nanjing job starting today. 0.40 + 0.15 + 0.20·0.25 (not in the
		// desired region; Gansu home is the partner share) + 0.15 + 0.10·0
		// = 0.75, the 强匹配 threshold, yet two conditions fail.
		name: "广东, 44 days",
		worker: func(w *Worker) {
			w.DesiredRegions, w.AvailableFrom = []string{"440000"}, date(2027, 1, 11)
		},
		demand: func(d *Demand) { d.StartDate = fixtureToday },
		score:  0.75, band: Consider,
		note: "未评为强匹配：意向地区不含工作地、到岗晚于开工44天（超过30天）",
	}, {
		// On time but wants 广东: 0.40 + 0.15 + 0.05 + 0.15 + 0.09 = 0.84.
		name:   "place not accepted",
		worker: func(w *Worker) { w.DesiredRegions = []string{"440000"} },
		score:  0.84, band: Consider,
		note: "未评为强匹配：意向地区不含工作地",
	}, {
		// Wants 苏州市, comes from Sichuan: fit 0.5, location 0.75·0.5 =
		// 0.375 < 0.5. 0.40 + 0.15 + 0.075 + 0.15 + 0.09 = 0.865.
		name:   "same province, not from a partner province",
		worker: func(w *Worker) { w.DesiredRegions, w.HomeProvince = []string{"320500"}, "510000" },
		score:  0.865, band: Consider,
		note: "未评为强匹配：工作地仅与意向地区同省且户籍不在对口协作省份",
	}, {
		// The same from Gansu: 0.375 + 0.25 = 0.625 ≥ 0.5.
		// 0.40 + 0.15 + 0.125 + 0.15 + 0.09 = 0.915.
		name:   "same province, from a partner province",
		worker: func(w *Worker) { w.DesiredRegions = []string{"320500"} },
		score:  0.915, band: Strong,
	}, {
		// No region named, Sichuan: 0.375. 0.865 as above.
		name:   "no region, not from a partner province",
		worker: func(w *Worker) { w.DesiredRegions, w.HomeProvince = nil, "510000" },
		score:  0.865, band: Consider,
		note: "未评为强匹配：未填写意向地区且户籍不在对口协作省份",
	}, {
		// No region named and no partner listed: the fit 0.5 is the whole
		// location part, which is enough. 0.40 + 0.15 + 0.10 + 0.15 + 0.09.
		name:   "no region, no partnership",
		worker: func(w *Worker) { w.DesiredRegions = nil },
		demand: func(d *Demand) { d.PartnerProvinces = nil },
		score:  0.89, band: Strong,
	}, {
		// 2026-12-31 is 30 days after the start: still within.
		// 0.40 + 0.15 + 0.20 + 0.15 + 0 = 0.90.
		name:   "30 days late",
		worker: func(w *Worker) { w.AvailableFrom = date(2026, 12, 31) },
		score:  0.9, band: Strong,
	}, {
		name:   "31 days late",
		worker: func(w *Worker) { w.AvailableFrom = date(2027, 1, 1) },
		score:  0.9, band: Consider,
		note: "未评为强匹配：到岗晚于开工31天（超过30天）",
	}, {
		// A demand starting in 60 days: 44 days from today is not late.
		// 0.40 + 0.15 + 0.20 + 0.15 + 0.10 = 1.
		name:   "44 days from today, before the start",
		worker: func(w *Worker) { w.AvailableFrom = date(2027, 1, 11) },
		demand: func(d *Demand) { d.StartDate = date(2027, 1, 27) },
		score:  1, band: Strong,
	}, {
		// 保洁员 is linked at 0.7, under 0.8; no level asked.
		// 0.40·0.7 + 0.15 + 0.20 + 0.15 + 0.09 = 0.87.
		name:   "related occupation",
		worker: func(w *Worker) { w.Skills = []Skill{{"cleaner", catalog.Level3}} },
		demand: func(d *Demand) { d.MinLevel = catalog.LevelNone },
		score:  0.87, band: Consider,
		note: "未评为强匹配：非相同或可替代工种（工种分0.7，需达到0.8）",
	}, {
		// A held 母婴护理员 substitutes for 育婴员 at 0.8.
		// 0.40·0.8 + 0.15 + 0.20 + 0.15 + 0.09 = 0.91.
		name:   "substitute occupation",
		worker: func(w *Worker) { w.Skills = []Skill{{"maternity_nurse", catalog.Level3}} },
		demand: func(d *Demand) { d.Occupation, d.MinLevel = "nanny", catalog.LevelNone },
		score:  0.91, band: Strong,
	}, {
		// 家政服务员 only wished for: 0.8, the same 工种. 0.91 as above.
		name:   "same occupation wished for",
		worker: func(w *Worker) { w.Skills, w.DesiredOccupations = nil, []string{"housekeeper"} },
		demand: func(d *Demand) { d.MinLevel = catalog.LevelNone },
		score:  0.91, band: Strong,
	}, {
		// 母婴护理员 only wished for: 0.8·0.8 = 0.64.
		// 0.40·0.64 + 0.15 + 0.20 + 0.15 + 0.09 = 0.846.
		name:   "substitute wished for",
		worker: func(w *Worker) { w.Skills, w.DesiredOccupations = nil, []string{"maternity_nurse"} },
		demand: func(d *Demand) { d.Occupation, d.MinLevel = "nanny", catalog.LevelNone },
		score:  0.846, band: Consider,
		note: "未评为强匹配：非相同或可替代工种（工种分0.64，需达到0.8）",
	}, {
		// All three fail, but the score (0.40·0.7 + 0.15 + 0.05 + 0.15 + 0
		// = 0.63) is below 0.75 anyway: no conditions are named.
		name: "below the threshold anyway",
		worker: func(w *Worker) {
			w.Skills, w.DesiredRegions = []Skill{{"cleaner", 0}}, []string{"440000"}
			w.AvailableFrom = date(2027, 1, 11)
		},
		demand: func(d *Demand) { d.MinLevel, d.StartDate = catalog.LevelNone, fixtureToday },
		score:  0.63, band: Consider,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, d := basePair(tt.worker, tt.demand)
			r := Score(w, d, fixtureToday)
			if r.Score != tt.score || r.Band != tt.band {
				t.Fatalf("Score = %v %s, want %v %s", r.Score, r.Band.Label(), tt.score, tt.band.Label())
			}
			if r.BandNote != tt.note {
				t.Errorf("BandNote = %q, want %q", r.BandNote, tt.note)
			}
			if tt.note != "" && (len(r.Missing) == 0 || r.Missing[len(r.Missing)-1] != tt.note) {
				t.Errorf("Missing %q does not end with the note", r.Missing)
			}
			if tt.note == "" && slices.ContainsFunc(r.Missing, func(s string) bool { return strings.HasPrefix(s, "未评为强匹配") }) {
				t.Errorf("Missing %q names a held condition", r.Missing)
			}
			// The index and the allocation agree with Score on the band.
			got := Build(slices.Values([]Worker{w}), nil).TopWorkers(d, 1, fixtureToday)
			if len(got) != 1 || got[0].Result.Band != tt.band || got[0].Result.BandNote != tt.note {
				t.Errorf("TopWorkers = %+v", got)
			}
			a := Allocate([]Worker{w}, []Demand{d}, fixtureToday, nil)
			if len(a.Assignments) != 1 || a.Assignments[0].Band != tt.band || a.Assignments[0].Score != tt.score {
				t.Errorf("Allocate = %+v", a.Assignments)
			}
		})
	}
}

// TestHeldBackRanksBelowStrong: band comes before score, so a 0.85 held at
// 可考虑 ranks below a 0.84 强匹配.
func TestHeldBackRanksBelowStrong(t *testing.T) {
	d := baseDemand()
	held := baseWorker()
	// 0.40 + 0.15 + 0.20·0.25 + 0.15 + 0.10 (on time) = 0.85.
	held.ID, held.DesiredRegions, held.AvailableFrom = "w1", []string{"440000"}, date(2026, 11, 30)
	strong := baseWorker()
	// Expects 12000 yuan, 6500 is offered: no wage points. 0.40 + 0.15 +
	// 0.20 + 0 + 0.09 = 0.84.
	strong.ID, strong.ExpectedWageFen = "w2", 1200000
	got := Build(slices.Values([]Worker{held, strong}), nil).TopWorkers(d, 2, fixtureToday)
	if got[0].WorkerID != "w2" || got[0].Result.Band != Strong || got[0].Result.Score != 0.84 ||
		got[1].WorkerID != "w1" || got[1].Result.Band != Consider || got[1].Result.Score != 0.85 {
		t.Fatalf("ranked %s %v %v, %s %v %v", got[0].WorkerID, got[0].Result.Band, got[0].Result.Score,
			got[1].WorkerID, got[1].Result.Band, got[1].Result.Score)
	}
}

// tieWorker is the base worker, a 脱贫户 or 监测对象 or not, available from
// that day of November 2026 (0: no date given). For the base demand, which
// starts on 1 December, every such worker scores 1, so only the tie-break
// orders them.
func tieWorker(id string, p Priority, novemberDay int) Worker {
	w := baseWorker()
	w.ID, w.Name, w.Priority = id, "工人"+id, p
	w.AvailableFrom = time.Time{}
	if novemberDay > 0 {
		w.AvailableFrom = date(2026, 11, novemberDay)
	}
	return w
}

func TestTieBreak(t *testing.T) {
	// All score 1 (available before work starts). IDs run against the
	// expected order wherever the tie-break, not the ID, must decide.
	ws := []Worker{
		tieWorker("w1", NoPriority, 0),         // no date: after all dated
		tieWorker("w2", NoPriority, 10),        // waited since 11-10
		tieWorker("w3", NoPriority, 1),         // waited since 11-01: longest
		tieWorker("w6", PriorityLifted, 20),    // 脱贫户, waited less than w2, w3
		tieWorker("w5", PriorityMonitored, 20), // 监测对象, same date as w6: ID
		tieWorker("w0", NoPriority, 0),         // no date, ID before w1
		tieWorker("w4", NoPriority, 10),        // same date as w2: ID after it
		tieWorker("w9", PriorityLifted, 0),     // 脱贫户 without a date
		baseWorker(),                           // "w7" below, a 脱贫户 at 0.99: not tied
	}
	ws[8].ID, ws[8].Priority = "w7", PriorityLifted
	got := Build(slices.Values(ws), nil).TopWorkers(baseDemand(), 20, fixtureToday)
	type row struct{ id, note string }
	want := []row{
		{"w5", "同分优先：监测对象"},
		{"w6", "同分优先：脱贫户"},
		{"w9", "同分优先：脱贫户"},
		{"w3", "同分优先：待业最久"},
		{"w2", "同分优先：待业最久"}, // ahead of w0 and w1 by date; of w4 by ID
		{"w4", "同分优先：待业最久"},
		{"w0", ""}, // ahead of w1 by ID only
		{"w1", ""},
		{"w7", ""}, // alone at 0.99
	}
	var have []row
	for _, c := range got {
		have = append(have, row{c.WorkerID, c.Result.TieNote})
		if c.Result.TieNote != "" && !slices.Contains(c.Result.Matched, c.Result.TieNote) {
			t.Errorf("%s: Matched %q lacks the note", c.WorkerID, c.Result.Matched)
		}
	}
	if !slices.Equal(have, want) {
		t.Fatalf("ranked\n %v\nwant\n %v", have, want)
	}
	if got[0].Result.Score != 1 || got[7].Result.Score != 1 || got[8].Result.Score != 0.99 {
		t.Fatalf("scores %v %v %v: the fixture does not tie", got[0].Result.Score, got[7].Result.Score, got[8].Result.Score)
	}
	// Only the workers shown count: the top two are both first-priority
	// with the same date, so the ID decided and neither is noted.
	top2 := Build(slices.Values(ws), nil).TopWorkers(baseDemand(), 2, fixtureToday)
	if top2[0].WorkerID != "w5" || top2[0].Result.TieNote != "" || top2[1].Result.TieNote != "" {
		t.Fatalf("top two %+v", top2)
	}
}

// TestPovertyWinsTie is the case on its own: a 脱贫户 and an 一般
// worker with equal scores; the 一般 worker registered first and has
// waited longer, yet the 脱贫户 comes first.
func TestPovertyWinsTie(t *testing.T) {
	general := tieWorker("w1", NoPriority, 1)
	lifted := tieWorker("w2", PriorityLifted, 20)
	got := Build(slices.Values([]Worker{general, lifted}), nil).TopWorkers(baseDemand(), 10, fixtureToday)
	if got[0].WorkerID != "w2" || got[0].Result.TieNote != "同分优先：脱贫户" || got[1].Result.TieNote != "" {
		t.Fatalf("ranked %+v", got)
	}
}

// TestLongestWaitingWinsTie: two 一般 workers with equal scores; the one
// who registered later but has been available since earlier comes first.
func TestLongestWaitingWinsTie(t *testing.T) {
	early := tieWorker("w2", NoPriority, 3)
	late := tieWorker("w1", NoPriority, 25)
	got := Build(slices.Values([]Worker{late, early}), nil).TopWorkers(baseDemand(), 10, fixtureToday)
	if got[0].WorkerID != "w2" || got[0].Result.TieNote != "同分优先：待业最久" || got[1].Result.TieNote != "" {
		t.Fatalf("ranked %+v", got)
	}
	// Score alone never carries a tie note.
	if r := Score(early, baseDemand(), fixtureToday); r.TieNote != "" || slices.Contains(r.Matched, "同分优先：待业最久") {
		t.Fatalf("Score has a tie note: %+v", r)
	}
}
