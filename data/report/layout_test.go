package report

import (
	"testing"

	"duikou/data"
	"duikou/data/linebreak"
)

// monoWidth: Chinese characters 1 wide, everything else half.
var monoWidth = linebreak.Monospace

func width(s string) float64 { return linebreak.Width(s, monoWidth) }

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
