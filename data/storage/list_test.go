package storage

import (
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
)

// seedWorkers writes n workers spread over two cities, statuses, poverty
// statuses and 工种, with names that repeat (so sorts have ties).
func seedWorkers(t *testing.T, s *Store, n int) {
	t.Helper()
	counties := []string{"620102", "620123", "621121", "621124"}
	occs := []string{"housekeeper", "cleaner", "electrician", "welder"}
	names := []string{"王秀兰", "李娟", "张伟", "刘芳", "陈静"}
	err := s.WriteBulk(func(tx *Tx) error {
		for i := 0; i < n; i++ {
			birth := time.Date(1975+i%25, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
			w := &data.Worker{
				Name:        names[i%len(names)],
				IDNumber:    ident.MakeID(counties[i%4], birth, i+1, i%2 == 0),
				Phone:       "139" + padded(i, 8),
				HukouRegion: counties[i%4],
				Skills:      []data.Skill{{Occupation: occs[i%4], Level: catalog.SkillLevel(i % 6)}},
				Status:      []data.WorkerStatus{data.WorkerIdle, data.WorkerEmployed, data.WorkerReferred}[i%3],
				Poverty:     []data.Poverty{data.PovertyGeneral, data.PovertyLifted}[i%2],
			}
			if err := tx.Create(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func padded(i, width int) string {
	s := ""
	for v := i; len(s) < width; v /= 10 {
		s = string(rune('0'+v%10)) + s
	}
	return s
}

func TestKeysetPagingVisitsEveryRowOnce(t *testing.T) {
	s := newStore(t)
	seedWorkers(t, s, 237)
	for _, sort := range []string{"", "name", "birth", "region", "occ", "level", "status"} {
		for _, desc := range []bool{false, true} {
			seen := map[string]bool{}
			var after *data.Cursor
			pages := 0
			for {
				rows, next, err := s.ListWorkers(data.WorkerFilter{}, data.Page{Sort: sort, Desc: desc, After: after, Limit: 50})
				if err != nil {
					t.Fatalf("sort %q: %v", sort, err)
				}
				for _, w := range rows {
					if seen[w.ID] {
						t.Fatalf("sort %q desc=%v: %s twice", sort, desc, w.ID)
					}
					seen[w.ID] = true
				}
				pages++
				if next == nil {
					break
				}
				after = next
			}
			if len(seen) != 237 || pages != 5 {
				t.Fatalf("sort %q desc=%v: %d rows in %d pages", sort, desc, len(seen), pages)
			}
		}
	}
	// Offset paging agrees with keyset paging.
	a, _, _ := s.ListWorkers(data.WorkerFilter{}, data.Page{Sort: "name", Offset: 100, Limit: 10})
	first, next, _ := s.ListWorkers(data.WorkerFilter{}, data.Page{Sort: "name", Limit: 100})
	b, _, _ := s.ListWorkers(data.WorkerFilter{}, data.Page{Sort: "name", After: next, Limit: 10})
	if len(first) != 100 || a[0].ID != b[0].ID || a[9].ID != b[9].ID {
		t.Fatal("offset and keyset pages differ")
	}
}

func TestWorkerFiltersAndSearch(t *testing.T) {
	s := newStore(t)
	seedWorkers(t, s, 120)
	cases := []struct {
		name string
		f    data.WorkerFilter
		want int64
	}{
		{"all", data.WorkerFilter{}, 120},
		{"county", data.WorkerFilter{Region: "620123"}, 30},
		{"city 兰州", data.WorkerFilter{Region: "620100"}, 60},
		{"province 甘肃", data.WorkerFilter{Region: "620000"}, 120},
		{"other province", data.WorkerFilter{Region: "320000"}, 0},
		{"工种", data.WorkerFilter{Occupation: "welder"}, 30},
		{"status", data.WorkerFilter{Status: data.WorkerEmployed}, 40},
		{"poverty", data.WorkerFilter{Poverty: data.PovertyLifted}, 60},
		{"combined", data.WorkerFilter{Region: "620100", Occupation: "housekeeper", Poverty: data.PovertyGeneral}, 30},
		{"name", data.WorkerFilter{Text: "秀兰"}, 24},
		{"phone part", data.WorkerFilter{Text: "00000007"}, 1},
		{"full-width phone", data.WorkerFilter{Text: "１３９ ００００ ０００７"}, 1},
		{"wildcard is literal", data.WorkerFilter{Text: "%"}, 0},
	}
	for _, c := range cases {
		n, err := s.CountWorkers(c.f)
		if err != nil || n != c.want {
			t.Errorf("%s: count %d, %v; want %d", c.name, n, err, c.want)
		}
		rows, _, _ := s.ListWorkers(c.f, data.Page{Limit: 500})
		if int64(len(rows)) != c.want {
			t.Errorf("%s: list %d; want %d", c.name, len(rows), c.want)
		}
	}
	// ID search finds by the last digits, with a lower-case x normalised.
	w, _, _ := s.ListWorkers(data.WorkerFilter{}, data.Page{Limit: 1})
	if n, _ := s.CountWorkers(data.WorkerFilter{Text: w[0].IDNumber[10:]}); n != 1 {
		t.Fatalf("ID tail search found %d", n)
	}
	// Deleted workers leave every list.
	if err := s.Delete(&data.Worker{Synced: data.Synced{ID: w[0].ID}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountWorkers(data.WorkerFilter{}); n != 119 {
		t.Fatalf("after delete: %d", n)
	}
}

func TestDemandListOpenOnAndHeadcount(t *testing.T) {
	s := newStore(t)
	emp := validEmployer(t, s)
	today := s.Today()
	mk := func(hc int, status data.DemandStatus, from, until data.Date) {
		d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Headcount: hc, WorkRegion: "320115",
			Status: status, ValidFrom: from, ValidUntil: until}
		if err := s.Create(d); err != nil {
			t.Fatal(err)
		}
	}
	mk(10, data.DemandOpen, today.AddDays(-10), today.AddDays(30))
	mk(5, data.DemandOpen, data.Date{}, data.Date{})
	mk(7, data.DemandClosed, data.Date{}, data.Date{})
	mk(3, data.DemandOpen, today.AddDays(-30), today.AddDays(-1)) // expired
	mk(4, data.DemandOpen, today.AddDays(2), data.Date{})         // not yet
	n, _ := s.CountDemands(data.DemandFilter{OpenOn: today})
	hc, filled, _ := s.SumHeadcount(data.DemandFilter{OpenOn: today})
	if n != 2 || hc != 15 || filled != 0 {
		t.Fatalf("open on today: %d demands, %d positions, %d filled", n, hc, filled)
	}
	rows, _, _ := s.ListDemands(data.DemandFilter{Text: "悦家"}, data.Page{})
	if len(rows) != 5 || rows[0].Employer == nil || rows[0].Employer.Name == "" {
		t.Fatalf("search by employer name: %d rows", len(rows))
	}
}
