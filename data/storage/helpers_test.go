package storage

import (
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage/testdb"
)

// fixedNow is the clock the tests run on: 2026-11-22 10:00 Beijing time.
var fixedNow = time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := testdb.Location(t) // a file, or a PostgreSQL database (DUIKOU_TEST_POSTGRES)
	s, err := OpenWith(path, testOptions(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// testOptions are the tests' Options: the fixed clock and, on PostgreSQL,
// the automatic backups in the test's own folder (a server's database has
// no folder beside it, and they would otherwise go to the user's config
// folder).
func testOptions(t *testing.T) Options {
	opt := Options{Now: func() time.Time { return fixedNow }}
	if testdb.Postgres() {
		opt.BackupDir = t.TempDir()
	}
	return opt
}

func newStore(t *testing.T) *Store {
	t.Helper()
	s, _ := openTemp(t)
	if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatalf("setup: %v", err)
	}
	return s
}

func validWorker(seq int) *data.Worker {
	birth := time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC)
	return &data.Worker{
		Name:           "王秀兰",
		IDNumber:       ident.MakeID("620123", birth, seq, true),
		Phone:          "13893112345",
		HukouRegion:    "620123",
		Skills:         []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4, CertNo: "S2024-01"}},
		DesiredRegions: []string{"320100"},
		ExpectedWage:   data.Yuan(5000),
		Consent:        true,
	}
}

func validEmployer(t *testing.T, s *Store) *data.Employer {
	t.Helper()
	e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: testCreditCode("MA1XY2K1"), Region: "320115"}
	if err := s.Create(e); err != nil {
		t.Fatalf("create employer: %v", err)
	}
	return e
}

// validDemand registers an employer (validEmployer) and its demand for
// two 住家保姆 in Jiangning.
func validDemand(t *testing.T, s *Store) *data.Demand {
	t.Helper()
	d := &data.Demand{EmployerID: validEmployer(t, s).ID, Occupation: "housekeeper", Headcount: 2, WorkRegion: "320115"}
	if err := s.Create(d); err != nil {
		t.Fatalf("create demand: %v", err)
	}
	return d
}

func count(t *testing.T, s *Store, model any) int64 {
	t.Helper()
	var n int64
	if err := s.db.Model(model).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// testCreditCode builds a valid enterprise credit code in Jiangning around
// an eight-character organisation code body.
func testCreditCode(body8 string) string { return ident.MakeCompanyCode("320115", body8) }
