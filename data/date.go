package data

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Date is a calendar date with no time of day or zone. The zero Date means
// "not set" and is stored as NULL; otherwise it is stored in a DATE column as
// YYYY-MM-DD, which SQLite and PostgreSQL both read.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf takes the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today is the local calendar date now.
func Today() Date { return DateOf(time.Now()) }

// MakeDate builds a date; out-of-range parts are normalised as time.Date does.
func MakeDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// ParseDate reads a date as clerks write it: year, month and day with
// "-", "/" or "." between them or as 2026年12月6日, with or without leading
// zeros (2026.12.6, 2026-01-31), full-width digits too, or YYYYMMDD.
func ParseDate(s string) (Date, error) {
	if d, ok := parseISODate(s); ok {
		return d, nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	bad := fmt.Errorf("日期“%s”格式不对，应为 2026-01-31（也可写 2026.1.31、2026/1/31 或 2026年1月31日）", s)
	norm := width.Narrow.String(s)
	if len(norm) == 8 && strings.Trim(norm, "0123456789") == "" {
		norm = norm[:4] + "-" + norm[4:6] + "-" + norm[6:]
	}
	norm = strings.TrimSuffix(strings.TrimSpace(norm), "日")
	norm = strings.NewReplacer("年", "-", "月", "-", "/", "-", ".", "-", " ", "").Replace(norm)
	parts := strings.Split(norm, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return Date{}, bad
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || p == "" || strings.Trim(p, "0123456789") != "" {
			return Date{}, bad
		}
		n[i] = v
	}
	if n[1] < 1 || n[1] > 12 || n[2] < 1 {
		return Date{}, bad // 13/01: month and day the other way round, most likely
	}
	d := MakeDate(n[0], time.Month(n[1]), n[2])
	if d.Year != n[0] || int(d.Month) != n[1] || d.Day != n[2] {
		return Date{}, fmt.Errorf("日期“%s”不存在（%d年没有%d月%d日）", s, n[0], n[1], n[2])
	}
	return d, nil
}

// parseISODate reads a valid date written exactly YYYY-MM-DD, the form
// the database and the exchange hold millions of: without the clerk's
// forms' work (and its allocations) for each. Anything else is left to
// ParseDate's general reading.
func parseISODate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	num := func(b string) int {
		n := 0
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return -1
			}
			n = n*10 + int(b[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	date := MakeDate(y, time.Month(m), d)
	if date.Year != y || int(date.Month) != m || date.Day != d {
		return Date{}, false // a day the month does not have: ParseDate says so
	}
	return date, true
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Time is midnight UTC of the date (the zero time for the zero Date).
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare orders two dates: -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// String is YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// YearsSince is the whole years from d to on (an age).
func (d Date) YearsSince(on Date) int {
	years := on.Year - d.Year
	if on.Month < d.Month || (on.Month == d.Month && on.Day < d.Day) {
		years--
	}
	return years
}

// GormDataType makes GORM declare the column as DATE.
func (Date) GormDataType() string { return "date" }

// Value stores the date as YYYY-MM-DD, or NULL when unset.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads what the driver returns for a DATE column: time.Time from
// go-sqlite3 (it parses declared date columns), or text, or NULL.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = DateOf(v.UTC())
	case string:
		return d.ScanText(v)
	case []byte:
		return d.ScanText(string(v))
	default:
		return fmt.Errorf("data: cannot scan %T into Date", src)
	}
	return nil
}

func (d *Date) ScanText(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	p, err := ParseDate(s)
	if err != nil {
		return fmt.Errorf("data: bad stored date %q", s)
	}
	*d = p
	return nil
}

// MarshalText is YYYY-MM-DD ("" when unset), used by JSON in the op log.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
