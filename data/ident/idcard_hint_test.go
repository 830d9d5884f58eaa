package ident

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Whatever single digit was mistyped, its position is among those the
// refusal asks the clerk to check, and the refusal never names a digit
// to type in.
func TestCheckHintNamesTheMistypedPosition(t *testing.T) {
	valid := []string{"11010519491231002X",
		MakeID("620123", time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC), 123, false),
		MakeID("320115", time.Date(1988, 7, 6, 0, 0, 0, 0, time.UTC), 2, true)}
	for _, v := range valid {
		if _, err := ParseID(v); err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		for i := 0; i < 18; i++ {
			for _, d := range "0123456789X" {
				if byte(d) == v[i] || (d == 'X' && i < 17) {
					continue
				}
				typo := v[:i] + string(d) + v[i+1:]
				if IDCheckChar(typo[:17]) == typo[17] {
					continue // a typo the check cannot see
				}
				if _, err := parseIDBody(typo[:17]); err != nil {
					continue // refused for its area code or birth date instead
				}
				if !slices.Contains(suspectDigits(typo), i) {
					t.Errorf("%s (position %d mistyped): suspects %v", typo, i+1, suspectDigits(typo))
				}
				_, err := ParseID(typo)
				if msg := err.Error(); strings.Contains(msg, "应为") || !strings.Contains(msg, "请对照证件") {
					t.Errorf("%s: %q", typo, msg)
				}
			}
		}
	}
}

// Two neighbours swapped are named as a pair to check.
func TestCheckHintNamesASwap(t *testing.T) {
	// 11010519491231002X with the 5th and 6th digits (0, 5) swapped.
	_, err := ParseID("11015019491231002X")
	if err == nil {
		t.Skip("the swap happens to give a valid number")
	}
	if msg := err.Error(); !strings.Contains(msg, "第5、6位是否颠倒") && !strings.Contains(msg, "逐位核对") {
		t.Fatalf("%q", msg)
	}
}

func TestPositionsJoinRuns(t *testing.T) {
	if got := positions([]int{1, 4, 8, 9, 14, 15, 16, 17}); got != "2、5、9、10、15～18" {
		t.Fatal(got)
	}
}
