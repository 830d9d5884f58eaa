package data

import "fmt"

// RangeText writes the dates from..to the way lists and rosters print a
// period: "2026-03-01 至 2026-03-31", "2026-03-01 起", "截至 2026-03-31",
// or open when neither end is set ("全部" on a printed list, "不限" for a
// subsidy rule's window).
func RangeText(from, to Date, open string) string {
	switch {
	case from.IsZero() && to.IsZero():
		return open
	case to.IsZero():
		return from.String() + " 起"
	case from.IsZero():
		return "截至 " + to.String()
	}
	return from.String() + " 至 " + to.String()
}

// AgeRangeText writes a demand's age bounds as the importer reads them
// back: span (a format taking both bounds, "%d-%d岁" on a printed list,
// "%d-%d" in a workbook) when both are set, else "18岁以上", "45岁以下"
// or "不限".
func AgeRangeText(lo, hi int, span string) string {
	switch {
	case lo > 0 && hi > 0:
		return fmt.Sprintf(span, lo, hi)
	case lo > 0:
		return fmt.Sprintf("%d岁以上", lo)
	case hi > 0:
		return fmt.Sprintf("%d岁以下", hi)
	}
	return "不限"
}
