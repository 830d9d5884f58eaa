package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// setColumnWidths sets the columns' widths as they are on a 1,000-pixel
// window; on a wider window Resize shares the extra room among them in
// proportion, so a 1,920-pixel screen shows whole addresses and names
// instead of the same cut columns beside empty space.
func (t *keyTable) setColumnWidths(widths []float32) {
	t.base = widths
	t.stretchTo(t.Size().Width)
}

// Resize lays the table out at size, its columns stretched to the width.
func (t *keyTable) Resize(size fyne.Size) {
	t.stretchTo(size.Width)
	t.Table.Resize(size)
}

func (t *keyTable) stretchTo(width float32) {
	for i, w := range stretchedWidths(t.base, width) {
		t.SetColumnWidth(i, w)
	}
}

// stretchedWidths are base widened in proportion to fill width (less the
// scroll bar and the lines between columns); never narrower than base.
func stretchedWidths(base []float32, width float32) []float32 {
	var sum float32
	for _, w := range base {
		sum += w
	}
	room := width - theme.ScrollBarSize() - float32(len(base))*theme.SeparatorThicknessSize()
	out := make([]float32, len(base))
	factor := float32(1)
	if sum > 0 && room > sum {
		factor = room / sum
	}
	for i, w := range base {
		out[i] = float32(int(w * factor)) // whole pixels: no blurred column lines
	}
	return out
}
