package exchange

import (
	"strings"
	"testing"

	"duikou/data"
)

// A partner pinned by id before its card came (as the demo pins Nanjing)
// takes the card's keys; once it has keys, another card under its id is
// refused and the keys stay.
func TestPinCompletesAPartnerPinnedWithoutKeys(t *testing.T) {
	a, b := newOffice(t, 0), newOffice(t, 1)
	cardB, err := CardOf(b.s)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.s.AddPartner(&data.Partner{ID: cardB.OfficeID, Name: "南京（待名片）", Role: data.RoleReceiving}); err != nil {
		t.Fatal(err)
	}
	if _, err := ExportFile(a.s, cardB.OfficeID, t.TempDir()+"/x.duikou"); err == nil ||
		!strings.Contains(err.Error(), "请先导入对方的单位名片") {
		t.Fatalf("export to a keyless partner: %v", err)
	}
	p, err := Pin(a.s, cardB)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := a.s.Partners()
	if len(ps) != 1 || ps[0].Name != cardB.Name || ps[0].Fingerprint != Fingerprint(cardB) ||
		ps[0].AgeRecipient != cardB.AgeRecipient || p.Fingerprint != ps[0].Fingerprint {
		t.Fatalf("partners after the card: %+v", ps)
	}
	// The files now flow.
	pin(t, b, a)
	populate(t, a.s, 2)
	file, _ := bundle(t, a, b)
	if _, err := open(b.s, file); err != nil {
		t.Fatal(err)
	}

	// Another office's keys under B's id: refused, B's keys kept.
	c := newOffice(t, 2)
	forged, _ := CardOf(c.s)
	forged.OfficeID = cardB.OfficeID
	if _, err := Pin(a.s, forged); err == nil || !strings.Contains(err.Error(), "已添加过") {
		t.Fatalf("a second card under a pinned id: %v", err)
	}
	if ps, _ := a.s.Partners(); ps[0].AgeRecipient != cardB.AgeRecipient {
		t.Fatal("the pinned keys changed")
	}
}
