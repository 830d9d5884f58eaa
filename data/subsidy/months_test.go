package subsidy

import (
	"database/sql"
	"fmt"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"duikou/data"
)

func d(s string) data.Date {
	v, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestExactlyThreeMonthsToTheDay(t *testing.T) {
	start := d("2026-03-15")
	if !lasted(start, d("2026-06-15"), 3) {
		t.Error("03-15 to 06-15 is three months to the day and should count")
	}
	if lasted(start, d("2026-06-14"), 3) {
		t.Error("03-15 to 06-14 is a day short of three months")
	}
	if got := monthsWorked(start, d("2026-06-15")); got != 3 {
		t.Errorf("months 03-15..06-15 = %d, want 3", got)
	}
	if got := monthsWorked(start, d("2026-06-14")); got != 2 {
		t.Errorf("months 03-15..06-14 = %d, want 2", got)
	}
}

// 08-31 + 3 months is 11-31, which SQLite (and this package) roll over
// to 12-01: a worker who started on 08-31 has three months only on 12-01.
func TestAugust31PlusThreeMonthsIsDecember1(t *testing.T) {
	if got := addMonths(d("2026-08-31"), 3); got != d("2026-12-01") {
		t.Fatalf("08-31 + 3 months = %s, want 2026-12-01", got)
	}
	if lasted(d("2026-08-31"), d("2026-11-30"), 3) {
		t.Error("08-31 to 11-30 counted as three months")
	}
	if !lasted(d("2026-08-31"), d("2026-12-01"), 3) {
		t.Error("08-31 to 12-01 not counted as three months")
	}
}

// The month rule is defined as SQLite's date(start, '+N months'): every
// day of a leap year and a common year, 0 to 14 months on, agrees with
// SQLite itself.
func TestAddMonthsAgreesWithSQLite(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmt, err := db.Prepare("SELECT date(?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	checked := 0
	for _, first := range []string{"2024-01-01", "2026-01-01"} {
		for day := d(first); day.Year == d(first).Year; day = day.AddDays(1) {
			for n := 0; n <= 14; n += 1 {
				var want string
				if err := stmt.QueryRow(day.String(), fmt.Sprintf("+%d months", n)).Scan(&want); err != nil {
					t.Fatal(err)
				}
				if got := addMonths(day, n).String(); got != want {
					t.Fatalf("%s + %d months = %s, SQLite says %s", day, n, got, want)
				}
				checked++
			}
		}
	}
	if checked != (366+365)*15 {
		t.Fatalf("checked %d cases", checked)
	}
}

func TestMonthsWorkedIsTheLargestThatLasted(t *testing.T) {
	for _, c := range []struct {
		start, end string
		want       int
	}{
		{"2026-01-31", "2026-03-02", 0}, // 01-31 + 1 month is 03-03
		{"2026-01-31", "2026-03-03", 1},
		{"2025-11-30", "2026-11-29", 11},
		{"2025-11-30", "2026-11-30", 12},
		{"2026-05-01", "2026-04-30", 0}, // ended before it started: nothing
	} {
		if got := monthsWorked(d(c.start), d(c.end)); got != c.want {
			t.Errorf("months %s..%s = %d, want %d", c.start, c.end, got, c.want)
		}
	}
}
