package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// figureSQL is every indicator restated as one query for the sqlite3
// shell, written from the definitions in the README and not from the
// Store's code; :from and :to are the period's ends. Money is in yuan.
var figureSQL = map[string]string{
	"workers_registered": `SELECT count(*) FROM workers WHERE deleted = 0 AND registered_on BETWEEN :from AND :to`,
	"workers_total":      `SELECT count(*) FROM workers WHERE deleted = 0 AND registered_on <= :to`,
	"placements_started": `SELECT count(*) FROM placements WHERE deleted = 0 AND started_on BETWEEN :from AND :to`,
	"started_cross_province": started + `AND length(w.hukou_region) = 6 AND length(d.work_region) = 6
		AND substr(w.hukou_region, 1, 2) <> substr(d.work_region, 1, 2)`,
	"started_cross_city": started + `AND length(w.hukou_region) = 6 AND length(d.work_region) = 6
		AND substr(w.hukou_region, 1, 2) = substr(d.work_region, 1, 2) AND substr(w.hukou_region, 1, 4) <> substr(d.work_region, 1, 4)`,
	"started_cross_county": started + `AND length(w.hukou_region) = 6 AND length(d.work_region) = 6
		AND substr(w.hukou_region, 1, 4) = substr(d.work_region, 1, 4) AND w.hukou_region <> d.work_region`,
	"started_in_county": started + `AND length(w.hukou_region) = 6 AND w.hukou_region = d.work_region`,
	"started_poverty":   started + `AND w.poverty IN ('lifted', 'monitored')`,
	"in_work_end": `SELECT count(*) FROM placements WHERE deleted = 0 AND started_on <= :to
		AND NOT (stage IN ('left', 'returned') AND ended_on <= :to)`,
	"placements_left":     `SELECT count(*) FROM placements WHERE deleted = 0 AND stage = 'left' AND ended_on BETWEEN :from AND :to`,
	"placements_returned": `SELECT count(*) FROM placements WHERE deleted = 0 AND stage = 'returned' AND ended_on BETWEEN :from AND :to`,
	"contracts_signed":    signed,
	"contracts_signed_pct": `SELECT CASE WHEN s = 0 THEN 0 ELSE round(100.0 * c / s, 1) END FROM
		(SELECT (` + signed + `) AS c, (SELECT count(*) FROM placements WHERE deleted = 0 AND started_on BETWEEN :from AND :to) AS s)`,
	"followups_done":         done + `AND 1`,
	"checkins_overdue_end":   openAtEnd + `AND kind = 'checkin'`,
	"arrears_cases_opened":   `SELECT count(*) FROM follow_ups WHERE deleted = 0 AND kind = 'arrears' AND status <> 'cancelled' AND due_on BETWEEN :from AND :to`,
	"arrears_cases_closed":   done + `AND kind = 'arrears'`,
	"arrears_owed_yuan":      strings.Replace(openAtEnd, "count(*)", "coalesce(sum(amount), 0) / 100.0", 1) + `AND kind = 'arrears'`,
	"arrears_recovered_yuan": strings.Replace(done, "count(*)", "coalesce(sum(amount), 0) / 100.0", 1) + `AND kind = 'arrears'`,
	"warmth_visits":          done + `AND kind = 'warmth'`,
	"warmth_amount_yuan":     strings.Replace(done, "count(*)", "coalesce(sum(amount), 0) / 100.0", 1) + `AND kind = 'warmth'`,
	"demands_new":            newDemands,
	"positions_new":          strings.Replace(newDemands, "count(*)", "coalesce(sum(headcount), 0)", 1),
}

const (
	started = `SELECT count(*) FROM placements p JOIN workers w ON w.id = p.worker_id JOIN demands d ON d.id = p.demand_id
		WHERE p.deleted = 0 AND p.started_on BETWEEN :from AND :to `
	signed = `SELECT count(*) FROM placements WHERE deleted = 0 AND started_on BETWEEN :from AND :to
		AND contract_signed = 1 AND (contract_date IS NULL OR contract_date <= :to)`
	done      = `SELECT count(*) FROM follow_ups WHERE deleted = 0 AND status = 'done' AND done_on BETWEEN :from AND :to `
	openAtEnd = `SELECT count(*) FROM follow_ups WHERE deleted = 0 AND due_on <= :to
		AND (status = 'open' OR (status = 'done' AND done_on > :to)) `
	newDemands = `SELECT count(*) FROM demands WHERE deleted = 0 AND (valid_from BETWEEN :from AND :to
		OR (valid_from IS NULL AND date(created_at, 'localtime') BETWEEN :from AND :to))`
)

// On the demo, every figure of --json for last month and for this
// quarter equals the sqlite3 shell's count over the database file.
func TestReportJSONEqualsSQLiteOnTheDemo(t *testing.T) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 is not on PATH (apt-get install sqlite3)")
	}
	for kind := range data.FollowUpKinds {
		k := data.FollowUpKinds[kind].Code
		figureSQL["followups_done_"+k] = done + `AND kind = '` + k + `'`
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI("demo", "--db", db); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	today := data.Today()
	lastMonth := data.MakeDate(today.Year, today.Month, 1).AddDays(-1)
	q := (int(lastMonth.Month)-1)/3 + 1
	for _, args := range [][]string{
		{"monthly", "--month", lastMonth.String()[:7]},
		{"quarterly", "--quarter", strconv.Itoa(lastMonth.Year) + "Q" + strconv.Itoa(q)},
	} {
		var r struct {
			From, To   string
			Indicators []struct {
				Code  string
				Value json.Number
			}
		}
		code, out, errOut := runCLI(append([]string{"report"}, append(args, "--db", db, "--json")...)...)
		if code != ExitOK {
			t.Fatalf("%v: %s", args, errOut)
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Indicators) != len(stats.Defs) {
			t.Fatalf("%d indicators", len(r.Indicators))
		}
		nonzero := 0
		for _, in := range r.Indicators {
			query, ok := figureSQL[in.Code]
			if !ok {
				t.Errorf("no SQL for %s", in.Code)
				continue
			}
			query = strings.NewReplacer(":from", "'"+r.From+"'", ":to", "'"+r.To+"'").Replace(query)
			b, err := exec.Command(sqlite, "-readonly", db, query).Output()
			if err != nil {
				t.Fatalf("%s: %v", in.Code, err)
			}
			want, _ := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
			got, _ := in.Value.Float64()
			if got != want {
				t.Errorf("%v %s: --json says %s, sqlite3 counts %s", args, in.Code, in.Value, strings.TrimSpace(string(b)))
			}
			if got != 0 {
				nonzero++
			}
		}
		if nonzero < len(r.Indicators)/2 {
			t.Errorf("%v: only %d figures are not 0; the demo should exercise most of them", args, nonzero)
		}
	}
}
