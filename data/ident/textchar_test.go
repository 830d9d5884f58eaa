package ident

import (
	"strings"
	"testing"
)

func TestBadTextChar(t *testing.T) {
	cases := []struct {
		s         string
		multiline bool
		pos       int
		desc      string // a part of it; "" when the text is clean
	}{
		{"王秀兰", false, 0, ""},
		{"阿依古丽·买买提", false, 0, ""},
		{"城关镇兴隆村3社 12号", false, 0, ""},
		{"王\x00秀兰", false, 1, "U+0000（空字符）"},
		{"张丽\u202e", false, 2, "U+202E（从右向左覆盖）"},
		{"张\u202a丽", false, 1, "U+202A（从左向右嵌入）"},
		{"\u2066张丽\u2069", false, 0, "U+2066（从左向右隔离）"},
		{"张丽\u200f", false, 2, "U+200F（从右向左标记）"},
		{"a\u061cb", false, 1, "U+061C（阿拉伯字母标记）"},
		{"王\t秀兰", false, 1, "U+0009（制表符）"},
		{"第一行\n第二行", false, 3, "U+000A（换行符）"},
		{"第一行\n第二行\t缩进", true, 0, ""},
		{"第一行\r\n第二行", true, 0, ""},
		{"第一行\r第二行", true, 3, "U+000D（回车符）"},
		{"第一行\r", true, 3, "U+000D（回车符）"},
		{"备注\x00", true, 2, "U+0000（空字符）"},
		{"备注\u202e", true, 2, "U+202E"},
		{"x\x7f", false, 1, "U+007F（删除符）"},
		{"x\u0085", false, 1, "U+0085（控制符）"},
		{"x\x1b[31m", false, 1, "U+001B（转义符）"},
		{"a\u2028b", false, 1, "U+2028"},
		{"a\u2028b", true, 0, ""},
		{"好\xff", false, 1, "编码错误"},
		{"", false, 0, ""},
	}
	for _, c := range cases {
		pos, desc, ok := BadTextChar(c.s, c.multiline)
		if c.desc == "" {
			if !ok || pos != 0 || desc != "" {
				t.Errorf("BadTextChar(%q, %v) = %d, %q, %v; want clean", c.s, c.multiline, pos, desc, ok)
			}
			continue
		}
		if ok || pos != c.pos || !strings.Contains(desc, c.desc) {
			t.Errorf("BadTextChar(%q, %v) = %d, %q, %v; want %d, …%s…", c.s, c.multiline, pos, desc, ok, c.pos, c.desc)
		}
	}
}

func TestTextCharReason(t *testing.T) {
	if got := TextCharReason("王\x00秀兰", false); got != "第2个字符是看不见的控制字符 U+0000（空字符），请删除后重新输入" {
		t.Fatal(got)
	}
	if got := TextCharReason("张丽\u202e", false); !strings.HasPrefix(got, "第3个字符是看不见的文字方向控制符 U+202E（从右向左覆盖）") {
		t.Fatal(got)
	}
	if got := TextCharReason("张丽", false); got != "" {
		t.Fatal(got)
	}
}

func FuzzBadTextChar(f *testing.F) {
	f.Add("王\x00秀兰", false)
	f.Add("第一行\r\n第二行", true)
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		pos, desc, ok := BadTextChar(s, multiline)
		if ok != (desc == "") || pos < 0 || pos > len([]rune(s)) {
			t.Fatalf("%q: %d %q %v", s, pos, desc, ok)
		}
		if multiline {
			// A text clean on one line is clean in a notes field too.
			if _, _, one := BadTextChar(s, false); one && !ok {
				t.Fatalf("%q clean on one line, not in notes", s)
			}
		}
	})
}
