package exchange

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/dbconn"
	"duikou/data/storage"
)

// streamOffices are a sender with a few thousand records of every kind,
// edited after they were made (ops based on earlier ops, a tombstone, a
// worker without consent who must stay home), and a receiver.
func streamOffices(t *testing.T) (*office, *office) {
	t.Helper()
	a, b := twoOffices(t)
	if dbconn.IsPostgres(a.path) {
		t.Skip("compares SQLite files")
	}
	ws := populate(t, a.s, 3) // and an employer, a demand, a placement and a follow-up
	bulkWorkers(t, a.s, 3, 2500)
	ws[1].Phone = "13993112345"
	ws[1].Notes = "换了电话，<已核实> & 登记"
	if err := a.s.Update(ws[1]); err != nil {
		t.Fatal(err)
	}
	if err := a.s.Delete(ws[2]); err != nil {
		t.Fatal(err)
	}
	private := worker(9001)
	private.Consent = false
	if err := a.s.Create(private); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// The export writes op by op and row by row: its changes.json must be,
// byte for byte, what encoding the whole of ChangesFor gives (the file
// a partner on the previous build reads).
func TestStreamedExportWritesTheSameChangesAsTheWholeOne(t *testing.T) {
	a, b := streamOffices(t)
	file, m := bundle(t, a, b)
	streamed := find(unseal(t, file, b), memberChanges)

	c, err := a.s.ChangesFor(id(b))
	if err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	if err := encodeChanges(&whole, c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed, whole.Bytes()) {
		t.Fatalf("streamed changes.json (%d bytes) differs from the whole one (%d bytes)", len(streamed), whole.Len())
	}
	// 2,503 workers with consent (one deleted still travels as a
	// tombstone), the employer, the demand, the placement, the follow-up.
	if m.Counts.Rows != 2507 || m.Counts.Tables["workers"] != 2503 || m.Counts.Ops != len(c.Ops) || m.Counts.Ops < 2509 {
		t.Fatalf("counts %+v, ops of ChangesFor %d", m.Counts, len(c.Ops))
	}
}

// smallParts has imports merge 300 rows at a time, so that a few thousand
// records make several parts.
func smallParts(t *testing.T) {
	was := partRows
	partRows = 300
	t.Cleanup(func() { partRows = was })
}

// An export and import of a few thousand records leaves the receiver
// exactly as applying the sender's whole ChangesFor does (the path before
// streaming): every synced table, the op log and the bookkeeping, row
// for row, but for the timestamps of the writes themselves.
func TestStreamedExchangeGivesTheSameDatabase(t *testing.T) {
	smallParts(t)
	a, b := streamOffices(t)
	refPath := filepath.Join(t.TempDir(), "reference.db")
	if err := b.s.Backup(refPath); err != nil {
		t.Fatal(err)
	}
	ref, err := storage.OpenWith(refPath, storage.Options{BackupDir: filepath.Join(t.TempDir(), "backups")})
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()

	file, m := bundle(t, a, b)
	o, err := open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := o.Apply("对口交换.duikou")
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.s.ChangesFor(id(b))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ref.ApplyChanges(c, m.BundleID, "对口交换.duikou", false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.New != 2507 || fmt.Sprint(*res.Summary) != fmt.Sprint(*want) {
		t.Fatalf("summary %+v, reference %+v", res.Summary, want)
	}
	for _, table := range []string{"workers", "employers", "demands", "placements", "follow_ups", "subsidy_claims",
		"ops", "conflicts", "coverages", "partner_acks"} {
		got, exp := tableRows(t, b.path, table), tableRows(t, refPath, table)
		if !slices.Equal(got, exp) {
			t.Errorf("%s: %d rows, reference %d; first difference:\n%s", table, len(got), len(exp), firstDifference(got, exp))
		}
	}
	// And the receiver holds what the sender does, column for column, but
	// for the worker without consent (and the bookkeeping of which op set
	// each column, kept per column here and per row there).
	for _, table := range []string{"workers", "employers", "demands", "placements", "follow_ups"} {
		var sent []string
		for _, r := range tableRows(t, a.path, table, "field_ops") {
			if !strings.Contains(r, "劳动者9001|") {
				sent = append(sent, r)
			}
		}
		if got := tableRows(t, b.path, table, "field_ops"); !slices.Equal(got, sent) {
			t.Errorf("%s: the receiver has %d rows, the sender sent %d; first difference:\n%s", table, len(got), len(sent), firstDifference(got, sent))
		}
	}
}

// A record that fails validation in the middle of a few thousand refuses
// the whole file: the parts before it, already merged and written inside
// the transaction, are rolled back with it, in the preview and in the
// import.
func TestImportIsAllOrNothingWhenARecordMidwayFails(t *testing.T) {
	smallParts(t)
	a, b := streamOffices(t)
	c, err := a.s.ChangesFor(id(b))
	if err != nil {
		t.Fatal(err)
	}
	mid := len(c.Rows) / 2
	for c.Rows[mid].Table != data.TableWorkers {
		mid++
	}
	bad := `"620123199001011230"` // fails its check digit
	c.Rows[mid].Fields["id_number"] = storage.FieldState{Value: []byte(bad), Ref: c.Rows[mid].Fields["id_number"].Ref}
	file := sealFor(t, a, b, manifestFor(a, b, c), c)
	before := checksum(t, b.path)
	synced := []string{"workers", "employers", "demands", "placements", "follow_ups", "ops", "conflicts", "coverages", "partner_acks", "bundle_logs"}
	rowsBefore := map[string][]string{}
	for _, table := range synced {
		rowsBefore[table] = tableRows(t, b.path, table)
	}
	o, err := open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	dry, err := o.DryRun()
	if err != nil || len(dry.Refused) != 1 {
		t.Fatalf("dry run %+v %v", dry, err)
	}
	if checksum(t, b.path) != before {
		t.Fatal("the preview wrote to the database")
	}
	res, err := o.Apply(o.FileName)
	if !errors.Is(err, ErrRecordsRefused) || len(res.Summary.Refused) != 1 {
		t.Fatalf("apply: %v %+v", err, res)
	}
	// (The backup taken before it is in the audit log: that stays.)
	for _, table := range synced {
		if got := tableRows(t, b.path, table); !slices.Equal(got, rowsBefore[table]) {
			t.Errorf("%s: %d rows after a refused import, %d before", table, len(got), len(rowsBefore[table]))
		}
	}
	if n := countRows(t, b.path, "workers"); n != 0 {
		t.Fatalf("%d workers after a refused import", n)
	}
}

// tableRows is every row of table as text, in id order, without the
// columns a write stamps with the time it happened, nor those named.
func tableRows(t *testing.T, path, table string, without ...string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(fmt.Sprintf("SELECT * FROM %q", table))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, col := range cols {
			if col == "created_at" || col == "updated_at" || col == "detected_at" || slices.Contains(without, col) {
				continue
			}
			v := vals[i]
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%s=%v|", col, v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "got  " + got[i] + "\nwant " + want[i]
		}
	}
	return "(one is a prefix of the other)"
}
