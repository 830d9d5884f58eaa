package subsidy

import "duikou/data"

// addMonths is start plus n calendar months as SQLite's
// date(start, '+n months') computes it: the month moves, the day stays,
// and a day past the month's end rolls into the next month (2026-08-31 +
// 3 months is 2026-11-31, which is 2026-12-01). Go's AddDate does the
// same normalisation.
func addMonths(start data.Date, n int) data.Date {
	return data.DateOf(start.Time().AddDate(0, n, 0))
}

// monthsWorked is the largest n for which start + n months is on or
// before end: the months a placement from start to end has lasted.
func monthsWorked(start, end data.Date) int {
	if start.IsZero() || end.Before(start) {
		return 0
	}
	// A first guess from the calendar months between, then stepped to the
	// exact answer (the guess is off by at most one either way).
	n := (end.Year-start.Year)*12 + int(end.Month) - int(start.Month)
	n = max(n, 0)
	for n > 0 && addMonths(start, n).After(end) {
		n--
	}
	for !addMonths(start, n+1).After(end) {
		n++
	}
	return n
}

// lasted reports whether a placement from start to end has lasted n
// months: start + n months is on or before end.
func lasted(start, end data.Date, n int) bool {
	return !addMonths(start, n).After(end)
}
