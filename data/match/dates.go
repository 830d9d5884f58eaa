package match

import (
	"math"
	"time"
)

// day is a calendar date as the number of days since 1970-01-01. Matching
// compares dates many millions of times, so it works on these small integers
// rather than on time.Time.
type day int32

// noDay marks a date that was not given (a zero time.Time). It is the
// smallest day, so "available from no date" means available at once.
const noDay day = math.MinInt32

// dayOf is the calendar date of t in t's own location; noDay for a zero t.
func dayOf(t time.Time) day {
	if t.IsZero() {
		return noDay
	}
	y, m, d := t.Date()
	return civilDay(y, m, d)
}

// civilDay counts days since 1970-01-01 in the proleptic Gregorian calendar
// (Howard Hinnant's days_from_civil).
func civilDay(y int, m time.Month, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// date turns a day back into a time.Time at midnight UTC; zero for noDay.
func (d day) date() time.Time {
	if d == noDay {
		return time.Time{}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

func (d day) String() string { return d.date().Format(time.DateOnly) }

// ageOn is the age in whole years on today of someone born on birth: the
// birthday counts once today's month and day reach it, so a 29 February
// birthday is reached on 1 March in common years.
func ageOn(birth, today time.Time) int {
	by, bm, bd := birth.Date()
	ty, tm, td := today.Date()
	age := ty - by
	if tm < bm || (tm == bm && td < bd) {
		age--
	}
	return age
}

// latestBirthForAge is the latest birth date of someone who is at least age
// years old on today, so that ageOn(b, today) >= age exactly when
// dayOf(b) <= latestBirthForAge(today, age). The index checks age limits
// with it without a calendar computation per worker.
func latestBirthForAge(today time.Time, age int) day {
	ty, tm, td := today.Date()
	y := ty - age
	if tm == time.February && td == 29 && !isLeap(y) {
		// Born on 28 February of a common year: the birthday is reached.
		// Born on 1 March: not yet. So the latest birth date is the 28th.
		td = 28
	}
	return civilDay(y, tm, td)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
