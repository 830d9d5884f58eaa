package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowGridLayout is a grid of equal columns with as many columns as the
// widest child allows at the current width (never more than there are
// children, and the rows evenly filled): seven cards in a row on a wide
// screen, four and three on a 1,024-pixel one, each cell stretched to
// share the row.
//
// Like flowLayout, its minimum width is one cell, and a change in the
// number of rows lays the window out again. Given more height than its
// rows need, it shares it among them.
type flowGridLayout struct {
	owner *fyne.Container
	width float32
}

// newFlowGrid is a container whose children share rows of equal columns.
func newFlowGrid(objects ...fyne.CanvasObject) *fyne.Container {
	l := &flowGridLayout{}
	l.owner = &fyne.Container{Layout: l, Objects: objects}
	return l.owner
}

func visibleObjects(objects []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objects {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// columns is how many cells of the widest child fit width.
func (l *flowGridLayout) columns(objects []fyne.CanvasObject, width float32) (cols int, cell float32) {
	for _, o := range objects {
		cell = fyne.Max(cell, o.MinSize().Width)
	}
	if width == 0 {
		return len(objects), cell // before the first layout: one row
	}
	pad := theme.Padding()
	cols = max(1, min(int((width+pad)/(cell+pad)), len(objects)))
	// As few rows as that, evenly filled: seven cards go four and three,
	// not six and one.
	rows := (len(objects) + cols - 1) / cols
	return (len(objects) + rows - 1) / rows, cell
}

// rowHeights are the tallest minimum heights of each row.
func rowHeights(objects []fyne.CanvasObject, cols int) []float32 {
	var hs []float32
	for i, o := range objects {
		if i%cols == 0 {
			hs = append(hs, 0)
		}
		hs[len(hs)-1] = fyne.Max(hs[len(hs)-1], o.MinSize().Height)
	}
	return hs
}

func sumWithPadding(hs []float32) float32 {
	var total float32
	for i, h := range hs {
		if i > 0 {
			total += theme.Padding()
		}
		total += h
	}
	return total
}

func (l *flowGridLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	vis := visibleObjects(objects)
	if len(vis) == 0 {
		return fyne.Size{}
	}
	cols, cell := l.columns(vis, l.width)
	return fyne.NewSize(cell, sumWithPadding(rowHeights(vis, cols)))
}

func (l *flowGridLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	vis := visibleObjects(objects)
	if len(vis) == 0 || size.Width <= 0 {
		return // nothing to show, or not on screen yet
	}
	before := l.MinSize(objects).Height
	l.width = size.Width
	cols, _ := l.columns(vis, size.Width)
	pad := theme.Padding()
	cellW := (size.Width - pad*float32(cols-1)) / float32(cols)
	hs := rowHeights(vis, cols)
	needed := sumWithPadding(hs)
	// Height to spare (a tall window) is shared among the rows, so the
	// home screen's charts grow instead of leaving the bottom empty.
	if spare := size.Height - needed; spare > 0 {
		for i := range hs {
			hs[i] += spare / float32(len(hs))
		}
	}
	var y float32
	for i, o := range vis {
		row, col := i/cols, i%cols
		if col == 0 && row > 0 {
			y += hs[row-1] + pad
		}
		o.Move(fyne.NewPos(float32(col)*(cellW+pad), y))
		o.Resize(fyne.NewSize(cellW, hs[row]))
	}
	if needed != before {
		relayoutWindowOf(l.owner)
	}
}
