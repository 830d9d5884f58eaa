package ident

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMaskID(t *testing.T) {
	cases := map[string]string{
		"620123198506151234":   "620123********1234",
		"11010519491231002x":   "110105********002X",
		"110105 19491231 002X": "110105********002X",
		"１１０１０５１９４９１２３１００２Ｘ": "110105********002X",
		"110105491231002": "110105*****1002", // first generation
		"":                "",
		"1":               "*",
		"62012319850615":  "**************",
		"身份证号码不详":         "*******",
	}
	checkEach(t, "MaskID", MaskID, cases)
}

func TestMaskPhone(t *testing.T) {
	cases := map[string]string{
		"13812345678":       "138****5678",
		"+86 138-1234-5678": "138****5678",
		"８６１３８１２３４５６７８": "138****5678",
		"0931-8123456": "093****3456", // a fixed line as NormalizePhone stores it
		"025-83123456": "025****3456",
		"":             "",
		"5678":         "****",
		"1381234567":   "**********",
		"电话":           "**",
	}
	checkEach(t, "MaskPhone", MaskPhone, cases)
}

// TestMaskingLeaksNoMoreThanTheRule feeds random, often malformed input and
// checks that what stays visible is at most the allowed head and tail of
// the input and that at least as many characters are hidden as for a
// well-formed value.
func TestMaskingLeaksNoMoreThanTheRule(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"0", "1", "5", "9", "X", "x", "-", " ", "\u3000", "+", "８", "号", "\xff", "Ｘ"}
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := rng.Intn(30); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		in := b.String()
		checkMask(t, "MaskID", in, MaskID(in), 6, 4, 5)
		checkMask(t, "MaskPhone", in, MaskPhone(in), 3, 4, 4)
	}
}

func checkMask(t *testing.T, name, in, out string, head, tail, minHidden int) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%q) = %q is not valid UTF-8", name, in, out)
	}
	r := []rune(out)
	visible := 0
	for _, c := range r {
		if c != '*' {
			visible++
		}
	}
	if visible > head+tail {
		t.Fatalf("%s(%q) = %q shows %d characters", name, in, out, visible)
	}
	if visible > 0 && len(r)-visible < minHidden {
		t.Fatalf("%s(%q) = %q hides only %d characters", name, in, out, len(r)-visible)
	}
	if visible > 0 && (strings.Contains(string(r[:head]), "*") || strings.Contains(string(r[len(r)-tail:]), "*")) {
		t.Fatalf("%s(%q) = %q is not head + stars + tail", name, in, out)
	}
}

// A home address is kept down to the township, no further.
func TestMaskAddress(t *testing.T) {
	checkEach(t, "MaskAddress", MaskAddress, map[string]string{
		"甘肃省兰州市榆中县城关镇兴隆村3社":   "甘肃省兰州市榆中县城关镇****",
		"四川省广元市苍溪县东溪镇":        "四川省广元市苍溪县东溪镇",
		"江苏省镇江市京口区正东路街道梦溪路8号": "江苏省镇江市京口区正东路街道****",
		"榆中县新营乡马家村":           "榆中县新营乡****",
		"内蒙古四子王旗江岸苏木巴音村":      "内蒙古四子王旗江岸苏木****",
		"南京市江宁区秣陵路88号":        "南京市江宁区****",
		"兴隆村3社":               "****",
		"":                    "",
	})
}
