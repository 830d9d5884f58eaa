package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout lays its children out left to right at their own minimum
// sizes and starts a new line when the next one would pass the right-hand
// edge: a toolbar that wraps on a 1,024-pixel screen instead of its
// buttons covering each other, and keeps to one line on a wide screen.
//
// Its minimum width is only its widest child, so it never makes the
// window wider; its height is that of the lines it needed at the width it
// was last given. When that number of lines changes, the window is laid
// out again so that what sits below moves down (Fyne asks for minimum
// sizes before it lays out, so the first pass used the old height).
type flowLayout struct {
	owner *fyne.Container
	width float32 // the width of the last layout, 0 before the first
}

// newFlow is a container whose children wrap as words do in a line.
func newFlow(objects ...fyne.CanvasObject) *fyne.Container {
	l := &flowLayout{}
	l.owner = &fyne.Container{Layout: l, Objects: objects}
	return l.owner
}

// flowLines splits the visible objects into lines that fit width; each
// line holds the objects' indices.
func flowLines(objects []fyne.CanvasObject, width float32) [][]int {
	pad := theme.Padding()
	var lines [][]int
	var x float32
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(lines) == 0 || (x > 0 && x+w > width) {
			lines = append(lines, nil)
			x = 0
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], i)
		x += w + pad
	}
	return lines
}

// lineHeight is the tallest minimum height in one line.
func lineHeight(objects []fyne.CanvasObject, line []int) float32 {
	var h float32
	for _, i := range line {
		h = fyne.Max(h, objects[i].MinSize().Height)
	}
	return h
}

func (l *flowLayout) linesHeight(objects []fyne.CanvasObject, lines [][]int) float32 {
	var h float32
	for i, line := range lines {
		if i > 0 {
			h += theme.Padding()
		}
		h += lineHeight(objects, line)
	}
	return h
}

// MinSize is the widest child across and, down, the lines needed at the
// last width (one line before the first layout).
func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var widest float32
	for _, o := range objects {
		if o.Visible() {
			widest = fyne.Max(widest, o.MinSize().Width)
		}
	}
	width := l.width
	if width == 0 {
		width = float32(1 << 20)
	}
	return fyne.NewSize(widest, l.linesHeight(objects, flowLines(objects, width)))
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width <= 0 {
		return // not on screen (a hidden tab): nothing to fit yet
	}
	before := l.MinSize(objects).Height
	l.width = size.Width
	lines := flowLines(objects, size.Width)
	pad := theme.Padding()
	var y float32
	for _, line := range lines {
		h := lineHeight(objects, line)
		var x float32
		for _, i := range line {
			o := objects[i]
			min := o.MinSize()
			o.Resize(fyne.NewSize(fyne.Min(min.Width, size.Width), h))
			o.Move(fyne.NewPos(x, y))
			x += min.Width + pad
		}
		y += h + pad
	}
	if l.linesHeight(objects, lines) != before {
		relayoutWindowOf(l.owner)
	}
}

// relayingOut is set while relayoutWindowOf lays a window out: a layout
// it sets off does not set off another (layouts run on the UI thread).
var relayingOut bool

// relayoutWindowOf lays the window that shows o out again, after o's
// minimum height changed during a layout.
func relayoutWindowOf(o fyne.CanvasObject) {
	if relayingOut {
		return
	}
	relayingOut = true
	defer func() { relayingOut = false }()
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil || c.Content() == nil {
		return
	}
	if content, ok := c.Content().(*fyne.Container); ok {
		content.Refresh()
	}
}
