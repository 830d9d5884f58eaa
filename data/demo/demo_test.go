package demo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
)

// The tests share one small demo, built once, dated on a fixed day.
var (
	testToday = data.MakeDate(2025, 6, 15)
	testOpt   = Options{Workers: 300, Seed: 7, Today: testToday}
	shared    struct {
		path string
		s    *storage.Store
	}
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "duikou-demo-test")
	if err != nil {
		panic(err)
	}
	shared.path = filepath.Join(dir, "demo.db")
	shared.s, err = Create(shared.path, testOpt)
	if err != nil {
		panic(err)
	}
	code := m.Run()
	shared.s.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// all pages through a list to the end.
func all[T any](t *testing.T, list func(data.Page) ([]T, *data.Cursor, error)) []T {
	t.Helper()
	var out []T
	page := data.Page{Limit: 500}
	for {
		rows, next, err := list(page)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rows...)
		if next == nil {
			return out
		}
		page.After = next
	}
}

func workers(t *testing.T, s *storage.Store) []data.Worker {
	return all(t, func(p data.Page) ([]data.Worker, *data.Cursor, error) { return s.ListWorkers(data.WorkerFilter{}, p) })
}

func employersOf(t *testing.T, s *storage.Store) []data.Employer {
	return all(t, func(p data.Page) ([]data.Employer, *data.Cursor, error) {
		return s.ListEmployers(data.EmployerFilter{}, p)
	})
}

func demandsOf(t *testing.T, s *storage.Store) []data.Demand {
	return all(t, func(p data.Page) ([]data.Demand, *data.Cursor, error) { return s.ListDemands(data.DemandFilter{}, p) })
}

func placementsOf(t *testing.T, s *storage.Store) []data.Placement {
	return all(t, func(p data.Page) ([]data.Placement, *data.Cursor, error) {
		return s.ListPlacements(data.PlacementFilter{}, p)
	})
}

func followUpsOf(t *testing.T, s *storage.Store) []data.FollowUp {
	return all(t, func(p data.Page) ([]data.FollowUp, *data.Cursor, error) {
		return s.ListFollowUps(data.FollowUpFilter{}, p)
	})
}

func TestOfficeAndPartner(t *testing.T) {
	s := shared.s
	o := s.Office()
	if o.Name != OfficeName || o.Role != data.RoleSending || o.ClerkName == "" || !catalog.Inside(o.Region, "620000") {
		t.Fatalf("office %+v", o)
	}
	partners, err := s.Partners()
	if err != nil || len(partners) != 1 {
		t.Fatalf("partners %v %v", partners, err)
	}
	if p := partners[0]; p.Name != PartnerName || p.Role != data.RoleReceiving || !catalog.Inside(p.Region, "320000") {
		t.Fatalf("partner %+v", p)
	}
}

func TestFiftyFiveNanjingEmployersWithValidCreditCodes(t *testing.T) {
	list := employersOf(t, shared.s)
	if len(list) != 55 {
		t.Fatalf("%d employers, want 55", len(list))
	}
	codes, unions := map[string]bool{}, 0
	for _, e := range list {
		code, err := ident.NormalizeCreditCode(e.CreditCode)
		if err != nil || code != e.CreditCode {
			t.Errorf("%s: credit code %s: %v", e.Name, e.CreditCode, err)
		}
		if codes[code] {
			t.Errorf("credit code %s repeated", code)
		}
		codes[code] = true
		if e.CreditCode[2:8] != e.Region {
			t.Errorf("%s: code registered in %s, employer in %s", e.Name, e.CreditCode[2:8], e.Region)
		}
		if r, ok := catalog.RegionByCode(e.Region); !ok || r.Parent != "320100" {
			t.Errorf("%s: region %s is not a Nanjing district", e.Name, e.Region)
		}
		if e.Contact == "" || e.ContactPhone == "" || e.Industry == "" || !strings.HasPrefix(e.Address, "南京市") {
			t.Errorf("%s: contact, phone, industry or address missing: %+v", e.Name, e)
		}
		if e.HasUnion {
			unions++
		}
	}
	if unions < 35 || unions == 55 {
		t.Errorf("%d of 55 employers have a union; want most, not all", unions)
	}
}

func TestDemandsOfferAtLeast1600OpenPositions(t *testing.T) {
	s := shared.s
	open := data.DemandFilter{OpenOn: testToday}
	positions, filled, err := s.SumHeadcount(open)
	if err != nil {
		t.Fatal(err)
	}
	if positions < minPositions {
		t.Fatalf("open demands offer %d positions, want >= %d", positions, minPositions)
	}
	list := demandsOf(t, s)
	if n, _ := s.CountDemands(open); n != int64(len(list)) {
		t.Errorf("%d of %d demands open on %s; want all (the fair is still recruiting)", n, len(list), testToday)
	}
	if len(list) < 80 || len(list) > 130 {
		t.Errorf("%d demands, want about 80-110", len(list))
	}
	if filled == 0 || filled >= positions {
		t.Errorf("filled %d of %d", filled, positions)
	}
	occs := map[string]int{}
	for _, d := range list {
		occs[d.Occupation] += d.Headcount
		if d.Left() == 0 {
			t.Errorf("demand %s %s is full", d.Title, d.ID)
		}
		if d.WageMin <= 0 || d.WageMax <= d.WageMin || d.WageMax > data.Yuan(20000) {
			t.Errorf("demand %s wages %s-%s", d.Title, d.WageMin, d.WageMax)
		}
		if d.ValidFrom.After(testToday) || d.ValidUntil.Before(testToday) {
			t.Errorf("demand %s valid %s..%s, not around %s", d.Title, d.ValidFrom, d.ValidUntil, testToday)
		}
		if r, ok := catalog.RegionByCode(d.WorkRegion); !ok || r.Parent != "320100" {
			t.Errorf("demand %s works in %s, not Nanjing", d.Title, d.WorkRegion)
		}
	}
	if len(occs) < 15 {
		t.Errorf("only %d 工种 across the demands", len(occs))
	}
	if occs["housekeeper"]+occs["maternity_nurse"]+occs["nanny"] < 300 {
		t.Errorf("domestic service offers %d positions; the fair was mostly 家政", occs["housekeeper"]+occs["maternity_nurse"]+occs["nanny"])
	}
}

func TestWorkersHaveValidGansuIDNumbers(t *testing.T) {
	list := workers(t, shared.s)
	if len(list) != testOpt.Workers {
		t.Fatalf("%d workers, want %d", len(list), testOpt.Workers)
	}
	seen := map[string]bool{}
	counties := map[string]bool{}
	sexes := map[data.Sex]int{}
	poverty := map[data.Poverty]int{}
	consent, trained, certified := 0, 0, 0
	for _, w := range list {
		id, err := ident.ParseID(w.IDNumber)
		if err != nil {
			t.Errorf("%s: ID %s: %v", w.Name, w.IDNumber, err)
			continue
		}
		if seen[id.Number] {
			t.Errorf("ID %s repeated", id.Number)
		}
		seen[id.Number] = true
		if id.Region != w.HukouRegion || !(strings.HasPrefix(id.Region, "6201") || strings.HasPrefix(id.Region, "6211")) {
			t.Errorf("%s: ID region %s, hukou %s: not a Lanzhou or Dingxi county", w.Name, id.Region, w.HukouRegion)
		}
		if r, ok := catalog.RegionByCode(w.HukouRegion); !ok || !r.CountyLevel() {
			t.Errorf("%s: hukou %s is not a county", w.Name, w.HukouRegion)
		}
		counties[w.HukouRegion] = true
		if age := w.Age(testToday); age < minAge || age > maxAge {
			t.Errorf("%s is %d", w.Name, age)
		}
		sexes[w.Sex]++
		poverty[w.Poverty]++
		if w.Phone != "" {
			if _, err := ident.NormalizePhone(w.Phone); err != nil {
				t.Errorf("%s: phone %s: %v", w.Name, w.Phone, err)
			}
		}
		if n := len([]rune(w.Name)); n < 2 || n > 4 {
			t.Errorf("name %q", w.Name)
		}
		if len(w.Skills) == 0 || len(w.DesiredRegions) == 0 || len(w.DesiredOccupations) == 0 || w.ExpectedWage <= 0 {
			t.Errorf("%s: skills, desired regions, occupations or wage missing", w.Name)
		}
		for _, sk := range w.Skills {
			if sk.CertNo != "" {
				certified++
			}
		}
		if w.Consent {
			consent++
		}
		if len(w.Trainings) > 0 {
			trained++
		}
	}
	n := len(list)
	if len(counties) < 12 {
		t.Errorf("workers from only %d counties", len(counties))
	}
	if sexes[data.Female] < n/2 || sexes[data.Male] < n/10 {
		t.Errorf("sex mix %v: want mostly women (domestic service), some men", sexes)
	}
	if lifted := poverty[data.PovertyLifted]; lifted < n/5 || lifted > n*2/5 || poverty[data.PovertyMonitored] == 0 {
		t.Errorf("poverty mix %v: want about 30%% 脱贫户 and some 监测对象", poverty)
	}
	if consent < n*8/10 || consent == n {
		t.Errorf("%d of %d consented; want about 90%%", consent, n)
	}
	if trained == 0 || certified == 0 {
		t.Errorf("%d trained, %d certificates", trained, certified)
	}
}

func TestDomesticServiceWorkersAreMostlyWomen(t *testing.T) {
	women, all := 0, 0
	for _, w := range workers(t, shared.s) {
		if o, _ := catalog.OccupationByKey(w.MainOcc); o.Group == "家政服务" {
			all++
			if w.Sex == data.Female {
				women++
			}
		}
	}
	if all == 0 || women*10 < all*9 {
		t.Fatalf("%d of %d domestic-service workers are women", women, all)
	}
}

func TestPlacementsAtEveryStageWithConsistentDates(t *testing.T) {
	s := shared.s
	list := placementsOf(t, s)
	stages := map[data.Stage]int{}
	perWorker := map[string]int{}
	contracts := 0
	for _, p := range list {
		stages[p.Stage]++
		perWorker[p.WorkerID]++
		var last data.Date
		for _, d := range []data.Date{p.ReferredOn, p.InterviewedOn, p.HiredOn, p.StartedOn, p.EndedOn} {
			if d.IsZero() {
				continue
			}
			if d.Before(last) || d.After(testToday) {
				t.Errorf("placement %s: dates out of order or after today: %+v", p.ID, p)
			}
			last = d
		}
		switch p.Stage {
		case data.StageHired, data.StageStarted:
			if p.HiredOn.IsZero() {
				t.Errorf("placement %s %s without hire date", p.ID, p.Stage)
			}
		case data.StageLeft, data.StageReturned:
			if p.CloseReason == "" || p.EndedOn.IsZero() {
				t.Errorf("placement %s ended without reason or date", p.ID)
			}
		}
		if p.Stage == data.StageStarted {
			if p.StartedOn.IsZero() {
				t.Errorf("placement %s started without a start date", p.ID)
			}
			if p.ContractSigned {
				contracts++
			}
		}
		if p.Worker == nil || p.Demand == nil {
			t.Fatalf("placement %s without worker or demand", p.ID)
		}
		if want := statusAfter(p.Stage); p.Worker.Status != want {
			t.Errorf("worker %s at %s has status %s, want %s", p.Worker.Name, p.Stage, p.Worker.Status, want)
		}
		if p.Demand.Occupation != p.Worker.MainOcc {
			t.Errorf("worker %s (%s) placed as %s", p.Worker.Name, p.Worker.MainOcc, p.Demand.Occupation)
		}
		if p.Demand.SexRequirement == data.FemaleOnly && p.Worker.Sex != data.Female ||
			p.Demand.SexRequirement == data.MaleOnly && p.Worker.Sex != data.Male {
			t.Errorf("worker %s of sex %d placed on a %s demand", p.Worker.Name, p.Worker.Sex, p.Demand.SexRequirement.Label())
		}
	}
	for _, st := range data.Stages {
		if stages[data.Stage(st.Code)] == 0 {
			t.Errorf("no placement at %s", st.Label)
		}
	}
	if contracts*10 < stages[data.StageStarted]*8 {
		t.Errorf("%d of %d at work signed a contract; want most", contracts, stages[data.StageStarted])
	}
	for id, n := range perWorker {
		if n > 1 {
			t.Errorf("worker %s has %d placements", id, n)
		}
	}
	if want := placementCount(testOpt.Workers); len(list) != want {
		t.Errorf("%d placements, want %d", len(list), want)
	}
	idle, _ := s.CountWorkers(data.WorkerFilter{Status: data.WorkerIdle})
	if idle < int64(testOpt.Workers-len(list)) {
		t.Errorf("%d idle workers: unplaced workers should be 待业", idle)
	}
}

func TestFollowUpsOfEveryKindSomeOverdue(t *testing.T) {
	s := shared.s
	ours := s.Office().ID
	partners, _ := s.Partners()
	partner := partners[0].ID
	kinds := map[data.FollowUpKind]int{}
	overdue := map[data.FollowUpKind]int{}
	for _, f := range followUpsOf(t, s) {
		kinds[f.Kind]++
		if f.Status == data.FollowUpOpen && f.DueOn.Before(testToday) {
			overdue[f.Kind]++
		}
		if f.Status == data.FollowUpDone && (f.DoneOn.IsZero() || f.DoneOn.After(testToday) || f.Outcome == "" || f.Method == "") {
			t.Errorf("done %s without a sensible date, outcome or method: %+v", f.Kind.Label(), f)
		}
		if f.Kind == data.KindArrears && f.Amount <= 0 {
			t.Errorf("欠薪 case without an amount")
		}
		switch f.Kind {
		case data.KindArrears, data.KindDispute, data.KindInjury:
			if f.ResponsibleOffice != partner {
				t.Errorf("%s owned by %s, want the receiving partner", f.Kind.Label(), f.ResponsibleOffice)
			}
		case data.KindHardship:
			if f.ResponsibleOffice != ours {
				t.Errorf("困难帮扶 owned by %s, want this office", f.ResponsibleOffice)
			}
		}
	}
	for _, k := range data.FollowUpKinds {
		kind := data.FollowUpKind(k.Code)
		if kinds[kind] == 0 {
			t.Errorf("no %s follow-up", k.Label)
		}
		if overdue[kind] == 0 {
			t.Errorf("no overdue %s follow-up", k.Label)
		}
	}
	n, _ := s.CountFollowUps(data.FollowUpFilter{OverdueOn: testToday})
	if n == 0 {
		t.Error("the overdue list is empty")
	}
}

func TestCheckInsFollowEveryStart(t *testing.T) {
	s := shared.s
	days := s.CheckInDays()
	for _, p := range placementsOf(t, s) {
		if p.Stage != data.StageStarted {
			continue
		}
		got, _ := s.CountFollowUps(data.FollowUpFilter{PlacementID: p.ID, Kind: data.KindCheckIn})
		if got != int64(len(days)) {
			t.Errorf("placement started %s has %d check-ins, want %d", p.StartedOn, got, len(days))
		}
	}
}

func TestDatabaseIsHealthyAndInWALMode(t *testing.T) {
	if err := shared.s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
	mode, err := shared.s.JournalMode()
	if err != nil || mode != "wal" {
		t.Fatalf("journal mode %q %v", mode, err)
	}
	// The file itself says WAL (header bytes 18 and 19 are 2), so any
	// SQLite that opens it uses the write-ahead log.
	f, err := os.Open(shared.path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	header := make([]byte, 20)
	if _, err := f.ReadAt(header, 0); err != nil {
		t.Fatal(err)
	}
	if header[18] != 2 || header[19] != 2 {
		t.Fatalf("file header write/read versions %d/%d, want 2/2 (WAL)", header[18], header[19])
	}
}

func TestCreateRefusesANonEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keep.db")
	if err := os.WriteFile(path, []byte("花名册"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Create(path, Options{Workers: 10}); err == nil {
		s.Close()
		t.Fatal("wrote over an existing file")
	}
	if b, _ := os.ReadFile(path); string(b) != "花名册" {
		t.Fatalf("file changed to %q", b)
	}
}

func TestPopulateRefusesAStoreWithData(t *testing.T) {
	if err := Populate(shared.s, Options{Workers: 10, Today: testToday}); err == nil {
		t.Fatal("populated a store that already holds the demo")
	}
}

func TestTodayMayNotBeAfterTheStoresToday(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	_, err := Create(path, Options{Workers: 10, Today: data.Today().AddDays(30)})
	if err == nil {
		t.Fatal("built a demo dated in the future")
	}
	if _, statErr := os.Stat(path); !os.IsNotExist(statErr) {
		t.Fatalf("the failed demo left %s behind", path)
	}
}

// TestDefaultDemo builds the default 2,000-worker demo once.
func TestDefaultDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 2,000 workers")
	}
	s, err := Create(filepath.Join(t.TempDir(), "default.db"), Options{Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, err := Summarize(s, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Workers != DefaultWorkers || sum.Employers != 55 || sum.Positions < minPositions ||
		sum.Placements != int64(placementCount(DefaultWorkers)) || sum.FollowUps == 0 || sum.Overdue == 0 {
		t.Fatalf("default demo %+v", sum)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
}
