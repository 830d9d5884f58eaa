package recommend

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
)

// Synthetic stored workers for the tests and benchmarks: real region codes
// and catalog keys, drawn from a seeded generator, written through the
// Store's validated path like any clerk's entry.

// fixedNow is the clock the tests run on: 2026-11-22 10:00 Beijing time.
var fixedNow = time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)

var (
	genHome = []string{"620102", "620103", "620104", "620105", "620111", "620121", "620122", "620123",
		"621102", "621121", "621122", "621123", "621124", "621125", "621126"}
	genSichuan     = []string{"510802", "510812"} // Guangyuan: no partner of the test office
	genDesired     = []string{"320000", "320100", "320115", "500000", "320500", "500112", "440000", "620000", "620100"}
	genOccupations = []string{"housekeeper", "cleaner", "nanny", "maternity_nurse", "childcare_worker", "elder_carer",
		"electrician", "welder", "plumber_electrician", "general_worker", "construction_labourer", "courier", "chinese_cook"}
	genSurnames = []string{"李", "王", "张", "刘", "陈", "杨", "赵", "马", "何", "罗"}
	genGiven    = []string{"秀兰", "建国", "丽", "强", "海燕", "红梅", "军", "小平", "桂英", "志刚", "玉珍", "文"}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// genWorker makes the i-th worker of a generated roster. The ID number is a
// function of i alone (county, birth day and sequence code), so a roster
// never repeats one; everything else comes from rng.
func genWorker(rng *rand.Rand, i int) *data.Worker {
	const birthDays = 42 * 365 // ages 18 to 60
	homes := len(genHome) + len(genSichuan)
	home := genHome[0]
	if h := i % homes; h < len(genHome) {
		home = genHome[h]
	} else {
		home = genSichuan[h-len(genHome)]
	}
	rest := i / homes
	// 7919 is prime to birthDays, so consecutive workers spread over all
	// ages while (county, birth day, sequence) stays unique.
	birth := fixedNow.AddDate(-60, 0, 0).AddDate(0, 0, rest*7919%birthDays)
	female := rng.IntN(3) > 0
	w := &data.Worker{
		Name:        pick(rng, genSurnames) + pick(rng, genGiven),
		IDNumber:    ident.MakeID(home, birth, rest/birthDays, female),
		HukouRegion: home,
		Consent:     rng.IntN(100) < 85,
	}
	switch rng.IntN(10) {
	case 0:
		w.Status = data.WorkerEmployed
	case 1:
		w.Status = data.WorkerReturned
	default:
		w.Status = data.WorkerIdle
	}
	for range rng.IntN(3) {
		w.Skills = append(w.Skills, data.Skill{Occupation: pick(rng, genOccupations), Level: catalog.SkillLevel(rng.IntN(5))})
	}
	for range rng.IntN(3) {
		w.DesiredOccupations = append(w.DesiredOccupations, pick(rng, genOccupations))
	}
	for range rng.IntN(3) {
		if rng.IntN(6) == 0 {
			w.DesiredRegions = append(w.DesiredRegions, pick(rng, genHome))
		} else {
			w.DesiredRegions = append(w.DesiredRegions, pick(rng, genDesired))
		}
	}
	if rng.IntN(5) > 0 {
		w.ExpectedWage = data.Yuan(int64(3000 + 500*rng.IntN(9)))
	}
	if rng.IntN(2) == 0 {
		w.AvailableFrom = data.DateOf(fixedNow).AddDays(rng.IntN(60) - 20)
	}
	switch rng.IntN(6) {
	case 0:
		w.Poverty = data.PovertyLifted
	case 1:
		w.Poverty = data.PovertyMonitored
	}
	return w
}

// genWorkers writes workers [from, to) of the roster of seed in one bulk
// transaction.
func genWorkers(s *storage.Store, seed uint64, from, to int) error {
	rng := rand.New(rand.NewPCG(seed, uint64(from)))
	return s.WriteBulk(func(tx *storage.Tx) error {
		for i := from; i < to; i++ {
			if err := tx.Create(genWorker(rng, i)); err != nil {
				return fmt.Errorf("worker %d: %w", i, err)
			}
		}
		tx.Audit(data.AuditEntry{Action: data.ActImport, Table: "workers", Count: to - from, Summary: "生成测试劳动者"})
		return nil
	})
}

// openStore opens a fresh database on the test clock with a Gansu sending
// office and its pinned Nanjing receiving partner.
func openStore(t testing.TB) *storage.Store {
	t.Helper()
	s, err := openOffice(filepath.Join(t.TempDir(), "duikou.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openOffice(path string) (*storage.Store, error) {
	s, err := storage.OpenWith(path, storage.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		return nil, err
	}
	if s.Office() == nil {
		if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
			s.Close()
			return nil, err
		}
		err := s.AddPartner(&data.Partner{ID: data.NewID(), Name: "南京市总工会", Region: "320100", Role: data.RoleReceiving})
		if err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

var creditSeq int

// newEmployer stores an employer in Jiangning with a fresh valid credit code.
func newEmployer(t testing.TB, s *storage.Store, name string) *data.Employer {
	t.Helper()
	e, err := createEmployer(s, name)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func createEmployer(s *storage.Store, name string) (*data.Employer, error) {
	creditSeq++
	body := fmt.Sprintf("MA%06d", creditSeq)
	c, err := ident.OrgCodeCheckChar(body)
	if err != nil {
		return nil, err
	}
	e := &data.Employer{Name: name, CreditCode: ident.MakeCreditCode("91320115" + body + string(c)), Region: "320115"}
	return e, s.Create(e)
}

// newDemand stores a demand of employer e after edit has shaped it.
func newDemand(t testing.TB, s *storage.Store, e *data.Employer, edit func(d *data.Demand)) *data.Demand {
	t.Helper()
	d := baseDemand(e)
	if edit != nil {
		edit(d)
	}
	if err := s.Create(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// baseDemand is a housekeeping demand in Jiangning for five people.
func baseDemand(e *data.Employer) *data.Demand {
	return &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 5,
		WorkRegion: "320115", WageMin: data.Yuan(4500), WageMax: data.Yuan(6500)}
}

var workerSeq int

// newWorker stores an eligible Gansu housekeeper after edit has shaped her.
func newWorker(t testing.TB, s *storage.Store, name string, edit func(w *data.Worker)) *data.Worker {
	t.Helper()
	workerSeq++
	birth := time.Date(1988, 5, 1, 0, 0, 0, 0, time.UTC)
	w := &data.Worker{
		Name:           name,
		IDNumber:       ident.MakeID("620123", birth, workerSeq, true),
		HukouRegion:    "620123",
		Skills:         []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4}},
		DesiredRegions: []string{"320100"},
		ExpectedWage:   data.Yuan(5000),
		Consent:        true,
	}
	if edit != nil {
		edit(w)
	}
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	return w
}
