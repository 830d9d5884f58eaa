package storage

import (
	"duikou/data"
	"strings"
	"testing"
)

func TestAddPartnerPinsAndAudits(t *testing.T) {
	s := newStore(t)
	p := &data.Partner{ID: data.NewID(), Name: " 南京市总工会 ", Region: "320100", Role: data.RoleReceiving}
	if err := s.AddPartner(p); err != nil {
		t.Fatalf("add: %v", err)
	}
	got, err := s.Partners()
	if err != nil || len(got) != 1 {
		t.Fatalf("partners %v %v", got, err)
	}
	if got[0].ID != p.ID || got[0].Name != "南京市总工会" || got[0].Role != data.RoleReceiving || got[0].PinnedAt.IsZero() {
		t.Fatalf("stored %+v", got[0])
	}
	log, _ := s.AuditLog(1)
	if len(log) != 1 || log[0].Table != "partners" || log[0].RowID != p.ID || !strings.Contains(log[0].Summary, "南京市总工会") {
		t.Fatalf("audit %+v", log)
	}
	if log[0].Clerk != "李娟" {
		t.Fatalf("audit clerk %q", log[0].Clerk)
	}
}

func TestAddPartnerRefusesBadInput(t *testing.T) {
	s := newStore(t)
	first := &data.Partner{ID: data.NewID(), Name: "南京市总工会", Role: data.RoleReceiving}
	if err := s.AddPartner(first); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		p     data.Partner
		field string
	}{
		{"no name", data.Partner{ID: data.NewID(), Name: "  "}, "Name"},
		{"no id", data.Partner{Name: "合川区总工会"}, "ID"},
		{"ourselves", data.Partner{ID: s.Office().ID, Name: "榆中县总工会"}, "ID"},
		{"pinned twice", data.Partner{ID: first.ID, Name: "南京市总工会"}, "ID"},
		{"unknown region", data.Partner{ID: data.NewID(), Name: "某工会", Region: "999999"}, "Region"},
		{"bad role", data.Partner{ID: data.NewID(), Name: "某工会", Role: "boss"}, "Role"},
	}
	for _, c := range cases {
		err := s.AddPartner(&c.p)
		fe, ok := data.AsFieldError(err)
		if !ok || fe.Field != c.field {
			t.Errorf("%s: want a field error on %s, got %v", c.name, c.field, err)
		}
	}
	if got, _ := s.Partners(); len(got) != 1 {
		t.Fatalf("refused pins were stored: %d partners", len(got))
	}
}

func TestAddPartnerNeedsTheOfficeSetUp(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.AddPartner(&data.Partner{ID: data.NewID(), Name: "南京市总工会"}); err == nil {
		t.Fatal("pinned a partner before the office was set up")
	}
}
