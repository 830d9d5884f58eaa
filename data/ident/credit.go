package ident

import (
	"fmt"
	"strings"
)

// creditAlphabet is the GB 32100-2015 character set in value order: digits
// then capitals without I, O, S, V and Z (too easily read as 1, 0, 5, U, 2).
// A character's value is its index, 0..30.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are 3^(i-1) mod 31 for positions i = 1..17 (GB 32100-2015,
// after GB/T 17710's pure MOD 31 system).
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// orgCodeWeights are the GB 11714-1997 weights of the eight body characters
// of an organisation code (positions 9-16 of a credit code).
var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// authority is a registration authority (登记管理部门, position 1) with the
// organisation types (机构类别, position 2) it assigns.
type authority struct {
	name       string
	categories string
}

// authorities follows appendix A of GB 32100-2015 as extended by the code
// centre (CODS) since: A (military reform office), N (agriculture: rural
// collective economic organisations), G (public security: foreign NGO
// offices), J (housing: owners' assemblies), Q (returned overseas Chinese
// federations), and 54/55 village and residents' committees, 36 commercial
// mediation, 82 unincorporated union organisations. Type 9 ("其他") is
// accepted under every authority because the tables keep growing there; a
// typing error in positions 1-2 is still caught by the check character.
var authorities = map[byte]authority{
	'1': {"机构编制", "1239"},
	'2': {"外交", "19"},
	'3': {"司法行政", "1234569"},
	'4': {"文化", "19"},
	'5': {"民政", "123459"},
	'6': {"旅游", "129"},
	'7': {"宗教", "129"},
	'8': {"工会", "129"},
	'9': {"工商（市场监管）", "1239"},
	'A': {"中央军委改革和编制办公室", "19"},
	'G': {"公安", "19"},
	'J': {"住房城乡建设", "19"},
	'N': {"农业农村", "1239"},
	'Q': {"侨联", "1239"},
	'Y': {"其他", "19"},
}

// creditValue is the GB 32100 value of c, or -1 outside the alphabet.
func creditValue(c byte) int { return strings.IndexByte(creditAlphabet, c) }

// orgCodeValue is the GB 11714 value of c (digits 0-9, A-Z 10-35), or -1.
func orgCodeValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// CreditCheckChar computes the 18th character of a unified social credit
// code from the first 17, which must be in canonical form (upper case, from
// the GB 32100 alphabet, as NormalizeCreditCode returns them).
func CreditCheckChar(first17 string) (byte, error) {
	for i := 0; i < len(first17); i++ {
		if creditValue(first17[i]) < 0 {
			return 0, creditCharError(first17, i)
		}
	}
	if len(first17) != 17 {
		return 0, refuse(KindLength, "统一社会信用代码前17位应为17个字符，现为%d个", len(first17))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += creditValue(first17[i]) * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31], nil
}

// OrgCodeCheckChar computes the check character ('0'..'9' or 'X') of a
// GB 11714 organisation code from its eight body characters (digits or
// capital letters). In a credit code those are positions 9-16 and the check
// character is position 17.
func OrgCodeCheckChar(first8 string) (byte, error) {
	for i := 0; i < len(first8); i++ {
		if orgCodeValue(first8[i]) < 0 {
			// Earlier bytes are ASCII, so i starts a rune.
			return 0, refuse(KindChar, "含有非法字符“%c”", []rune(first8[i:])[0])
		}
	}
	if len(first8) != 8 {
		return 0, refuse(KindLength, "组织机构代码本体应为8个字符，现为%d个", len(first8))
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += orgCodeValue(first8[i]) * orgCodeWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X', nil
	case 11:
		return '0', nil
	default:
		return byte('0' + c), nil
	}
}

// NormalizeCreditCode normalises s (see the package doc) and checks it as a
// GB 32100-2015 unified social credit code: 18 characters from the
// standard's alphabet, a known registration authority and organisation type,
// six digits of region code, an organisation code whose own GB 11714 check
// character (position 17) matches, and the MOD 31 check character at 18.
// It returns the canonical code or an *Error.
func NormalizeCreditCode(s string) (string, error) {
	n := normalize(s)
	if n == "" {
		return "", refuse(KindEmpty, "统一社会信用代码为空")
	}
	for i := 0; i < len(n); i++ {
		if creditValue(n[i]) < 0 {
			return "", creditCharError(n, i)
		}
	}
	// From here on n is ASCII.
	if len(n) != 18 {
		return "", refuse(KindLength, "统一社会信用代码应为18位，现为%d位", len(n))
	}
	auth, ok := authorities[n[0]]
	if !ok {
		return "", refuse(KindCategory, "第1位登记管理部门代码“%c”无效", n[0])
	}
	if strings.IndexByte(auth.categories, n[1]) < 0 {
		return "", refuse(KindCategory, "第2位机构类别代码“%c”不属于登记管理部门“%s”", n[1], auth.name)
	}
	for i := 2; i < 8; i++ {
		if !isDigit(rune(n[i])) {
			return "", refuse(KindChar, "第3～8位登记管理机关行政区划码应为数字，第%d位为“%c”", i+1, n[i])
		}
	}
	// The organisation code's own check comes first: when it fails, the
	// error is somewhere in positions 9-17, which narrows the clerk's search.
	if want, _ := OrgCodeCheckChar(n[8:16]); n[16] != want {
		return "", refuse(KindCheck, "第9～17位组织机构代码校验错误（第17位应为%c）", want)
	}
	if want, _ := CreditCheckChar(n[:17]); n[17] != want {
		return "", refuse(KindCheck, "统一社会信用代码校验位错误（第18位应为%c）", want)
	}
	return n, nil
}

// MakeCreditCode appends the check character to prefix17, for the demo data
// generator and tests. prefix17 must be 17 characters of the GB 32100
// alphabet (digits and capitals without I, O, S, V, Z), else MakeCreditCode
// panics. For NormalizeCreditCode to accept the result prefix17 must also
// start with a known authority and organisation type (e.g. "91" enterprise,
// "81" grassroots union), have six digits at positions 3-8, and end with an
// organisation code: eight body characters followed by their
// OrgCodeCheckChar.
func MakeCreditCode(prefix17 string) string {
	c, err := CreditCheckChar(prefix17)
	if err != nil {
		panic(fmt.Sprintf("ident.MakeCreditCode(%q): %v", prefix17, err))
	}
	return prefix17 + string(c)
}

// MakeCompanyCode is the credit code of a company (authority 9, type 1)
// registered in district (six digits) with the organisation code body8
// (eight digits or capitals): the organisation check character and the
// code's own are computed. It panics on a body outside the alphabet, like
// MakeCreditCode: it is for the demo data and tests, which choose bodies.
func MakeCompanyCode(district, body8 string) string {
	c, err := OrgCodeCheckChar(body8)
	if err != nil {
		panic(fmt.Sprintf("ident.MakeCompanyCode(%q, %q): %v", district, body8, err))
	}
	return MakeCreditCode("91" + district + body8 + string(c))
}

// creditCharError explains why s[i] is not in the credit code alphabet; the
// bytes before i must be ASCII, so that i starts a rune.
func creditCharError(s string, i int) *Error {
	r := []rune(s[i:])[0]
	if strings.ContainsRune("IOSVZ", r) {
		return refuse(KindChar, "统一社会信用代码不使用字母I、O、S、V、Z（第%d位为“%c”）", len([]rune(s[:i]))+1, r)
	}
	return refuse(KindChar, "含有非法字符“%c”", r)
}
