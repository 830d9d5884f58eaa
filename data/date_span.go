package data

// SpanText is the span from..to in the words the lists and rosters print:
// "2026-03-01 至 2026-03-31", "2026-03-01 起" with no end, "截至
// 2026-03-31" with no start, and unbounded (the caller's word: "全部",
// "不限", or "") when neither end is set.
func SpanText(from, to Date, unbounded string) string {
	switch {
	case from.IsZero() && to.IsZero():
		return unbounded
	case to.IsZero():
		return from.String() + " 起"
	case from.IsZero():
		return "截至 " + to.String()
	}
	return from.String() + " 至 " + to.String()
}
