package sheet

import (
	"os"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
	"duikou/data/storage/storetest"
)

// testNow is the clock the tests run on (storetest.Now).
var testNow = storetest.Now

// newStore opens a Store on a temp file with this office set up.
func newStore(t testing.TB) *storage.Store { return storetest.Office(t) }

// newStoreAt is newStore on the file at path.
func newStoreAt(t testing.TB, path string) *storage.Store {
	return storetest.OfficeAt(t, path)
}

// idNumber is a valid ID number of someone born in Yuzhong in 1990.
func idNumber(seq int, female bool) string {
	return ident.MakeID("620123", time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC).AddDate(0, 0, seq/900), seq%900+1, female)
}

// creditCode is a valid enterprise credit code in Jiangning.
func creditCode(body8 string) string { return ident.MakeCompanyCode("320115", body8) }

// writeGBK writes text to a file as Excel on Chinese Windows saves CSV.
func writeGBK(t testing.TB, path, text string) {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func countWorkers(t testing.TB, s *storage.Store) int64 {
	t.Helper()
	n, err := s.CountWorkers(data.WorkerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// addEmployer registers an employer through the Store.
func addEmployer(t testing.TB, s *storage.Store, name, body8 string) *data.Employer {
	t.Helper()
	e := &data.Employer{Name: name, CreditCode: creditCode(body8), Region: "320115", Contact: "张敏", ContactPhone: "13951234567"}
	if err := s.Create(e); err != nil {
		t.Fatal(err)
	}
	return e
}

// addWorker registers a worker through the Store.
func addWorker(t testing.TB, s *storage.Store, name string, seq int) *data.Worker {
	t.Helper()
	w := &data.Worker{Name: name, IDNumber: idNumber(seq, seq%2 == 0), Phone: "1389311" + pad4(seq), HukouRegion: "620123",
		Address: "城关镇兴隆村", Skills: []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4}}, Consent: true}
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	return w
}

func pad4(n int) string {
	s := "0000" + itoa(n%10000)
	return s[len(s)-4:]
}

// roster is what populate made.
type roster struct {
	workers    []*data.Worker
	employers  []*data.Employer
	demands    []*data.Demand
	placements []*data.Placement
}

// populate registers two employers with a demand each, n workers, a
// placement for every other worker (half of them at work, which schedules
// check-ins) and a 送温暖 visit with money.
func populate(t testing.TB, s *storage.Store, n int) *roster {
	t.Helper()
	r := &roster{}
	r.employers = append(r.employers, addEmployer(t, s, "南京悦家家政服务有限公司", "MA1XY2K1"), addEmployer(t, s, "南京恒信电子有限公司", "MA2AB3C4"))
	for i, e := range r.employers {
		d := &data.Demand{EmployerID: e.ID, Occupation: []string{"housekeeper", "electronics_assembler"}[i], Title: []string{"住家保姆", "操作工"}[i],
			Headcount: n, WorkRegion: "320115", WageMin: data.Yuan(5000), WageMax: data.Yuan(7000), AgeMin: 18, AgeMax: 50,
			Board: true, Lodging: true, ContractMonths: 12, ValidFrom: data.MakeDate(2026, 3, 1)}
		if err := s.Create(d); err != nil {
			t.Fatal(err)
		}
		r.demands = append(r.demands, d)
	}
	names := []string{"王秀兰", "李建国", "张丽", "赵小军", "马秀英", "刘伟", "周桂兰", "阿依古丽·买买提", "欧阳春花", "孙强"}
	for i := 0; i < n; i++ {
		r.workers = append(r.workers, addWorker(t, s, names[i%len(names)]+suffix(i, len(names)), i))
	}
	for i := 0; i < n; i += 2 {
		p := &data.Placement{WorkerID: r.workers[i].ID, DemandID: r.demands[(i/2)%2].ID, ReferredOn: data.MakeDate(2026, 3, 1+i%20)}
		if i%4 == 0 {
			p.Stage, p.HiredOn, p.StartedOn = data.StageStarted, data.MakeDate(2026, 4, 1), data.MakeDate(2026, 4, 5)
			p.ContractSigned, p.ContractDate, p.ContractMonths = true, data.MakeDate(2026, 4, 5), 12
		}
		if err := s.Create(p); err != nil {
			t.Fatal(err)
		}
		r.placements = append(r.placements, p)
	}
	f := &data.FollowUp{WorkerID: r.workers[0].ID, PlacementID: &r.placements[0].ID, Kind: data.KindWarmth,
		DueOn: data.MakeDate(2026, 10, 1), DoneOn: data.MakeDate(2026, 10, 1), Method: "visit", Outcome: "春节前上门慰问，送米面油",
		Amount: data.Yuan(500), Status: data.FollowUpDone, HandledBy: "李娟"}
	if err := s.Create(f); err != nil {
		t.Fatal(err)
	}
	return r
}

// suffix tells apart workers who share a name in larger fixtures.
func suffix(i, n int) string {
	if i < n {
		return ""
	}
	return itoa(i / n)
}
