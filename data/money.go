package data

import (
	"fmt"
	"strconv"
	"strings"
)

// Fen is an amount of money in fen (1/100 yuan). Money is never a float.
type Fen int64

// Yuan builds an amount from whole yuan.
func Yuan(y int64) Fen { return Fen(y * 100) }

// String formats as yuan with two decimals when there are fen: "5000", "12.50".
func (f Fen) String() string {
	neg := ""
	v := int64(f)
	if v < 0 {
		neg, v = "-", -v
	}
	if v%100 == 0 {
		return fmt.Sprintf("%s%d", neg, v/100)
	}
	return fmt.Sprintf("%s%d.%02d", neg, v/100, v%100)
}

// ParseYuan reads an amount in yuan such as "5000", "5,000.5" or "￥12.30".
func ParseYuan(s string) (Fen, error) {
	t := moneyNoise.Replace(strings.TrimSpace(s))
	if t == "" {
		return 0, nil
	}
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, _ := strings.Cut(t, ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("金额“%s”最多两位小数", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || whole == "" {
		return 0, fmt.Errorf("金额“%s”不是数字", s)
	}
	v := Fen(w*100 + f)
	if neg {
		v = -v
	}
	return v, nil
}

// moneyNoise is what clerks type around an amount (thousands separators,
// currency signs, 元); built once.
var moneyNoise = strings.NewReplacer(",", "", "，", "", "￥", "", "¥", "", "元", "", " ", "")
