package cli

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"duikou/data"
)

// On the demo database, `monitor --json` flags exactly the workers that
// independent SQL over the file finds, rule by rule; no 一般 worker.
func TestMonitorOnTheDemoMatchesIndependentSQL(t *testing.T) {
	db := demoDB(t)
	asOf := data.Today().String()
	code, out, errOut := runCLI("monitor", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, errOut)
	}
	var got struct {
		AsOf  string `json:"as_of"`
		Flags []struct {
			WorkerID string   `json:"worker_id"`
			Reasons  []string `json:"reasons"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.AsOf != asOf {
		t.Fatalf("%v %s", err, out)
	}
	flagged := map[string]string{} // worker → rules, e.g. "ab"
	for _, f := range got.Flags {
		rules := ""
		for _, r := range f.Reasons {
			switch {
			case strings.HasPrefix(r, "离职已") || strings.HasPrefix(r, "返乡已"):
				rules += "a"
			case strings.HasSuffix(r, "案件未结"):
				if !strings.HasSuffix(rules, "b") {
					rules += "b"
				}
			case strings.HasPrefix(r, "在岗但"):
				rules += "c"
			default:
				t.Errorf("unknown reason %q", r)
			}
		}
		flagged[f.WorkerID] = rules
	}

	conn := openSQL(t, db)
	want := map[string]string{}
	perRule := map[string]int{}
	for _, q := range []struct{ rule, sql string }{
		// (a) the latest 离职/返乡 more than 30 days ago, nothing started
		// since that is still going.
		{"a", `WITH ends AS (SELECT worker_id, MAX(ended_on) AS last_end FROM placements
		       WHERE deleted = 0 AND stage IN ('left','returned') AND ended_on <= :d GROUP BY worker_id)
		   SELECT w.id FROM workers w JOIN ends e ON e.worker_id = w.id
		   WHERE w.deleted = 0 AND w.poverty IN ('lifted','monitored')
		     AND julianday(:d) - julianday(e.last_end) > 30
		     AND NOT EXISTS (SELECT 1 FROM placements q WHERE q.worker_id = w.id AND q.deleted = 0
		           AND q.started_on >= e.last_end AND q.started_on <= :d
		           AND (q.ended_on IS NULL OR q.ended_on > e.last_end))`},
		// (b) an open 欠薪 or 工伤 case.
		{"b", `SELECT w.id FROM workers w WHERE w.deleted = 0 AND w.poverty IN ('lifted','monitored')
		     AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.worker_id = w.id AND f.deleted = 0
		           AND f.kind IN ('arrears','injury') AND f.status = 'open')`},
		// (c) at work more than 90 days, nothing completed in the last 90.
		{"c", `SELECT w.id FROM workers w WHERE w.deleted = 0 AND w.poverty IN ('lifted','monitored')
		     AND (SELECT julianday(:d) - julianday(MIN(p.started_on)) FROM placements p WHERE p.worker_id = w.id
		          AND p.deleted = 0 AND p.started_on <= :d AND (p.ended_on IS NULL OR p.ended_on > :d)) > 90
		     AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.worker_id = w.id AND f.deleted = 0
		           AND f.status = 'done' AND f.done_on <= :d AND julianday(:d) - julianday(f.done_on) <= 90)`},
	} {
		rows, err := conn.Query(strings.ReplaceAll(q.sql, ":d", "'"+asOf+"'"))
		if err != nil {
			t.Fatalf("%s: %v", q.rule, err)
		}
		for rows.Next() {
			var id string
			rows.Scan(&id)
			want[id] += q.rule
			perRule[q.rule]++
		}
		rows.Close()
	}
	if perRule["a"] == 0 || perRule["b"] == 0 {
		t.Fatalf("the demo has no case of rule a or b: %v", perRule)
	}
	if len(flagged) != len(want) {
		t.Errorf("%d flagged, SQL finds %d (%v)", len(flagged), len(want), perRule)
	}
	for id, rules := range want {
		if flagged[id] != rules {
			t.Errorf("worker %s: flagged for %q, SQL says %q", id, flagged[id], rules)
		}
	}
	ids := make([]string, 0, len(flagged))
	for id := range flagged {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var general int
	conn.QueryRow(`SELECT COUNT(*) FROM workers WHERE poverty = 'general' AND id IN ('` + strings.Join(ids, "','") + `')`).Scan(&general)
	if general != 0 {
		t.Errorf("%d 一般 workers flagged", general)
	}
	t.Logf("demo on %s: %d flagged (SQL by rule %v)", asOf, len(flagged), perRule)
}
