package ident

import (
	"math/rand"
	"testing"
	"time"
)

// The properties below are what the check characters are for: a clerk's
// commonest slips, one wrong character or two neighbours swapped, must never
// yield another number that is accepted.

var idRegions = []string{"620102", "620123", "621121", "320115", "110105", "510105", "500231"}

func validIDs(t *testing.T, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewSource(2024))
	start := date(1900, 1, 1)
	days := int(time.Since(start).Hours()/24) - 1
	ids := []string{"11010519491231002X"}
	for len(ids) < n {
		birth := start.AddDate(0, 0, rng.Intn(days))
		id := MakeID(idRegions[rng.Intn(len(idRegions))], birth, rng.Intn(500), rng.Intn(2) == 0)
		if _, err := ParseID(id); err != nil {
			t.Fatalf("generated ID %s refused: %v", id, err)
		}
		ids = append(ids, id)
	}
	return ids
}

func validCreditCodes(t *testing.T, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewSource(2015))
	var kinds []string
	for a, auth := range authorities {
		for i := 0; i < len(auth.categories); i++ {
			kinds = append(kinds, string(a)+auth.categories[i:i+1])
		}
	}
	codes := []string{"91350100M000100Y43", "91110000600037341L", "12440600MB2C07549J"}
	for len(codes) < n {
		body := make([]byte, 8)
		for i := range body {
			body[i] = creditAlphabet[rng.Intn(len(creditAlphabet))]
		}
		org, err := OrgCodeCheckChar(string(body))
		if err != nil {
			t.Fatal(err)
		}
		code := MakeCreditCode(kinds[rng.Intn(len(kinds))] + idRegions[rng.Intn(len(idRegions))] + string(body) + string(org))
		if _, err := NormalizeCreditCode(code); err != nil {
			t.Fatalf("generated credit code %s refused: %v", code, err)
		}
		codes = append(codes, code)
	}
	return codes
}

// mutations calls f with every single-character substitution of s drawn
// from alphabet(i) and every adjacent transposition that changes s.
func mutations(s string, alphabet func(i int) string, f func(kind, m string)) {
	b := []byte(s)
	for i := range b {
		orig := b[i]
		for _, c := range []byte(alphabet(i)) {
			if c == orig {
				continue
			}
			b[i] = c
			f("substitution", string(b))
		}
		b[i] = orig
	}
	for i := 0; i+1 < len(b); i++ {
		if b[i] == b[i+1] {
			continue
		}
		b[i], b[i+1] = b[i+1], b[i]
		f("transposition", string(b))
		b[i], b[i+1] = b[i+1], b[i]
	}
}

// idAlphabet is what may stand at position i (0-based) of an 18-digit ID.
func idAlphabet(i int) string {
	if i == 17 {
		return "0123456789X"
	}
	return "0123456789"
}

func TestIDSingleErrorsAreRefused(t *testing.T) {
	tried := 0
	for _, id := range validIDs(t, 300) {
		mutations(id, idAlphabet, func(kind, m string) {
			tried++
			if got, err := ParseID(m); err == nil {
				t.Errorf("%s %s of %s accepted as %s", kind, m, id, got.Number)
			}
		})
	}
	if tried < 300*(17*9+10) {
		t.Fatalf("only %d mutations tried", tried)
	}
}

func TestCreditCodeSingleErrorsAreRefused(t *testing.T) {
	all := func(int) string { return creditAlphabet }
	tried := 0
	for _, code := range validCreditCodes(t, 300) {
		mutations(code, all, func(kind, m string) {
			tried++
			if got, err := NormalizeCreditCode(m); err == nil {
				t.Errorf("%s %s of %s accepted as %s", kind, m, code, got)
			}
		})
	}
	if tried < 300*18*30 {
		t.Fatalf("only %d mutations tried", tried)
	}
}

// TestCheckCharactersAloneCatchSingleErrors holds the check-digit algorithms
// themselves to the property, without the help of the date, region and
// category checks: a mutated body never keeps the original check character.
func TestCheckCharactersAloneCatchSingleErrors(t *testing.T) {
	for _, id := range validIDs(t, 100) {
		mutations(id, idAlphabet, func(kind, m string) {
			if IDCheckChar(m[:17]) == m[17] {
				t.Errorf("ID %s %s of %s keeps a matching check character", kind, m, id)
			}
		})
	}
	for _, code := range validCreditCodes(t, 100) {
		mutations(code, func(int) string { return creditAlphabet }, func(kind, m string) {
			if c, _ := CreditCheckChar(m[:17]); c == m[17] {
				t.Errorf("credit code %s %s of %s keeps a matching check character", kind, m, code)
			}
		})
	}
}
