package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"duikou/data/linebreak"
)

// Whatever its width, a wrapped label starts no line with closing
// punctuation and ends none with an opening one, loses no character, and
// keeps each line within its width (so Fyne adds no break of its own).
func TestWrapLabelBreaksChineseAsPrintDoes(t *testing.T) {
	test.NewTempApp(t)
	text := "技能：家政服务员（四级）、育婴员（三级）、养老护理员（五级），意向地区：江苏省南京市、苏州市；“可立即到岗”。"
	l := wrapLabel(text)
	w := runeWidths(theme.TextSize(), fyne.TextStyle{})
	for width := float32(80); width <= 520; width += 3 {
		l.Resize(fyne.NewSize(width, 200))
		lines := strings.Split(l.Text, "\n")
		if strings.Join(lines, "") != text {
			t.Fatalf("width %v: text changed: %q", width, l.Text)
		}
		avail := float64(width) - 2*float64(theme.InnerPadding()) - 2
		for i, line := range lines {
			r := []rune(line)
			if i > 0 && strings.ContainsRune(linebreak.NoLineStart, r[0]) {
				t.Fatalf("width %v: line %d starts with %q: %q", width, i, r[0], lines)
			}
			if i < len(lines)-1 && strings.ContainsRune(linebreak.NoLineEnd, r[len(r)-1]) {
				t.Fatalf("width %v: line %d ends with %q: %q", width, i, r[len(r)-1], lines)
			}
			lw := 0.0
			for _, c := range strings.TrimRight(line, linebreak.NoLineStart) {
				lw += w(c)
			}
			if lw > avail && len(r) > 1 {
				t.Fatalf("width %v: line %q is %v wide, room %v", width, line, lw, avail)
			}
		}
	}
	l.SetText("已导出")
	if l.Text != "已导出" || l.source != "已导出" {
		t.Fatalf("SetText: %q", l.Text)
	}
}
