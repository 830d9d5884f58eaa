package data

import "testing"

func TestRangeText(t *testing.T) {
	mar1, mar31 := MakeDate(2026, 3, 1), MakeDate(2026, 3, 31)
	for _, c := range []struct {
		from, to Date
		want     string
	}{
		{mar1, mar31, "2026-03-01 至 2026-03-31"},
		{mar1, Date{}, "2026-03-01 起"},
		{Date{}, mar31, "截至 2026-03-31"},
		{Date{}, Date{}, "全部"},
	} {
		if got := RangeText(c.from, c.to, "全部"); got != c.want {
			t.Errorf("RangeText(%s, %s) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

func TestAgeRangeText(t *testing.T) {
	for _, c := range []struct {
		lo, hi int
		want   string
	}{
		{18, 45, "18-45岁"},
		{18, 0, "18岁以上"},
		{0, 45, "45岁以下"},
		{0, 0, "不限"},
	} {
		if got := AgeRangeText(c.lo, c.hi, "%d-%d岁"); got != c.want {
			t.Errorf("AgeRangeText(%d, %d) = %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}
