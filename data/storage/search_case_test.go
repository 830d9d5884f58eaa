package storage

import (
	"testing"

	"duikou/data"
)

// A clerk types the Latin part of a name in whatever case: "abc" finds
// ABC家政服务有限公司 and its demand on both engines (SQLite's LIKE ignores
// the case of Latin letters; PostgreSQL's ILIKE is asked for the same).
// The credit code's own letters are upper-cased before the search.
func TestSearchIgnoresTheCaseOfLatinLetters(t *testing.T) {
	s := newStore(t)
	e := &data.Employer{Name: "南京ABC家政服务有限公司", CreditCode: testCreditCode("MA1XY2K1"), Region: "320115"}
	if err := s.Create(e); err != nil {
		t.Fatal(err)
	}
	other := &data.Employer{Name: "南京悦家物业管理有限公司", CreditCode: testCreditCode("MA1XY3K2"), Region: "320115"}
	if err := s.Create(other); err != nil {
		t.Fatal(err)
	}
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Title: "VIP住家保姆", Headcount: 2, WorkRegion: "320115"}
	if err := s.Create(d); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"abc", "ABC", "Abc家政"} {
		got, _, err := s.ListEmployers(data.EmployerFilter{Text: text}, data.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != e.ID {
			t.Errorf("employers %q: %d found, want 南京ABC家政服务有限公司 alone", text, len(got))
		}
		demands, _, err := s.ListDemands(data.DemandFilter{Text: text}, data.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(demands) != 1 || demands[0].ID != d.ID {
			t.Errorf("demands by employer %q: %d found, want 1", text, len(demands))
		}
	}
	if demands, _, _ := s.ListDemands(data.DemandFilter{Text: "vip"}, data.Page{}); len(demands) != 1 {
		t.Errorf("demands by title \"vip\": %d found, want 1", len(demands))
	}
	if got, _, _ := s.ListEmployers(data.EmployerFilter{Text: "ma1xy3"}, data.Page{}); len(got) != 1 || got[0].ID != other.ID {
		t.Errorf("credit code in lower case: %d found, want the second employer", len(got))
	}
}
