package ident

import (
	"fmt"
	"strconv"
	"strings"
)

// checkHint is the refusal of an ID number whose check character does not
// match. It does not name the "right" check character: a clerk told
// "第18位应为1" changes the last digit and saves a wrong number. It names
// the positions where one mistyped digit would explain the mismatch (a
// change there gives a number with a valid area code, birth date and
// check character) and the neighbours whose swap would, so the clerk
// looks there on the card.
func checkHint(n string) string {
	suspects := suspectDigits(n)
	swaps := suspectSwaps(n)
	msg := "身份证号校验不通过（通常是有一位抄错或相邻两位颠倒）"
	if len(suspects) > 9 || len(suspects) == 0 {
		return msg + "，请对照证件逐位核对"
	}
	msg += "，请对照证件核对第" + positions(suspects) + "位"
	if len(swaps) > 0 && len(swaps) <= 3 {
		var pairs []string
		for _, i := range swaps {
			pairs = append(pairs, fmt.Sprintf("第%d、%d位", i+1, i+2))
		}
		msg += "，或" + strings.Join(pairs, "、") + "是否颠倒"
	}
	return msg
}

// suspectDigits lists (0-based) the positions where another character
// would make n a valid number; the check character itself always is one.
func suspectDigits(n string) []int {
	var out []int
	for i := 0; i < 17; i++ {
		for d := byte('0'); d <= '9'; d++ {
			if d != n[i] && validNumber(n[:i]+string(d)+n[i+1:]) {
				out = append(out, i)
				break
			}
		}
	}
	return append(out, 17)
}

// suspectSwaps lists the positions i where swapping i and i+1 would make n
// a valid number.
func suspectSwaps(n string) []int {
	var out []int
	for i := 0; i < 17; i++ {
		if n[i] == n[i+1] {
			continue
		}
		b := []byte(n)
		b[i], b[i+1] = b[i+1], b[i]
		if validNumber(string(b)) {
			out = append(out, i)
		}
	}
	return out
}

func validNumber(n string) bool {
	if strings.IndexByte(n[:17], 'X') >= 0 || IDCheckChar(n[:17]) != n[17] {
		return false
	}
	_, err := parseIDBody(n[:17])
	return err == nil
}

// positions writes 0-based positions as the clerk counts them, runs
// joined: "8、10、15～18".
func positions(ps []int) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, strconv.Itoa(ps[i]+1)+"～"+strconv.Itoa(ps[j]+1))
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(ps[k]+1))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, "、")
}
