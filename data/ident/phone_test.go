package ident

import (
	"errors"
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

func TestNormalizePhoneRefusals(t *testing.T) {
	cases := []struct {
		in     string
		kind   Kind
		reason string
	}{
		{"", KindEmpty, "手机号为空"},
		{"+86", KindEmpty, "手机号为空"},
		{"1381234567", KindLength, "手机号应为11位，现为10位"},
		{"138123456789", KindLength, "手机号应为11位，现为12位"},
		{"138l2345678", KindChar, "含有非法字符“L”"},
		{"138１２３４５６７８转8", KindChar, "含有非法字符“转”"},
		{"13812345678+1", KindChar, "含有非法字符“+”"},
		{"0931-8123456", KindPrefix, "手机号应以1开头，“0”开头的是固定电话号码"},
		{"23812345678", KindPrefix, "手机号应以1开头，现为“2”"},
		{"12812345678", KindPrefix, "手机号第2位应为3～9，现为“2”"},
		{"+86 12812345678", KindPrefix, "手机号第2位应为3～9，现为“2”"},
	}
	for _, c := range cases {
		got, err := NormalizePhone(c.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("NormalizePhone(%q) = %q, %v; want *Error %q", c.in, got, err, c.reason)
			continue
		}
		if e.Reason != c.reason || e.Kind != c.kind || got != "" {
			t.Errorf("NormalizePhone(%q) = %q, {%d %q}; want {%d %q}", c.in, got, e.Kind, e.Reason, c.kind, c.reason)
		}
	}
}
