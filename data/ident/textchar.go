package ident

import (
	"fmt"
	"unicode/utf8"
)

// BadTextChar finds the first character a text field must not hold:
//
//   - a control character (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F):
//     invisible, it makes two equal-looking names differ, and a NUL cuts
//     the text short in other programs. With multiline set (a notes field)
//     a line break \n, a \r\n pair and a tab \t are allowed; a single-line
//     field (a name, an address) allows none of them;
//   - a bidirectional formatting character (U+202A–U+202E embeddings and
//     overrides, U+2066–U+2069 isolates, the marks U+200E, U+200F, U+061C),
//     which make text display in another order than it is stored (a name
//     that reads as one thing and sorts, searches and prints as another);
//   - in a single-line field, the Unicode line and paragraph separators
//     U+2028 and U+2029;
//   - bytes that are not UTF-8.
//
// pos is the character's index counted in characters (runes) from 0, desc
// a Chinese description such as "控制字符 U+0000（空字符）"; ok is true when
// s holds none of them, and then pos and desc are zero.
func BadTextChar(s string, multiline bool) (pos int, desc string, ok bool) {
	n := 0
	for i := 0; i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return n, "无法识别的字符（编码错误）", false
		}
		if d := charProblem(r, multiline); d != "" {
			if r == '\r' && multiline && i+1 < len(s) && s[i+1] == '\n' {
				i += size // a Windows line end in a notes field
				continue
			}
			return n, d, false
		}
		i += size
	}
	return 0, "", true
}

// TextCharReason is BadTextChar as a sentence for the clerk, or "" when s
// is clean: "第3个字符是看不见的控制字符 U+0000（空字符），请删除后重新输入".
func TextCharReason(s string, multiline bool) string {
	pos, desc, ok := BadTextChar(s, multiline)
	if ok {
		return ""
	}
	return fmt.Sprintf("第%d个字符是看不见的%s，请删除后重新输入", pos+1, desc)
}

// charProblem describes r when a field may not hold it, else "".
func charProblem(r rune, multiline bool) string {
	switch {
	case r == '\n' || r == '\t':
		if multiline {
			return ""
		}
		return controlName(r)
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return controlName(r)
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return fmt.Sprintf("文字方向控制符 U+%04X（%s），它会让文字显示的顺序与实际不同", r, bidiNames[r])
	case (r == 0x2028 || r == 0x2029) && !multiline:
		return fmt.Sprintf("分隔符 U+%04X（%s）", r, map[rune]string{0x2028: "换行", 0x2029: "分段"}[r])
	}
	return ""
}

func controlName(r rune) string {
	name := map[rune]string{0: "空字符", '\t': "制表符", '\n': "换行符", '\r': "回车符", 0x1b: "转义符", 0x7f: "删除符"}[r]
	if name == "" {
		name = "控制符"
	}
	return fmt.Sprintf("控制字符 U+%04X（%s）", r, name)
}

var bidiNames = map[rune]string{
	0x202a: "从左向右嵌入", 0x202b: "从右向左嵌入", 0x202c: "结束方向格式", 0x202d: "从左向右覆盖", 0x202e: "从右向左覆盖",
	0x2066: "从左向右隔离", 0x2067: "从右向左隔离", 0x2068: "首字符方向隔离", 0x2069: "结束方向隔离",
	0x200e: "从左向右标记", 0x200f: "从右向左标记", 0x061c: "阿拉伯字母标记",
}
