package demo

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"duikou/data/ident"
)

// Columns that differ between two builds by design: keys and clock stamps.
var timeBased = map[string]bool{"id": true, "origin": true, "hlc": true, "field_ops": true,
	"created_at": true, "updated_at": true, "pinned_at": true, "at": true,
	"sign_public": true, "sign_private": true, "age_identity": true, "age_recipient": true}

// dump reads every table of a closed database as sorted lines, with record
// keys replaced by natural ones (ID number, credit code, ...) and the
// time-based columns left out, so two builds can be compared.
func dump(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	natural := map[string]string{}
	keyed := []struct{ query, prefix string }{
		{"SELECT id, 'this office' FROM offices", "office:"},
		{"SELECT id, name FROM partners", "partner:"},
		{"SELECT id, credit_code FROM employers", "employer:"},
		{"SELECT id, id_number FROM workers", "worker:"},
		{"SELECT d.id, e.credit_code || '/' || d.occupation FROM demands d JOIN employers e ON e.id = d.employer_id", "demand:"},
		{`SELECT p.id, w.id_number || '/' || e.credit_code || '/' || d.occupation FROM placements p
			JOIN workers w ON w.id = p.worker_id JOIN demands d ON d.id = p.demand_id JOIN employers e ON e.id = d.employer_id`, "placement:"},
	}
	for _, k := range keyed {
		rows, err := db.Query(k.query)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, key string
			if err := rows.Scan(&id, &key); err != nil {
				t.Fatal(err)
			}
			if _, dup := natural[id]; dup {
				t.Fatalf("natural key for %s not unique", id)
			}
			natural[id] = k.prefix + key
		}
		rows.Close()
	}
	var out []string
	for _, table := range []string{"offices", "partners", "employers", "demands", "workers", "placements",
		"follow_ups", "audit_entries", "settings"} {
		rows, err := db.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString(table)
			for i, c := range cols {
				if timeBased[c] {
					continue
				}
				v := vals[i]
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				s := fmt.Sprint(v)
				if n, ok := natural[s]; ok {
					s = n
				}
				fmt.Fprintf(&b, "|%s=%s", c, s)
			}
			out = append(out, b.String())
		}
		rows.Close()
	}
	// The op log: the same number of ops per table, setting the same columns.
	rows, err := db.Query("SELECT tbl, COUNT(*) FROM ops GROUP BY tbl ORDER BY tbl")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var tbl string
		var n int
		rows.Scan(&tbl, &n)
		out = append(out, fmt.Sprintf("ops|%s=%d", tbl, n))
	}
	rows.Close()
	slices.Sort(out)
	return out
}

func build(t *testing.T, opt Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("seed%d.db", opt.Seed))
	s, err := Create(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSameSeedSameDatabase(t *testing.T) {
	first := dump(t, build(t, testOpt))
	second := dump(t, build(t, testOpt))
	if len(first) < testOpt.Workers {
		t.Fatalf("dump has only %d lines", len(first))
	}
	if !slices.Equal(first, second) {
		for i := range min(len(first), len(second)) {
			if first[i] != second[i] {
				t.Fatalf("builds differ at line %d:\n%s\n%s", i, first[i], second[i])
			}
		}
		t.Fatalf("builds differ in length: %d and %d lines", len(first), len(second))
	}
}

func TestDifferentSeedDifferentDatabase(t *testing.T) {
	opt := testOpt
	opt.Seed++
	a, b := dump(t, build(t, testOpt)), dump(t, build(t, opt))
	if slices.Equal(a, b) {
		t.Fatal("seeds 7 and 8 built the same database")
	}
	workerLines := func(lines []string) map[string]bool {
		m := map[string]bool{}
		for _, l := range lines {
			if strings.HasPrefix(l, "workers|") {
				m[l] = true
			}
		}
		return m
	}
	wa, wb := workerLines(a), workerLines(b)
	same := 0
	for l := range wa {
		if wb[l] {
			same++
		}
	}
	if same > len(wa)/10 {
		t.Fatalf("%d of %d workers identical across seeds", same, len(wa))
	}
}

// The allocator never hands out a sequence code twice in a cell, and says
// so when a cell is full, so a million workers get distinct ID numbers.
func TestIDAllocatorNeverRepeatsANumber(t *testing.T) {
	a := newIDAllocator(testToday)
	birth := testToday.AddDays(-40 * 365)
	for _, female := range []bool{false, true} {
		seen := map[string]bool{}
		for i := 0; i < seqCodes; i++ {
			seq, ok := a.take(3, female, birth)
			if !ok {
				t.Fatalf("cell full after %d codes", i)
			}
			id := ident.MakeID(gansuCounties[3].code, birth.Time(), seq, female)
			if seen[id] {
				t.Fatalf("ID %s handed out twice", id)
			}
			seen[id] = true
			if parsed, err := ident.ParseID(id); err != nil || (parsed.Sex == ident.Female) != female {
				t.Fatalf("ID %s: %v, sex %v", id, err, parsed.Sex)
			}
		}
		if _, ok := a.take(3, female, birth); ok {
			t.Fatal("a full cell handed out another code")
		}
	}
}

// At scale the generator (without the database) still gives every worker a
// distinct, valid ID number.
func TestManyWorkersHaveDistinctIDNumbers(t *testing.T) {
	n := 200000
	if testing.Short() {
		n = 20000
	}
	g := newGen(1, testToday)
	ids := newIDAllocator(testToday)
	seen := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		w := g.newWorker(ids, nil)
		if seen[w.IDNumber] {
			t.Fatalf("worker %d repeats ID %s", i, w.IDNumber)
		}
		seen[w.IDNumber] = true
	}
}
