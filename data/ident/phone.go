package ident

import "strings"

// NormalizePhone normalises s (see the package doc; parentheses are dropped
// too, and a leading +86, 0086 or 86 country code) and checks it as a
// mainland mobile number: 11 digits, 1 then 3..9. It returns the 11 digits
// or an *Error.
func NormalizePhone(s string) (string, error) {
	n := phoneDigits(s)
	if n == "" {
		return "", refuse(KindEmpty, "手机号为空")
	}
	if r, bad := firstIllegal(n, isDigit); bad {
		return "", refuse(KindChar, "含有非法字符“%c”", r)
	}
	// A fixed line is the commonest wrong entry in a phone column; say so
	// rather than complain about its length.
	if n[0] == '0' {
		return "", refuse(KindPrefix, "手机号应以1开头，“0”开头的是固定电话号码")
	}
	if len(n) != 11 {
		return "", refuse(KindLength, "手机号应为11位，现为%d位", len(n))
	}
	if n[0] != '1' {
		return "", refuse(KindPrefix, "手机号应以1开头，现为“%c”", n[0])
	}
	if n[1] < '3' {
		return "", refuse(KindPrefix, "手机号第2位应为3～9，现为“%c”", n[1])
	}
	return n, nil
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
