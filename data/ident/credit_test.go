package ident

import (
	"testing"
)

func TestNormalizeCreditCodeAcceptsRealCodes(t *testing.T) {
	for _, code := range []string{
		"91350100M000100Y43", // the example of GB 32100-2015
		"91110000600037341L", // python-stdnum's documented example
		"12440600MB2C07549J", // a public institution (事业单位) code
	} {
		got, err := NormalizeCreditCode(code)
		if err != nil || got != code {
			t.Errorf("NormalizeCreditCode(%q) = %q, %v", code, got, err)
		}
	}
}

func TestNormalizeCreditCodeNormalisesInput(t *testing.T) {
	for _, in := range []string{
		"91350100m000100y43",
		" 9135 0100 M000 100Y 43 ",
		"91-350100-M000100Y4-3",
		"９１３５０１００Ｍ０００１００Ｙ４３",
		"９１３５０１００ｍ０００１００ｙ４３",
		"91350100\u3000M000100Y43\u00a0",
	} {
		got, err := NormalizeCreditCode(in)
		if err != nil || got != "91350100M000100Y43" {
			t.Errorf("NormalizeCreditCode(%q) = %q, %v", in, got, err)
		}
	}
}

func TestNormalizeCreditCodeRefusals(t *testing.T) {
	cases := []refusal{
		{"", KindEmpty, "统一社会信用代码为空"},
		{"91350100MOOO100Y43", KindChar, "统一社会信用代码不使用字母I、O、S、V、Z（第10位为“O”）"},
		{"91350100M000100Y4I", KindChar, "统一社会信用代码不使用字母I、O、S、V、Z（第18位为“I”）"},
		{"９１３５０１００Ｍ０００１００Ｓ４３", KindChar, "统一社会信用代码不使用字母I、O、S、V、Z（第16位为“S”）"},
		{"代码91350100M000100Y43", KindChar, "含有非法字符“代”"},
		{"91350100M000100Y4", KindLength, "统一社会信用代码应为18位，现为17位"},
		{"91350100M000100Y433", KindLength, "统一社会信用代码应为18位，现为19位"},
		{MakeCreditCode("B1350100M000100Y4"), KindCategory, "第1位登记管理部门代码“B”无效"},
		{MakeCreditCode("94350100M000100Y4"), KindCategory, "第2位机构类别代码“4”不属于登记管理部门“工商（市场监管）”"},
		{MakeCreditCode("9135A100M000100Y4"), KindChar, "第3～8位登记管理机关行政区划码应为数字，第5位为“A”"},
		// Only the organisation code's own check character is wrong.
		{MakeCreditCode("91350100M000100Y5"), KindCheck, "第9～17位组织机构代码校验错误（第17位应为4）"},
		{"91350100M000100Y44", KindCheck, "统一社会信用代码校验位错误（第18位应为3）"},
	}
	checkRefusals(t, "NormalizeCreditCode", NormalizeCreditCode, cases)
}

func TestCreditCheckChar(t *testing.T) {
	got, err := CreditCheckChar("91350100M000100Y4")
	if err != nil || got != '3' {
		t.Errorf("CreditCheckChar(standard example) = %q, %v; want '3'", got, err)
	}
	// A body whose weighted sum is a multiple of 31 takes check character 0,
	// not the out-of-range value 31.
	if got, err := CreditCheckChar("00000000000000000"); err != nil || got != '0' {
		t.Errorf("CreditCheckChar(zeros) = %q, %v; want '0'", got, err)
	}
	for in, reason := range map[string]string{
		"91350100M000100Y":  "统一社会信用代码前17位应为17个字符，现为16个",
		"91350100M000100O4": "统一社会信用代码不使用字母I、O、S、V、Z（第16位为“O”）",
		"91350100m000100Y4": "含有非法字符“m”",
		"9135010０M000100Y4": "含有非法字符“０”",
	} {
		if _, err := CreditCheckChar(in); err == nil || err.Error() != reason {
			t.Errorf("CreditCheckChar(%q) error = %v, want %q", in, err, reason)
		}
	}
}

func TestOrgCodeCheckChar(t *testing.T) {
	cases := map[string]byte{
		"M000100Y": '4', // from the GB 32100 example
		"60003734": '1',
		"71526726": 'X', // weighted sum ≡ 1 (mod 11): check value 10
		"00000000": '0', // sum ≡ 0: check value 11 is written 0
	}
	for in, want := range cases {
		if got, err := OrgCodeCheckChar(in); err != nil || got != want {
			t.Errorf("OrgCodeCheckChar(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"M000100", "m000100Y", "M000100-"} {
		if _, err := OrgCodeCheckChar(in); err == nil {
			t.Errorf("OrgCodeCheckChar(%q) accepted", in)
		}
	}
}

func TestMakeCreditCode(t *testing.T) {
	if got := MakeCreditCode("91350100M000100Y4"); got != "91350100M000100Y43" {
		t.Errorf("MakeCreditCode = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MakeCreditCode with a letter O did not panic")
		}
	}()
	MakeCreditCode("91350100MO00100Y4")
}

func TestMakeCompanyCode(t *testing.T) {
	// The GB 32100 example: a company (91) of 350100 whose organisation
	// code is M000100Y with check character 4; the code's own check is 3.
	if got := MakeCompanyCode("350100", "M000100Y"); got != "91350100M000100Y43" {
		t.Errorf("MakeCompanyCode = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MakeCompanyCode with a lower-case body did not panic")
		}
	}()
	MakeCompanyCode("350100", "m000100Y")
}
