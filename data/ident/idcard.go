package ident

import (
	"fmt"
	"strings"
	"time"

	"duikou/data/catalog"
)

// ID is a parsed, valid resident identity card number (GB 11643-1999).
type ID struct {
	Number string    // 18 characters, upper-case X
	Region string    // first six digits
	Birth  time.Time // date only, UTC midnight
	Sex    Sex       // from the 17th digit: odd male, even female
}

// Sex as encoded in an identity number.
type Sex int

const (
	SexUnknown Sex = 0
	Male       Sex = 1
	Female     Sex = 2
)

// Label is the word shown to the clerk: "男", "女", or "" when unknown.
func (s Sex) Label() string {
	switch s {
	case Male:
		return "男"
	case Female:
		return "女"
	}
	return ""
}

// earliestBirthYear: nobody alive and registering for migrant work was born
// before 1900, so an earlier year is a typing error.
const earliestBirthYear = 1900

// idWeights are the ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for the first
// 17 digits; idCheckChars maps the weighted sum mod 11 to the check
// character that makes the whole sum (check weighted 1) congruent to 1.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckChar computes the check character ('0'..'9' or 'X') of an 18-digit
// identity number from its first 17 digits. It returns 0 when first17 is not
// exactly 17 ASCII digits.
func IDCheckChar(first17 string) byte {
	if len(first17) != 17 || !allDigits(first17) {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// ParseID normalises s (see the package doc), checks it and returns the
// parsed number. A valid 15-digit first-generation number (born in the
// 1900s) is upgraded to its 18-digit form. Refusals are *Error.
func ParseID(s string) (ID, error) {
	n := normalize(s)
	if n == "" {
		return ID{}, refuse(KindEmpty, "身份证号为空")
	}
	if r, bad := firstIllegal(n, func(r rune) bool { return isDigit(r) || r == 'X' }); bad {
		return ID{}, refuse(KindChar, "含有非法字符“%c”", r)
	}
	// From here on n is ASCII, so byte indexes are character positions.
	switch {
	case len(n) == 18:
		return parseID18(n)
	case len(n) == 15 && allDigits(n):
		return upgradeID15(n)
	}
	return ID{}, refuse(KindLength, "身份证号应为18位，现为%d位", len(n))
}

func parseID18(n string) (ID, error) {
	if i := strings.IndexByte(n[:17], 'X'); i >= 0 {
		return ID{}, refuse(KindChar, "第%d位不能是“X”，X只能出现在第18位（校验位）", i+1)
	}
	// The parts are checked before the check character because their
	// messages point the clerk at the wrong digits, where a check failure
	// only says that some digit is wrong.
	id, err := parseIDBody(n[:17])
	if err != nil {
		return ID{}, err
	}
	if IDCheckChar(n[:17]) != n[17] {
		return ID{}, refuse(KindCheck, "%s", checkHint(n))
	}
	id.Number = n
	return id, nil
}

// upgradeID15 turns a first-generation number (6 region + YYMMDD + 3
// sequence) into the 18-digit number the same person holds today: century
// 19 inserted before the year and the check character appended.
func upgradeID15(n string) (ID, error) {
	body := n[:6] + "19" + n[6:]
	id, err := parseIDBody(body)
	if err != nil {
		e := err.(*Error)
		return ID{}, refuse(e.Kind, "15位旧身份证号无法升级为18位：%s", e.Reason)
	}
	id.Number = body + string(IDCheckChar(body))
	return id, nil
}

// parseIDBody checks the address code, birth date and sequence code of the
// 17-digit body and fills everything but Number.
func parseIDBody(body string) (ID, error) {
	region := body[:6]
	if !catalog.KnownIDPrefix(region) {
		return ID{}, refuse(KindRegion, "地址码%s不是有效的行政区划", region)
	}
	birth, err := parseBirth(body[6:14])
	if err != nil {
		return ID{}, err
	}
	seq := body[14:17]
	if seq == "000" {
		return ID{}, refuse(KindSequence, "顺序码000无效（第15～17位不能全为0）")
	}
	sex := Female
	if (seq[2]-'0')%2 == 1 {
		sex = Male
	}
	return ID{Region: region, Birth: birth, Sex: sex}, nil
}

// parseBirth checks an eight-digit YYYYMMDD birth date.
func parseBirth(d string) (time.Time, error) {
	y := atoi(d[:4])
	m := atoi(d[4:6])
	day := atoi(d[6:8])
	t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	// time.Date normalises 0231 to March; a real date survives unchanged.
	if m < 1 || m > 12 || day < 1 || t.Month() != time.Month(m) || t.Day() != day {
		return time.Time{}, refuse(KindDate, "出生日期%s不存在", d)
	}
	if y < earliestBirthYear {
		return time.Time{}, refuse(KindDate, "出生日期%s早于%d年", d, earliestBirthYear)
	}
	if t.After(today()) {
		return time.Time{}, refuse(KindDate, "出生日期%s晚于今天", d)
	}
	return t, nil
}

// today is the current local calendar date as UTC midnight, comparable with
// ID.Birth. Local, because the clerk's "today" is the one on their desk.
func today() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// atoi of a string already known to be ASCII digits.
func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// AgeOn is the age in completed years on the calendar date of day (taken in
// day's own location). Someone born on 29 February turns a year older on
// 1 March in common years. Before the birth date the result is negative.
func (id ID) AgeOn(day time.Time) int {
	y, m, d := day.Date()
	age := y - id.Birth.Year()
	if m < id.Birth.Month() || (m == id.Birth.Month() && d < id.Birth.Day()) {
		age--
	}
	return age
}

// Masked is the number as it may be displayed (see MaskID).
func (id ID) Masked() string { return MaskID(id.Number) }

// MakeID builds a valid 18-digit number, for the demo data generator and
// tests. region must be six digits (pass a code that catalog.KnownIDPrefix
// knows if ParseID is to accept the result); birth contributes its calendar
// date. seq picks the sequence code: 0..499 give the odd codes 001..999 for
// men, 0..498 the even codes 002..998 for women; other values wrap around, so
// every int gives a valid, non-zero code of the right parity. MakeID panics
// if region is not six digits or the year is outside 0..9999.
func MakeID(region string, birth time.Time, seq int, female bool) string {
	if len(region) != 6 || !allDigits(region) {
		panic(fmt.Sprintf("ident.MakeID: region %q is not six digits", region))
	}
	y, m, d := birth.Date()
	if y < 0 || y > 9999 {
		panic(fmt.Sprintf("ident.MakeID: birth year %d has not four digits", y))
	}
	var code int
	if female {
		code = 2 + 2*wrap(seq, 499)
	} else {
		code = 1 + 2*wrap(seq, 500)
	}
	body := fmt.Sprintf("%s%04d%02d%02d%03d", region, y, int(m), d, code)
	return body + string(IDCheckChar(body))
}

// wrap is v mod n in 0..n-1, also for negative v.
func wrap(v, n int) int {
	v %= n
	if v < 0 {
		v += n
	}
	return v
}
