package data

import (
	"strings"
	"testing"
)

// Dates are read with ".", "/", "-" or 年月日 between the parts, with or
// without leading zeros: 2026.12.6 as well as 2026/12/6.
func TestParseDateAcceptsEverySeparatorAndNoLeadingZeros(t *testing.T) {
	want := MakeDate(2026, 12, 6)
	for _, s := range []string{"2026.12.6", "2026.12.06", "2026/12/6", "2026/12/06", "2026-12-6", "2026-12-06",
		"2026年12月6日", "2026年12月06日", "2026年12月6", "20261206", " 2026.12.6 ", "２０２６．１２．６", "2026/12-6"} {
		if got, err := ParseDate(s); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %s, %v", s, got, err)
		}
	}
	if got, err := ParseDate("2026.1.5"); err != nil || got != MakeDate(2026, 1, 5) {
		t.Errorf("2026.1.5: %s %v", got, err)
	}
	for s, reason := range map[string]string{
		"2026.2.30": "不存在", "2026.13.1": "格式不对", "2026.12.0": "格式不对", "26.12.6": "格式不对", "2026.12": "格式不对",
		"昨天": "格式不对", "2026..6": "格式不对", "2026.12.6.1": "格式不对", "2026.-1.6": "格式不对",
		// the stored form, read past the general path when it is valid
		"2026-02-30": "不存在", "2026-13-01": "格式不对", "2026-12-00": "格式不对", "2026-1a-06": "格式不对", "2026-12-+6": "格式不对",
	} {
		if _, err := ParseDate(s); err == nil || !strings.Contains(err.Error(), reason) {
			t.Errorf("ParseDate(%q) = %v, want %q", s, err, reason)
		}
	}
}
