package stats

import (
	"testing"

	"duikou/data"
)

var today = data.MakeDate(2026, 11, 22)

func TestPeriodParsing(t *testing.T) {
	for _, c := range []struct {
		p        func() (Period, error)
		from, to string
		label    string
	}{
		{func() (Period, error) { return ParseMonth("2026-11", today) }, "2026-11-01", "2026-11-30", "2026年11月"},
		{func() (Period, error) { return ParseMonth("2024/2", today) }, "2024-02-01", "2024-02-29", "2024年2月"},
		{func() (Period, error) { return ParseQuarter("2026Q4", today) }, "2026-10-01", "2026-12-31", "2026年第四季度"},
		{func() (Period, error) { return ParseQuarter("2026q1", today) }, "2026-01-01", "2026-03-31", "2026年第一季度"},
		{func() (Period, error) { return ParseRange("2026-03-01", "2026-05-31", today) }, "2026-03-01", "2026-05-31", "2026-03-01 至 2026-05-31"},
	} {
		p, err := c.p()
		if err != nil || p.From.String() != c.from || p.To.String() != c.to || p.Label() != c.label {
			t.Errorf("%+v %v, want %s..%s %s", p, err, c.from, c.to, c.label)
		}
	}
	for _, bad := range []func() (Period, error){
		func() (Period, error) { return ParseMonth("2026-13", today) },
		func() (Period, error) { return ParseMonth("2026-00", today) },
		func() (Period, error) { return ParseMonth("十一月", today) },
		func() (Period, error) { return ParseMonth("2026-12", today) }, // not begun
		func() (Period, error) { return ParseQuarter("2026Q5", today) },
		func() (Period, error) { return ParseQuarter("2027Q1", today) },
		func() (Period, error) { return ParseRange("2026-03-02", "2026-03-01", today) },
		func() (Period, error) { return ParseRange("2026-12-01", "2026-12-31", today) },
		func() (Period, error) { return ParseRange("2026-03-01", "", today) },
	} {
		if p, err := bad(); err == nil {
			t.Errorf("accepted %+v", p)
		}
	}
}

func TestCrossingAndPercent(t *testing.T) {
	for home, want := range map[string]Code{"320115": StartedCrossProv, "620502": StartedCrossCity, "620102": StartedCrossCounty, "620123": StartedInCounty} {
		if got, ok := Crossing("620123", home); !ok || got != want {
			t.Errorf("620123→%s: %s, want %s", home, got, want)
		}
	}
	if _, ok := Crossing("6201", "620123"); ok {
		t.Error("a city code is not a county")
	}
	for _, c := range []struct {
		part, whole int64
		want        string
	}{{1, 3, "33.3"}, {2, 3, "66.7"}, {1, 2, "50"}, {0, 0, "0"}, {3, 3, "100"}} {
		if got := percent(c.part, c.whole); string(got) != c.want {
			t.Errorf("%d/%d = %s, want %s", c.part, c.whole, got, c.want)
		}
	}
}
