package linebreak

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// monoWidth: Chinese characters 1 wide, everything else half.
var monoWidth = Monospace

func width(s string) float64 { return Width(s, monoWidth) }

// Whatever the text and width, nothing is lost, no line but the first
// starts with a closing mark unless the mark could not move (a run of
// marks longer than maxCarry), no line ends with an opening mark when it
// could be avoided, and a line is too wide only by its hanging marks.
func TestWrapLosesNothingAndBreaksOnlyWhereAllowed(t *testing.T) {
	pieces := []rune("甘肃省兰州市榆中县城关镇兴隆村阿依古丽·买买提（第二分厂）。，、；：！？“”《》abc 123-\n")
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 5000; i++ {
		n := rng.Intn(60)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteRune(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		w := 2 + float64(rng.Intn(12))
		lines := Wrap(text, w, monoWidth)
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(text, "\n", ""); got != want {
			t.Fatalf("Wrap(%q, %v) = %q: characters lost or changed", text, w, lines)
		}
		for _, l := range lines {
			body := strings.TrimRight(l, NoLineStart)
			if width(body) > w && utf8.RuneCountInString(body) > 1 {
				t.Fatalf("Wrap(%q, %v): line %q is %v wide", text, w, l, width(l))
			}
		}
		paras := strings.Split(text, "\n")
		for k := 1; k < len(lines); k++ {
			prev, cur := []rune(lines[k-1]), []rune(lines[k])
			if len(prev) == 0 || len(cur) == 0 || isParaStart(paras, lines, k) {
				continue
			}
			if !CanBreak(prev[len(prev)-1], cur[0]) && !markRun(prev) {
				t.Fatalf("Wrap(%q, %v) = %q: line %d %q follows %q", text, w, lines, k, lines[k], lines[k-1])
			}
		}
	}
}

// isParaStart reports whether line k starts a paragraph (an explicit line
// break, where any character may begin).
func isParaStart(paras, lines []string, k int) bool {
	joined := ""
	for _, l := range lines[:k] {
		joined += l
	}
	n := 0
	for _, p := range paras {
		if n == len([]rune(joined)) {
			return true
		}
		n += len([]rune(p))
		if n > len([]rune(joined)) {
			return false
		}
	}
	return false
}

// markRun reports whether the last maxCarry+1 characters of a line are all
// marks (or the line is that short): no allowed break existed nearby.
func markRun(line []rune) bool {
	if len(line) <= maxCarry+1 {
		return true
	}
	for _, r := range line[len(line)-maxCarry-1:] {
		if CanBreak('字', r) && !strings.ContainsRune(NoLineEnd, r) {
			return false
		}
	}
	return true
}

func TestWrapCases(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"甘肃省兰州市榆中县", 4, []string{"甘肃省兰", "州市榆中", "县"}},
		{"家政服务员（四级）", 8, []string{"家政服务员（四", "级）"}}, // ） does not start a line
		{"家政服务员（四级）", 5, []string{"家政服务员", "（四级）"}}, // （ does not end a line
		{"家政服务员（四级）、育婴员", 7, []string{"家政服务员（四", "级）、育婴员"}},
		// The break falls at 、 after ）: both move down with 级 (moving only
		// 、's neighbour would start the line with ）, as the roster did).
		{"育婴员（四级）、家政服务员（三级）", 7, []string{"育婴员（四", "级）、家政服务", "员（三级）"}},
		{"好，工资按月", 1, []string{"好，", "工", "资", "按", "月"}}, // a one-character line keeps its mark
		{"第一行\n第二行", 10, []string{"第一行", "第二行"}},
		{"", 5, []string{""}},
		{"宽", 0.5, []string{"宽"}}, // wider than the column: a line of its own, not lost
	}
	for _, c := range cases {
		got := Wrap(c.text, c.width, monoWidth)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
