package ident

import (
	"testing"
)

func TestNormalizePhoneAccepts(t *testing.T) {
	for _, in := range []string{
		"13812345678",
		" 138 1234 5678 ",
		"138-1234-5678",
		"１３８１２３４５６７８",
		"+86 138 1234 5678",
		"＋８６１３８１２３４５６７８",
		"(+86)13812345678",
		"8613812345678",
		"0086 13812345678",
		"138\u30001234\u00a05678",
	} {
		got, err := NormalizePhone(in)
		if err != nil || got != "13812345678" {
			t.Errorf("NormalizePhone(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"13012345678", "19912345678", "16612345678"} {
		if got, err := NormalizePhone(in); err != nil || got != in {
			t.Errorf("NormalizePhone(%q) = %q, %v", in, got, err)
		}
	}
}

// A fixed line with its area code is a 联系电话 too: 010 and 02x have
// three-digit area codes, the rest four.
func TestNormalizePhoneAcceptsLandlines(t *testing.T) {
	for in, want := range map[string]string{
		"0931-8123456":  "0931-8123456",
		"09318123456":   "0931-8123456",
		"(0931)8123456": "0931-8123456",
		"０９３１－８１２３４５６":  "0931-8123456",
		"025-83123456":  "025-83123456",
		"02583123456":   "025-83123456",
		"010 6512 3456": "010-65123456",
		"0755-2345678":  "0755-2345678",
	} {
		if got, err := NormalizePhone(in); err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestNormalizePhoneRefusals(t *testing.T) {
	cases := []refusal{
		{"", KindEmpty, "电话号码为空"},
		{"+86", KindEmpty, "电话号码为空"},
		{"1381234567", KindLength, "手机号应为11位，现为10位（固定电话请带区号，如 0931-8123456）"},
		{"138123456789", KindLength, "手机号应为11位，现为12位（固定电话请带区号，如 0931-8123456）"},
		{"138l2345678", KindChar, "含有非法字符“L”"},
		{"138１２３４５６７８转8", KindChar, "含有非法字符“转”"},
		{"13812345678+1", KindChar, "含有非法字符“+”"},
		{"0931-812345", KindLength, "固定电话应为区号加7～8位号码，如 0931-8123456；手机号应以1开头"},
		{"0931-0123456", KindLength, "固定电话应为区号加7～8位号码，如 0931-8123456；手机号应以1开头"},
		{"025-831234567", KindLength, "固定电话应为区号加7～8位号码，如 0931-8123456；手机号应以1开头"},
		{"23812345678", KindPrefix, "手机号应以1开头，现为“2”；固定电话请带区号，如 0931-8123456"},
		{"12812345678", KindPrefix, "手机号第2位应为3～9，现为“2”"},
		{"+86 12812345678", KindPrefix, "手机号第2位应为3～9，现为“2”"},
	}
	checkRefusals(t, "NormalizePhone", NormalizePhone, cases)
}
