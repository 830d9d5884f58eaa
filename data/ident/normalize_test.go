package ident

import "testing"

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"":                      "",
		" abc ":                 "ABC",
		"１２３ａｂｃＸｘ":              "123ABCXX",
		"1\u30002\u00a03\t4\n5": "12345",
		"1-2－3—4–5‐6−7":         "1234567",
		"\ufeff1\u200b2":        "12",
		"＋86（0）":                "+86(0)",
		"身份证":                   "身份证",
		"\u00e9":                "\u00e9", // only ASCII letters change case
	}
	checkEach(t, "normalize", normalize, cases)
}
