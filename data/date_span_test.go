package data

import "testing"

func TestSpanTextNamesEachOpenEnd(t *testing.T) {
	mar1, mar31 := MakeDate(2026, 3, 1), MakeDate(2026, 3, 31)
	for _, c := range []struct {
		from, to Date
		want     string
	}{
		{mar1, mar31, "2026-03-01 至 2026-03-31"},
		{mar1, Date{}, "2026-03-01 起"},
		{Date{}, mar31, "截至 2026-03-31"},
		{Date{}, Date{}, "不限"},
	} {
		if got := SpanText(c.from, c.to, "不限"); got != c.want {
			t.Errorf("SpanText(%s, %s) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
