package ident

import "strings"

// NormalizePhone normalises s (see the package doc; parentheses are dropped
// too, and a leading +86, 0086 or 86 country code) and checks it as a
// mainland mobile number (11 digits, 1 then 3..9), returning the 11
// digits, or as a fixed line with its area code (0931-8123456,
// 09318123456, (025)83123456), returned as area code, "-", number. A
// refusal is an *Error.
func NormalizePhone(s string) (string, error) {
	n := phoneDigits(s)
	if n == "" {
		return "", refuse(KindEmpty, "电话号码为空")
	}
	if r, bad := firstIllegal(n, isDigit); bad {
		return "", refuse(KindChar, "含有非法字符“%c”", r)
	}
	if n[0] == '0' {
		return normalizeLandline(n)
	}
	if len(n) != 11 {
		return "", refuse(KindLength, "手机号应为11位，现为%d位（固定电话请带区号，如 0931-8123456）", len(n))
	}
	if n[0] != '1' {
		return "", refuse(KindPrefix, "手机号应以1开头，现为“%c”；固定电话请带区号，如 0931-8123456", n[0])
	}
	if n[1] < '3' {
		return "", refuse(KindPrefix, "手机号第2位应为3～9，现为“%c”", n[1])
	}
	return n, nil
}

// splitLandline splits the digits of a fixed line into its area code and
// number: 010 and 020..029 have three digits, every other area code four;
// the number has 7 or 8 digits and does not start with 0 or 1.
func splitLandline(n string) (area, number string, ok bool) {
	if len(n) < 3 || n[0] != '0' {
		return "", "", false
	}
	areaLen := 4
	if n[1] == '1' || n[1] == '2' {
		areaLen = 3
	}
	if len(n) < areaLen+7 {
		return "", "", false
	}
	area, number = n[:areaLen], n[areaLen:]
	return area, number, len(number) <= 8 && number[0] != '0' && number[0] != '1'
}

func normalizeLandline(n string) (string, error) {
	area, number, ok := splitLandline(n)
	if !ok {
		return "", refuse(KindLength, "固定电话应为区号加7～8位号码，如 0931-8123456；手机号应以1开头")
	}
	return area + "-" + number, nil
}

// phoneDigits normalises a phone entry and strips the country code. "86"
// alone is only taken as the country code when 11 digits follow, since a
// mobile number itself never starts with 8.
func phoneDigits(s string) string {
	n := phoneBrackets.Replace(normalize(s))
	switch {
	case strings.HasPrefix(n, "+86"):
		return n[3:]
	case strings.HasPrefix(n, "0086") && len(n) == 15:
		return n[4:]
	case strings.HasPrefix(n, "86") && len(n) == 13:
		return n[2:]
	}
	return n
}

// phoneBrackets drops the brackets of "(025)" style area codes; built once
// because building a Replacer costs more than using it.
var phoneBrackets = strings.NewReplacer("(", "", ")", "")
