package report

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"duikou/data"
)

// monoWidth: Chinese characters 1 wide, everything else half.
func monoWidth(r rune) float64 {
	if r < utf8.RuneSelf {
		return 0.5
	}
	return 1
}

func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += monoWidth(r)
	}
	return w
}

func TestWrapLosesNothingAndKeepsWithinWidth(t *testing.T) {
	pieces := []rune("甘肃省兰州市榆中县城关镇兴隆村阿依古丽·买买提（第二分厂）。，、；：！？“”《》abc 123-\n")
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 3000; i++ {
		n := rng.Intn(60)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteRune(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		w := 1 + float64(rng.Intn(12))
		lines := wrap(text, w, monoWidth)
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(text, "\n", ""); got != want {
			t.Fatalf("wrap(%q, %v) = %q: characters lost or changed", text, w, lines)
		}
		for _, l := range lines {
			// A line passes the width by at most one character (a mark
			// hanging or moved down with its neighbour), unless it is
			// that short anyway.
			if width(l) > w+1 && utf8.RuneCountInString(l) > 2 {
				t.Fatalf("wrap(%q, %v): line %q is %v wide", text, w, l, width(l))
			}
		}
	}
}

func TestWrapCases(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"甘肃省兰州市榆中县", 4, []string{"甘肃省兰", "州市榆中", "县"}},
		{"家政服务员（四级）", 8, []string{"家政服务员（四", "级）"}},       // ） does not start a line
		{"家政服务员（四级）", 5, []string{"家政服务员", "（四级）"}},       // （ does not end a line
		{"好，工资按月", 1, []string{"好，", "工", "资", "按", "月"}}, // a one-character line keeps its mark
		{"第一行\n第二行", 10, []string{"第一行", "第二行"}},
		{"", 5, []string{""}},
		{"宽", 0.5, []string{"宽"}}, // wider than the column: a line of its own, not lost
	}
	for _, c := range cases {
		got := wrap(c.text, c.width, monoWidth)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestLayoutColumnsFillsTheWidth(t *testing.T) {
	cols := []column{{header: "序号", fit: "999"}, {header: "姓名", weight: 1}, {header: "身份证号", fit: "620123199003141234"}, {header: "备注", weight: 3}}
	layoutColumns(cols, 100, 1, width, width)
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	if total < 99.99 || total > 100.01 {
		t.Fatalf("columns add up to %v", total)
	}
	if cols[2].width < width("620123199003141234")+2 || cols[3].width != 3*cols[1].width {
		t.Fatalf("widths %+v", cols)
	}
}

func TestYuanText(t *testing.T) {
	for fen, want := range map[data.Fen]string{0: "0", data.Yuan(500): "500", data.Yuan(20500): "20,500",
		123456: "1,234.56", data.Yuan(1234567): "1,234,567", -data.Yuan(1500): "-1,500"} {
		if got := yuanText(fen); got != want {
			t.Errorf("yuanText(%d) = %q, want %q", fen, got, want)
		}
	}
}
