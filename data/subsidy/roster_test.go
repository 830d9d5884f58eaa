package subsidy

import (
	"testing"

	"duikou/data"
)

// Workers from 崇信县 (620823, 平凉市, 甘肃).
const (
	home        = "620823"
	xian        = "610113" // 陕西 西安 雁塔区: a province row
	nanjing     = "320106" // 江苏 南京 鼓楼区: 跨省
	lanzhou     = "620102" // 甘肃 兰州 城关区: 省内跨市
	lingtai     = "620822" // 甘肃 平凉 灵台县: 市内跨县
	asOfDefault = "2026-12-31"
)

func rules(t *testing.T) Rules {
	t.Helper()
	rs, err := ParseRules(chongxin())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func worker(id string, p data.Poverty, ps ...Placement) Worker {
	return Worker{ID: id, Name: "劳动者" + id, IDNumber: "620823199001011234", HukouRegion: home, Poverty: p, Placements: ps}
}

func placed(id, start, end, work string) Placement {
	var e data.Date
	if end != "" {
		e = d(end)
	}
	return Placement{ID: id, Start: d(start), End: e, WorkRegion: work, Employer: "某公司"}
}

func never(string) (data.Date, bool) { return data.Date{}, false }

func evaluate(t *testing.T, asOf string, claimed Claimed, ws ...Worker) *Roster {
	t.Helper()
	return Evaluate(rules(t), "一次性交通补贴", d(asOf), ws, claimed)
}

func TestProvinceRowBeatsCrossProvince(t *testing.T) {
	r := evaluate(t, asOfDefault, never,
		worker("a", data.PovertyLifted, placed("pa", "2026-03-01", "", xian)),
		worker("b", data.PovertyLifted, placed("pb", "2026-03-01", "", nanjing)),
		worker("c", data.PovertyMonitored, placed("pc", "2026-03-01", "", lanzhou)),
		worker("e", data.PovertyMonitored, placed("pe", "2026-03-01", "", lingtai)),
	)
	want := map[string]struct {
		dest   string
		amount data.Fen
	}{"a": {"陕西省", data.Yuan(400)}, "b": {"跨省", data.Yuan(600)}, "c": {"省内跨市", data.Yuan(300)}, "e": {"市内跨县", data.Yuan(200)}}
	if len(r.Eligible) != 4 || len(r.Excluded) != 0 {
		t.Fatalf("eligible %d excluded %v", len(r.Eligible), r.Excluded)
	}
	for _, e := range r.Eligible {
		w := want[e.Worker.ID]
		if e.Destination() != w.dest || e.Amount() != w.amount {
			t.Errorf("%s: %s %s, want %s %s", e.Worker.ID, e.Destination(), e.Amount(), w.dest, w.amount)
		}
	}
	if r.Total != data.Yuan(400+600+300+200) {
		t.Errorf("total %s", r.Total)
	}
}

// Exactly three months to the day on the 核算日 counts; a day less does not.
func TestThreeMonthsToTheDayOnTheAsOfDate(t *testing.T) {
	w := worker("a", data.PovertyLifted, placed("pa", "2026-03-15", "", nanjing))
	if r := evaluate(t, "2026-06-15", never, w); len(r.Eligible) != 1 || r.Eligible[0].Months != 3 {
		t.Fatalf("on 06-15: %+v", r)
	}
	r := evaluate(t, "2026-06-14", never, w)
	if len(r.Eligible) != 0 || len(r.Excluded) != 1 || r.Excluded[0].Reason != ReasonShort {
		t.Fatalf("on 06-14: %+v", r)
	}
}

// A worker who started on 08-31 and left on 11-30 has not lasted three
// months (08-31 + 3 months is 12-01); one who left on 12-01 has.
func TestAugust31LeaverNeedsDecember1(t *testing.T) {
	r := evaluate(t, asOfDefault, never,
		worker("short", data.PovertyLifted, placed("p1", "2026-08-31", "2026-11-30", nanjing)),
		worker("enough", data.PovertyLifted, placed("p2", "2026-08-31", "2026-12-01", nanjing)),
	)
	if len(r.Eligible) != 1 || r.Eligible[0].Worker.ID != "enough" {
		t.Fatalf("eligible %+v", r.Eligible)
	}
	if len(r.Excluded) != 1 || r.Excluded[0].Worker.ID != "short" || r.Excluded[0].Reason != ReasonShort {
		t.Fatalf("excluded %+v", r.Excluded)
	}
}

// Two placements: the first lasted two months, the second qualifies; the
// worker is paid once, for the second. A worker whose two placements both
// qualify is paid once, for the first.
func TestTwoPlacementsPaidOnceForTheFirstThatQualifies(t *testing.T) {
	r := evaluate(t, asOfDefault, never,
		worker("a", data.PovertyLifted,
			placed("a2", "2026-06-01", "", lanzhou),
			placed("a1", "2026-02-01", "2026-04-10", xian)),
		worker("b", data.PovertyLifted,
			placed("b1", "2026-01-10", "2026-07-01", nanjing),
			placed("b2", "2026-07-05", "", xian)),
	)
	if len(r.Eligible) != 2 {
		t.Fatalf("eligible %+v", r.Eligible)
	}
	a, b := r.Eligible[0], r.Eligible[1]
	if a.Worker.ID != "a" {
		a, b = b, a
	}
	if a.Placement.ID != "a2" || a.Amount() != data.Yuan(300) || a.Months != 6 {
		t.Errorf("a paid for %s %s, %d months", a.Placement.ID, a.Amount(), a.Months)
	}
	if b.Placement.ID != "b1" || b.Amount() != data.Yuan(600) || b.Months != 5 {
		t.Errorf("b paid for %s %s, %d months", b.Placement.ID, b.Amount(), b.Months)
	}
	if r.Total != data.Yuan(900) {
		t.Errorf("total %s", r.Total)
	}
}

func TestExclusionsSayWhy(t *testing.T) {
	claimed := func(id string) (data.Date, bool) {
		if id == "claimed" {
			return d("2026-10-08"), true
		}
		return data.Date{}, false
	}
	husk := worker("husk", data.PovertyLifted, placed("ph", "2026-01-05", "", nanjing))
	husk.Withdrawn = true
	r := evaluate(t, asOfDefault, claimed,
		worker("claimed", data.PovertyLifted, placed("p1", "2026-01-05", "", nanjing)),
		worker("general", data.PovertyGeneral, placed("p2", "2026-01-05", "", nanjing)),
		worker("early", data.PovertyLifted, placed("p3", "2025-12-31", "", nanjing)),
		worker("home", data.PovertyLifted, placed("p4", "2026-01-05", "", home)), // 县内: no row
		worker("later", data.PovertyLifted, placed("p5", "2027-01-02", "", nanjing)),
		husk,
	)
	if len(r.Eligible) != 0 {
		t.Fatalf("eligible %+v", r.Eligible)
	}
	want := map[string]Reason{"claimed": ReasonClaimed, "general": ReasonNotTarget, "early": ReasonWindow,
		"home": ReasonNotTarget, "husk": ReasonWithdrawn}
	if len(r.Excluded) != len(want) { // "later" started after the 核算日: not a candidate
		t.Fatalf("excluded %+v", r.Excluded)
	}
	for _, x := range r.Excluded {
		if x.Reason != want[x.Worker.ID] {
			t.Errorf("%s excluded for %s (%s), want %s", x.Worker.ID, x.Reason, x.Detail, want[x.Worker.ID])
		}
	}
	if got := r.Summary(); got != "可申报 0 人，金额合计 0 元；未纳入 5 人（已申报 1、上岗日期不在范围 1、不是补贴对象 2、已撤回共享同意 1）" {
		t.Errorf("summary %q", got)
	}
}
