package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"duikou/data"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// The same demo on a PostgreSQL database and in a SQLite file ranks the
// same workers for every fifth demand (each match opens the database and
// builds the index; all 103 take 15 s): names, scores, bands and reasons agree
// entry by entry (the ids differ: they are made as the demo runs). A
// second demo onto the now full database is refused.
func TestDemoOnPostgresRanksAsOnSQLite(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	file := filepath.Join(t.TempDir(), "demo.db")
	server := testdb.NewPostgres(t)
	for _, db := range []string{file, server} {
		makeDemo(t, db, "--workers", "300", "--seed", "3")
	}
	fileDemands, serverDemands := demandIDs(t, file), demandIDs(t, server)
	if len(fileDemands) != len(serverDemands) || len(fileDemands) == 0 {
		t.Fatalf("%d demands in the file, %d on the server", len(fileDemands), len(serverDemands))
	}
	compared := 0
	for i := 0; i < len(fileDemands); i += 5 {
		a, b := ranking(t, file, fileDemands[i]), ranking(t, server, serverDemands[i])
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("demand #%d ranks differently:\nfile:   %v\nserver: %v", i, a, b)
		}
		compared += len(a)
	}
	if compared == 0 {
		t.Fatal("no demand ranked anyone: nothing was compared")
	}
	code, _, _ := runCLI("demo", "--db", server)
	if code != ExitUsage {
		t.Fatalf("a second demo onto the server: exit %d", code)
	}
}

// demandIDs lists a database's demands in the order they were made.
func demandIDs(t *testing.T, db string) []string {
	t.Helper()
	s, err := storage.OpenWith(db, storage.Options{Reader: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, _, err := s.ListDemands(data.DemandFilter{}, data.Page{Sort: "created", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}

// ranking is match --json for a demand without the worker ids.
func ranking(t *testing.T, db, demand string) []map[string]any {
	t.Helper()
	code, out, errOut := runCLI("match", "--db", db, "--demand", demand, "--json")
	if code != ExitOK {
		t.Fatalf("match: exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		delete(r, "worker_id")
	}
	return rows
}
