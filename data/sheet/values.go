package sheet

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"duikou/data"
)

// Cell values as clerks type them, read into the Store's types. Each parser
// returns a reason in Chinese when it cannot read the value.

// cleanCell trims what Excel, WPS and copy-paste leave around a value:
// spaces of every width (ASCII, no-break, ideographic U+3000), tabs,
// line breaks, zero-width characters and a stray BOM.
func cleanCell(s string) string {
	return strings.TrimFunc(s, isJunk)
}

func isJunk(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// narrow folds full-width ASCII forms (０-９, Ａ-Ｚ, ．, －) to ASCII.
func narrow(s string) string { return width.Narrow.String(s) }

// squeeze drops every space and junk character inside s.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if isJunk(r) {
			return -1
		}
		return r
	}, s)
}

// Replacers are built once: building one costs more than using it.
var (
	nameDots       = strings.NewReplacer("•", "·", "・", "·", "．", "·", "‧", "·", "∙", "·")
	dateSeparators = strings.NewReplacer("年", "-", "月", "-", "日", "", "号", "", "/", "-", ".", "-")
	halfBrackets   = strings.NewReplacer("(", "（", ")", "）")
)

// cleanName tidies a person's name: Chinese names are often padded with
// spaces to line up in a printed roster ("王　芳"), so spaces go when the
// name holds Chinese characters; the dots in minority names (阿依古丽·买买提)
// are unified to U+00B7.
func cleanName(s string) string {
	s = cleanCell(s)
	s = nameDots.Replace(s)
	hasHan := false
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			hasHan = true
			break
		}
	}
	if hasHan {
		return squeeze(s)
	}
	return strings.Join(strings.FieldsFunc(s, isJunk), " ")
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts in practice
// (its phantom 1900-02-29 makes 1899-12-30 the right origin for every date
// after February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseDate reads a date as a spreadsheet holds it: an Excel serial number
// (45366, or 45366.5 with a time), 2024-03-05, 2024/3/5, 2024.3.5,
// 20240305, 2024年3月5日, 2024年3月 (the first of the month), with or
// without a time after it.
func parseDate(s string) (data.Date, string) {
	s = strings.TrimSpace(narrow(s))
	if s == "" {
		return data.Date{}, ""
	}
	if i := strings.IndexAny(s, " T"); i > 0 { // "2024-03-05 00:00:00"
		s = s[:i]
	}
	// An Excel serial: five digits before any decimal point cover 1927 to
	// 2173 and cannot be mistaken for 2024.03 or 20240305.
	if whole, _, _ := strings.Cut(s, "."); len(whole) == 5 && allDigits(whole) {
		if serial, err := strconv.ParseFloat(s, 64); err == nil {
			return data.DateOf(excelEpoch.AddDate(0, 0, int(serial))), ""
		}
	}
	t := dateSeparators.Replace(s)
	t = strings.TrimSuffix(t, "-")
	parts := strings.Split(t, "-")
	if len(parts) == 1 && len(t) == 8 { // 20240305
		parts = []string{t[:4], t[4:6], t[6:]}
	}
	if len(parts) == 2 { // 2024-03: the first of the month
		parts = append(parts, "1")
	}
	if len(parts) != 3 {
		return data.Date{}, fmt.Sprintf("“%s”不是日期，请写成 2026-03-05 的样子", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return data.Date{}, fmt.Sprintf("“%s”不是日期，请写成 2026-03-05 的样子", s)
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return data.Date{}, fmt.Sprintf("日期“%s”不存在", s)
	}
	return data.MakeDate(y, time.Month(m), d), ""
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseMoney reads an amount in yuan: "5000", "5,000.00", "￥5000",
// "5000元", "5000元/月".
func parseMoney(s string) (data.Fen, string) {
	t := squeeze(narrow(s))
	for _, suffix := range []string{"/月", "每月", "/人", "左右"} {
		t = strings.TrimSuffix(t, suffix)
	}
	if t == "" {
		return 0, ""
	}
	// A numeric cell may come back as 5000.000000001 from a formula.
	if f, err := strconv.ParseFloat(t, 64); err == nil && strings.ContainsAny(t, "eE.") {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
			return 0, fmt.Sprintf("金额“%s”无效", s)
		}
		return data.Fen(math.Round(f * 100)), ""
	}
	fen, err := data.ParseYuan(t)
	if err != nil {
		return 0, err.Error()
	}
	return fen, ""
}

// parseMoneyRange reads "5000-7000", "5000～7000元", "5000至7000",
// "5000以上" (lower bound only), "7000以下" (upper bound only) or a single
// amount (both bounds).
func parseMoneyRange(s string) (lo, hi data.Fen, reason string) {
	t := squeeze(narrow(s))
	if t == "" || t == "面议" {
		return 0, 0, ""
	}
	if a, b, ok := cutRange(t); ok {
		if lo, reason = parseMoney(a); reason != "" {
			return 0, 0, reason
		}
		hi, reason = parseMoney(b)
		return lo, hi, reason
	}
	if v, ok := strings.CutSuffix(t, "以上"); ok {
		lo, reason = parseMoney(v)
		return lo, 0, reason
	}
	for _, suffix := range []string{"以下", "以内"} {
		if v, ok := strings.CutSuffix(t, suffix); ok {
			hi, reason = parseMoney(v)
			return 0, hi, reason
		}
	}
	lo, reason = parseMoney(t)
	return lo, lo, reason
}

// cutRange splits "a-b" at a range dash or word.
func cutRange(t string) (a, b string, ok bool) {
	for _, sep := range []string{"~", "～", "〜", "—", "–", "－", "至", "到", "-"} {
		// A leading "-" is a minus sign, not a range.
		if i := strings.Index(t, sep); i > 0 {
			return t[:i], t[i+len(sep):], true
		}
	}
	return "", "", false
}

// parseCount reads a whole number with an optional unit: "20", "20人",
// "20.0" (a numeric cell), "２０名".
func parseCount(s string, units ...string) (int, string) {
	t := squeeze(narrow(s))
	for _, u := range units {
		t = strings.TrimSuffix(t, u)
	}
	if t == "" {
		return 0, ""
	}
	if v, ok := strings.CutSuffix(t, ".0"); ok {
		t = v
	}
	n, err := strconv.Atoi(t)
	if err != nil || n > 1_000_000 {
		return 0, fmt.Sprintf("“%s”不是整数", s)
	}
	return n, ""
}

// parseMonths reads a contract term: "12", "12个月", "1年", "2年".
func parseMonths(s string) (int, string) {
	t := squeeze(narrow(s))
	if t == "" || t == "无" || t == "不限" {
		return 0, ""
	}
	if v, ok := strings.CutSuffix(t, "年"); ok {
		if n, reason := parseCount(v); reason == "" {
			return n * 12, ""
		}
		return 0, fmt.Sprintf("合同期限“%s”无法识别，请填月数，如 12", s)
	}
	n, reason := parseCount(t, "个月", "月")
	if reason != "" {
		return 0, fmt.Sprintf("合同期限“%s”无法识别，请填月数，如 12", s)
	}
	return n, ""
}

// parseAgeRange reads "18-45", "18～45岁", "18至45周岁", "45岁以下",
// "18岁以上", "不限".
func parseAgeRange(s string) (lo, hi int, reason string) {
	t := squeeze(narrow(s))
	t = strings.ReplaceAll(strings.ReplaceAll(t, "周岁", ""), "岁", "")
	if t == "" || t == "不限" || t == "无" {
		return 0, 0, ""
	}
	bad := fmt.Sprintf("年龄要求“%s”无法识别，请写成 18-45 的样子", s)
	if a, b, ok := cutRange(t); ok {
		lo, r1 := parseCount(a)
		hi, r2 := parseCount(b)
		if r1 != "" || r2 != "" {
			return 0, 0, bad
		}
		return lo, hi, ""
	}
	if v, ok := strings.CutSuffix(t, "以上"); ok {
		if lo, r := parseCount(v); r == "" {
			return lo, 0, ""
		}
		return 0, 0, bad
	}
	for _, suffix := range []string{"以下", "以内"} {
		if v, ok := strings.CutSuffix(t, suffix); ok {
			if hi, r := parseCount(v); r == "" {
				return 0, hi, ""
			}
			return 0, 0, bad
		}
	}
	return 0, 0, bad
}

// parseBool reads yes/no the many ways a roster says it.
func parseBool(s string) (v bool, ok bool) {
	switch strings.ToUpper(squeeze(narrow(s))) {
	case "是", "Y", "YES", "1", "TRUE", "有", "√", "✓", "✔", "同意", "已签", "已建", "已建会", "包", "提供", "已参保":
		return true, true
	case "否", "N", "NO", "0", "FALSE", "无", "没有", "×", "✗", "不同意", "未签", "未建", "未建会", "不包", "不提供", "未参保", "":
		return false, true
	}
	return false, false
}

// splitList splits a cell holding several values: "南京市、苏州市",
// "江苏省,浙江省", "家政服务员；育婴员".
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/／|｜", r) || isJunk(r)
	})
	out := parts[:0]
	for _, p := range parts {
		if p = cleanCell(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// hasGarble reports text that decoding could not read (U+FFFD), which
// means the file's encoding was not what it seemed.
func hasGarble(s string) bool { return strings.ContainsRune(s, utf8.RuneError) }

// labelCode finds the code whose label (or code) the cell holds, trying the
// aliases first.
func labelCode(list []data.Labelled, aliases map[string]string, s string) (string, bool) {
	t := squeeze(narrow(s))
	if code, ok := aliases[t]; ok {
		return code, true
	}
	for _, l := range list {
		if l.Label == t || l.Code == strings.ToLower(t) {
			return l.Code, true
		}
	}
	return "", false
}

// labels lists a picker's labels for a message: "待业、已推荐、已就业、返乡".
func labels(list []data.Labelled) string {
	out := make([]string, len(list))
	for i, l := range list {
		out[i] = l.Label
	}
	return strings.Join(out, "、")
}
