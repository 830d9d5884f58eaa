package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// On a wide window the columns share the extra room in proportion; on a
// narrow one they keep their widths and the table scrolls sideways.
func TestColumnsWidenOnAWideWindow(t *testing.T) {
	test.NewTempApp(t)
	base := []float32{100, 200, 100}
	chrome := theme.ScrollBarSize() + 3*theme.SeparatorThicknessSize()
	if got := stretchedWidths(base, 800+chrome); !slices.Equal(got, []float32{200, 400, 200}) {
		t.Errorf("800 pixels of room: %v", got)
	}
	if got := stretchedWidths(base, 300); !slices.Equal(got, base) {
		t.Errorf("300 pixels: %v", got)
	}
	if got := stretchedWidths(base, 500+chrome); !slices.Equal(got, []float32{125, 250, 125}) {
		t.Errorf("500 pixels of room: %v", got)
	}
}
