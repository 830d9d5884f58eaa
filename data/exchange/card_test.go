package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"duikou/data"
)

func TestCardCarriesTheOfficeAndItsPublicKeysOnly(t *testing.T) {
	a := newOffice(t, 0)
	var buf bytes.Buffer
	if err := WriteCard(a.s, &buf); err != nil {
		t.Fatal(err)
	}
	self := a.s.Office()
	if strings.Contains(buf.String(), self.AgeIdentity) || strings.Contains(buf.String(), "AGE-SECRET-KEY") {
		t.Fatal("the card leaks the age identity")
	}
	var raw map[string]any
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"format", "office_id", "name", "region", "role", "sign_public", "age_recipient", "created"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("card lacks %q: %s", k, buf.String())
		}
	}
	c, err := ReadCard(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if c.OfficeID != self.ID || c.Name != self.Name || c.Region != "620123" || c.Role != data.RoleSending ||
		!bytes.Equal(c.SignPublic, self.SignPublic) || c.AgeRecipient != self.AgeRecipient {
		t.Fatalf("card read back as %+v", c)
	}
}

func TestFingerprintIsReadableAndCoversIDAndBothKeys(t *testing.T) {
	a, b := newOffice(t, 0), newOffice(t, 1)
	ca, _ := CardOf(a.s)
	cb, _ := CardOf(b.s)
	fp := Fingerprint(ca)
	if !regexp.MustCompile(`^([0-9A-F]{4} ){7}[0-9A-F]{4}$`).MatchString(fp) {
		t.Fatalf("fingerprint %q is not 8 groups of 4 upper-case hex digits", fp)
	}
	if own, err := OfficeFingerprint(a.s); err != nil || own != fp {
		t.Fatalf("office fingerprint %q, card's %q (%v)", own, fp, err)
	}
	for name, change := range map[string]func(*Card){
		"office id":     func(c *Card) { c.OfficeID = cb.OfficeID },
		"signing key":   func(c *Card) { c.SignPublic = cb.SignPublic },
		"age recipient": func(c *Card) { c.AgeRecipient = cb.AgeRecipient },
	} {
		c := ca
		change(&c)
		if Fingerprint(c) == fp {
			t.Errorf("changing the %s leaves the fingerprint alone", name)
		}
	}
	c := ca
	c.Name, c.Region = "别的名字", "320115"
	if Fingerprint(c) != fp {
		t.Error("the fingerprint depends on the name, which is not a key")
	}
}

func TestPinStoresKeysAndFingerprintAndRefusesOwnCardAndRepeats(t *testing.T) {
	a, b := newOffice(t, 0), newOffice(t, 1)
	cb, _ := CardOf(b.s)
	p, err := Pin(a.s, cb)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := a.s.Partners()
	if len(ps) != 1 || ps[0].ID != id(b) || ps[0].Name != "南京市江宁区总工会" || !bytes.Equal(ps[0].SignPublic, cb.SignPublic) ||
		ps[0].AgeRecipient != cb.AgeRecipient || ps[0].Fingerprint != Fingerprint(cb) || p.Fingerprint != ps[0].Fingerprint {
		t.Fatalf("pinned %+v", ps)
	}
	if _, err := Pin(a.s, cb); err == nil {
		t.Fatal("the same card pinned twice")
	}
	own, _ := CardOf(a.s)
	if _, err := Pin(a.s, own); err == nil || !strings.Contains(err.Error(), "本单位自己") {
		t.Fatalf("own card: %v", err)
	}
	own.OfficeID = data.NewID() // our keys under another id
	if _, err := Pin(a.s, own); err == nil {
		t.Fatal("own keys pinned under another office id")
	}
	cb.OfficeID = data.NewID() // b's keys under another id
	if _, err := Pin(a.s, cb); err == nil || !strings.Contains(err.Error(), "南京市江宁区总工会") {
		t.Fatalf("b's keys again under a new id: %v", err)
	}
}

func TestReadCardRefusesWhatIsNotACard(t *testing.T) {
	a := newOffice(t, 0)
	good, _ := CardOf(a.s)
	encode := func(c Card) string { b, _ := json.Marshal(c); return string(b) }
	bad := func(change func(*Card)) string { c := good; change(&c); return encode(c) }
	cases := map[string]struct {
		text string
		want error
	}{
		"not json":     {"李娟的名片", ErrNotCard},
		"no format":    {bad(func(c *Card) { c.Format = 0 }), ErrNotCard},
		"newer format": {bad(func(c *Card) { c.Format = CardFormat + 1 }), ErrTooNew},
		"bad id":       {bad(func(c *Card) { c.OfficeID = "42" }), ErrNotCard},
		"no name":      {bad(func(c *Card) { c.Name = " " }), ErrNotCard},
		"short key":    {bad(func(c *Card) { c.SignPublic = c.SignPublic[:31] }), ErrNotCard},
		"bad age key":  {bad(func(c *Card) { c.AgeRecipient = "age1xyz" }), ErrNotCard},
	}
	for name, tc := range cases {
		if _, err := ReadCard(strings.NewReader(tc.text)); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", name, err, tc.want)
		}
	}
	// A BOM from Notepad is no reason to refuse.
	if _, err := ReadCard(strings.NewReader("\ufeff" + encode(good))); err != nil {
		t.Errorf("card with BOM: %v", err)
	}
}

func TestFindPartnerByIDOrName(t *testing.T) {
	a, b := twoOffices(t)
	for _, key := range []string{id(b), "南京市江宁区总工会", " 南京市江宁区总工会 "} {
		if p, err := FindPartner(a.s, key); err != nil || p.ID != id(b) {
			t.Errorf("%q: %v %v", key, p, err)
		}
	}
	if _, err := FindPartner(a.s, "苏州市总工会"); err == nil {
		t.Error("found a partner that is not pinned")
	}
}
