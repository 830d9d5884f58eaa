package recommend

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/match"
	"duikou/data/storage"
)

// The same ranking written as one SQLite query over the workers table, for
// the benchmark to measure the index against. It applies the same hard
// filters and the same arithmetic as match.Score, part by part in the same
// order, so its top k equals the index's (TestSQLRankingEqualsTheIndex),
// and the comparison is of two ways to compute one answer.

// sqlRanker holds one connection, because the occupation relatedness of a
// query lives in a temporary table, which SQLite keeps per connection.
type sqlRanker struct {
	db   *sql.DB
	conn *sql.Conn
}

// sqlRanked is a worker as the query ranks it.
type sqlRanked struct {
	ID     string
	Micros int64 // score in millionths
}

func openSQLRanker(path string) (*sqlRanker, error) {
	// The driver "sqlite3" is the one the Store's GORM driver registers.
	db, err := sql.Open("sqlite3", path+"?_busy_timeout=10000")
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := conn.ExecContext(context.Background(),
		`CREATE TEMP TABLE IF NOT EXISTS rel (occ TEXT PRIMARY KEY, r REAL NOT NULL)`); err != nil {
		db.Close()
		return nil, err
	}
	return &sqlRanker{db: db, conn: conn}, nil
}

func (q *sqlRanker) Close() error {
	q.conn.Close()
	return q.db.Close()
}

// topWorkers ranks the workers for d on today and returns the best k:
// band, then score, then 脱贫户/监测对象, then the earliest 可到岗日期 (none
// last), then id, as the index orders them.
func (q *sqlRanker) topWorkers(d match.Demand, today time.Time, k int) ([]sqlRanked, error) {
	if !d.Open || d.Left <= 0 || k <= 0 {
		return nil, nil
	}
	ctx := context.Background()
	// Relatedness of each catalog 工种 to the demand's, joined in below.
	tx, err := q.conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM rel`); err != nil {
		return nil, err
	}
	ins, err := tx.Prepare(`INSERT OR REPLACE INTO rel (occ, r) VALUES (?, ?)`)
	if err != nil {
		return nil, err
	}
	defer ins.Close()
	for _, o := range catalog.Occupations() {
		if r := catalog.Relatedness(o.Key, d.Occupation); r > 0 {
			if _, err := ins.Exec(o.Key, r); err != nil {
				return nil, err
			}
		}
	}
	if _, err := ins.Exec(d.Occupation, 1.0); err != nil { // the same 工种, even off the catalog
		return nil, err
	}
	query, args := rankingSQL(d, today, k)
	rows, err := tx.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sqlRanked
	for rows.Next() {
		var r sqlRanked
		if err := rows.Scan(&r.ID, &r.Micros); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// rankingSQL is the query for d: constants that shape it (sex, age, the
// partner provinces) are written in, the rest bound.
func rankingSQL(d match.Demand, today time.Time, k int) (string, []any) {
	todayDay, startDay := epochDay(today), epochDay(today)
	if !d.StartDate.IsZero() {
		startDay = max(epochDay(d.StartDate), todayDay)
	}
	offer := d.WageMaxFen
	if offer <= 0 {
		offer = max(d.WageMinFen, 0)
	}
	work := d.WorkRegion

	var filters []string
	switch d.Sex {
	case match.MaleOnly:
		filters = append(filters, "w.sex <> 2")
	case match.FemaleOnly:
		filters = append(filters, "w.sex = 2")
	}
	if d.AgeMin > 0 || d.AgeMax > 0 {
		latest, tooEarly := "9999-12-31", "0000-00-00"
		if d.AgeMin > 0 {
			latest = latestBirth(today, d.AgeMin)
		}
		if d.AgeMax > 0 {
			tooEarly = latestBirth(today, d.AgeMax+1)
		}
		filters = append(filters, fmt.Sprintf("w.birth IS NOT NULL AND w.birth <= '%s' AND w.birth > '%s'", latest, tooEarly))
	}
	where := ""
	for _, f := range filters {
		where += " AND " + f
	}

	// Location: a desired region contains the work county when it is the
	// county, or its city or province by code prefix (GB/T 2260 codes
	// nest); the same province earns the lower fit.
	fit := `CASE WHEN COALESCE(json_array_length(w.desired_regions), 0) = 0 THEN 0.5
		ELSE COALESCE((SELECT MAX(CASE
			WHEN g.value = :work
			  OR (substr(g.value, 3) = '0000' AND substr(g.value, 1, 2) = :work2)
			  OR (substr(g.value, 5) = '00' AND substr(g.value, 1, 4) = :work4) THEN 1.0
			WHEN substr(g.value, 1, 2) = :work2 THEN 0.5
			ELSE 0.0 END) FROM json_each(w.desired_regions) g), 0.0) END`
	loc := "(" + fit + ")"
	if len(d.PartnerProvinces) > 0 {
		var ps []string
		for _, p := range d.PartnerProvinces {
			ps = append(ps, "'"+p[:2]+"'")
		}
		loc = fmt.Sprintf("0.75 * (%s) + CASE WHEN substr(w.hukou_region, 1, 2) IN (%s) THEN 0.25 ELSE 0.0 END",
			fit, strings.Join(ps, ", "))
	}

	query := `
SELECT id, micros FROM (
  SELECT id, occ, loc, late, since, first,
    MIN(1000000, CAST((0.4 * occ + 0.15 * skill + 0.2 * loc + 0.15 * wage
      + 0.1 * (CASE WHEN late <= 0 THEN 1.0 ELSE MAX(0.0, 1 - late / 30.0) END)) * 1000000 + 0.5 AS INTEGER)) AS micros
  FROM (
    SELECT w.id,
      COALESCE((SELECT MAX(rel.r * x.share) FROM (
          SELECT json_extract(j.value, '$.occ') AS o, 1.0 AS share FROM json_each(w.skills) j
          UNION ALL SELECT j.value, 0.8 FROM json_each(w.desired_occupations) j) x
        JOIN rel ON rel.occ = x.o), 0.0) AS occ,
      CASE WHEN :min <= 0 THEN 1.0 ELSE (
        SELECT CASE WHEN lvl >= :min THEN 1.0 ELSE lvl * 1.0 / :min END FROM (
          SELECT COALESCE(MAX(MIN(MAX(json_extract(j.value, '$.level'), 0), 7)), 0) AS lvl
          FROM json_each(w.skills) j WHERE json_extract(j.value, '$.occ') = :occ)) END AS skill,
      ` + loc + ` AS loc,
      CASE WHEN COALESCE(w.expected_wage, 0) <= 0 THEN 1.0
        WHEN :offer <= 0 THEN 0.5
        WHEN :offer >= w.expected_wage THEN 1.0
        ELSE MAX(0.0, (:offer * 1.0 / w.expected_wage - 0.6) / 0.4) END AS wage,
      MAX(COALESCE(CAST(julianday(w.available_from) - 2440587.5 AS INTEGER), :today), :today) - :start AS late,
      CAST(julianday(w.available_from) - 2440587.5 AS INTEGER) AS since,
      w.poverty IN ('lifted', 'monitored') AS first
    FROM workers w
    WHERE w.deleted = 0 AND w.status = 'idle' AND w.consent = 1` + where + `
      AND NOT EXISTS (SELECT 1 FROM placements p
        WHERE p.worker_id = w.id AND p.deleted = 0 AND p.stage NOT IN ('left', 'returned'))
  )
)
ORDER BY (CASE WHEN occ <= 0 THEN 0
    WHEN micros >= 750000 AND occ >= 0.8 AND loc >= 0.5 AND late <= 30 THEN 2
    WHEN micros >= 500000 THEN 1 ELSE 0 END) * 10000000 + micros DESC,
  first DESC, since IS NULL, since, id
LIMIT :k`
	args := []any{
		sql.Named("work", work), sql.Named("work2", work[:2]), sql.Named("work4", work[:4]),
		sql.Named("min", int(d.MinLevel)), sql.Named("occ", d.Occupation), sql.Named("offer", offer),
		sql.Named("today", todayDay), sql.Named("start", startDay), sql.Named("k", k),
	}
	return query, args
}

// epochDay is the calendar date of t as days since 1970-01-01.
func epochDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// latestBirth is the last birth date of someone at least age years old on
// today, as YYYY-MM-DD (a 29 February birthday counts on 28 February of a
// common year, as the index has it).
func latestBirth(today time.Time, age int) string {
	y, m, d := today.Date()
	y -= age
	if m == time.February && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		d = 28
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d)
}

// testDemandEdits shape demands that exercise every filter and part.
var testDemandEdits = []func(d *data.Demand, today data.Date){
	func(d *data.Demand, today data.Date) {
		d.Headcount, d.MinLevel, d.ValidFrom = 30, catalog.Level5, today.AddDays(-3)
	},
	func(d *data.Demand, today data.Date) {
		d.Occupation, d.Title, d.WorkRegion, d.MinLevel = "electrician", "电工", "500112", catalog.Level4
		d.WageMin, d.WageMax, d.AgeMin, d.AgeMax, d.SexRequirement = 0, data.Yuan(8000), 18, 45, data.MaleOnly
	},
	func(d *data.Demand, today data.Date) {
		d.Occupation, d.Title, d.WorkRegion, d.AgeMax, d.SexRequirement = "nanny", "育婴员", "620102", 55, data.FemaleOnly
		d.WageMin, d.WageMax, d.MinLevel = 0, 0, catalog.Level3
	},
	func(d *data.Demand, today data.Date) {
		d.Occupation, d.Title, d.WorkRegion, d.WageMin, d.WageMax = "courier", "快递员", "320505", data.Yuan(3500), 0
		d.ValidUntil = today.AddDays(20)
	},
	func(d *data.Demand, today data.Date) {
		d.Occupation, d.Title, d.AgeMin, d.WageMin, d.WageMax = "elder_carer", "养老护理员", 30, data.Yuan(4000), data.Yuan(4500)
	},
}

// createTestDemands stores one employer with the test demands, in order.
func createTestDemands(s *storage.Store) ([]*data.Demand, error) {
	e, err := createEmployer(s, "南京悦家家政服务有限公司")
	if err != nil {
		return nil, err
	}
	var ds []*data.Demand
	for _, edit := range testDemandEdits {
		d := baseDemand(e)
		edit(d, s.Today())
		if err := s.Create(d); err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, nil
}

func testDemands(t testing.TB, s *storage.Store) []*data.Demand {
	t.Helper()
	ds, err := createTestDemands(s)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestSQLRankingEqualsTheIndex(t *testing.T) {
	s := openStore(t)
	ds := testDemands(t, s)
	if err := genWorkers(s, 7, 0, 1500); err != nil {
		t.Fatal(err)
	}
	// Refer a few idle workers and then set them back to 待业 by hand: only
	// the open placement keeps them out, in both rankings.
	rng := rand.New(rand.NewPCG(7, 99))
	var idle []data.Worker
	if err := s.EachWorker(data.WorkerFilter{Status: data.WorkerIdle}, storage.DateRange{}, func(w *data.Worker) error {
		if w.Consent {
			idle = append(idle, *w)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for range 40 {
		w := idle[rng.IntN(len(idle))]
		d := ds[rng.IntN(len(ds))]
		if err := s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID}); err != nil {
			continue // referred twice to the same demand
		}
		w2, _ := s.Worker(w.ID)
		w2.Status = data.WorkerIdle
		if err := s.Update(w2); err != nil {
			t.Fatal(err)
		}
	}

	m := newMatcher(t, s)
	ranker, err := openSQLRanker(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ranker.Close()
	today := s.Today().Time()
	for i, d := range ds {
		md, _, _ := m.Demand(d.ID)
		for _, k := range []int{20, 300} {
			idx, err := m.TopWorkers(d.ID, k)
			if err != nil {
				t.Fatal(err)
			}
			sq, err := ranker.topWorkers(md, today, k)
			if err != nil {
				t.Fatal(err)
			}
			if len(idx) != len(sq) || len(idx) == 0 {
				t.Fatalf("demand %d k %d: index %d rows, SQL %d", i, k, len(idx), len(sq))
			}
			for j := range idx {
				if micros := int64(math.Round(idx[j].Score * 1e6)); idx[j].WorkerID != sq[j].ID || micros != sq[j].Micros {
					t.Fatalf("demand %d k %d row %d: index %s %d, SQL %s %d", i, k, j, idx[j].WorkerID, micros, sq[j].ID, sq[j].Micros)
				}
			}
		}
	}
}
