package exchange

import (
	"bytes"
	"slices"
	"testing"

	"duikou/data"
	"duikou/data/recommend"
)

// A withdrawal of consent travels in a real bundle: alone, without the
// worker's row, and the file passes the record checks.
func TestAWithdrawalOfConsentTravelsInABundle(t *testing.T) {
	a, b := twoOffices(t)
	w := worker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	apply := func(file []byte) {
		t.Helper()
		o, err := open(b.s, file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Apply("a.duikou"); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := bundle(t, a, b)
	if !memberHolds(t, first, b, w.IDNumber) { // the check below can see a value
		t.Fatal("the first bundle does not show the ID number")
	}
	apply(first)
	// B's demand, and B's matcher, kept in step with its store.
	e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: creditCode("MA1XY2K1"), Region: "320115"}
	if err := b.s.Create(e); err != nil {
		t.Fatal(err)
	}
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 5, WorkRegion: "320115"}
	if err := b.s.Create(d); err != nil {
		t.Fatal(err)
	}
	m, err := recommend.New(b.s)
	if err != nil {
		t.Fatal(err)
	}
	proposed := func() bool {
		t.Helper()
		top, err := m.TopWorkers(d.ID, 20)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(top, func(r recommend.Ranked) bool { return r.WorkerID == w.ID })
	}
	if !proposed() {
		t.Fatal("the consenting worker is not proposed for B's demand")
	}
	wa, _ := a.s.Worker(w.ID)
	wa.Consent, wa.Phone = false, "13911112222"
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	file, _ := bundle(t, a, b)
	for _, secret := range []string{"13911112222", w.IDNumber, w.Name} {
		if memberHolds(t, file, b, secret) {
			t.Fatalf("the withdrawal's bundle carries %q", secret)
		}
	}
	apply(file)
	got, err := b.s.Worker(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Consent || got.IDNumber != "" || got.Phone != "" || !got.IsWithdrawnHusk() {
		t.Fatalf("B holds %+v", got)
	}
	if proposed() {
		t.Fatal("B's matcher still proposes the withdrawn worker")
	}
}

func memberHolds(t *testing.T, file []byte, to *office, s string) bool {
	t.Helper()
	for _, m := range unseal(t, file, to) {
		if bytes.Contains(m.body, []byte(s)) {
			return true
		}
	}
	return false
}
