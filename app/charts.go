package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barChart draws counts as bars with canvas rectangles and text, so the
// home screen needs no chart library and uses the bundled font: columns
// (months along the bottom) or rows (a label, a bar, the number) for
// categories.
type barChart struct {
	widget.BaseWidget
	labels []string
	values []int64
	rows   bool // horizontal bars, one row per label
}

func newBarChart(rows bool) *barChart {
	c := &barChart{rows: rows}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces the data and redraws.
func (c *barChart) set(labels []string, values []int64) {
	c.labels, c.values = labels, values
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c}
	r.build()
	return r
}

type barRenderer struct {
	c     *barChart
	bars  []*canvas.Rectangle
	names []*canvas.Text
	nums  []*canvas.Text
	empty *canvas.Text
	objs  []fyne.CanvasObject
}

const (
	chartLabelWidth = 96 // the row chart's label column
	chartNumWidth   = 44 // room for the number after a row's bar
	chartRowHeight  = 24
)

func (r *barRenderer) build() {
	r.bars, r.names, r.nums, r.objs = nil, nil, nil, nil
	size := theme.TextSize() * 0.85
	fg := theme.Color(theme.ColorNameForeground)
	for i, l := range r.c.labels {
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		name := canvas.NewText(l, fg)
		name.TextSize = size
		var v int64
		if i < len(r.c.values) {
			v = r.c.values[i]
		}
		num := canvas.NewText(fmt.Sprint(v), fg)
		num.TextSize = size
		r.bars, r.names, r.nums = append(r.bars, bar), append(r.names, name), append(r.nums, num)
		r.objs = append(r.objs, bar, name, num)
	}
	r.empty = canvas.NewText("暂无数据", theme.Color(theme.ColorNamePlaceHolder))
	r.empty.TextSize = size
	if r.max() == 0 {
		// Nothing to draw: the notice alone, not rows of zeros under it.
		r.objs = []fyne.CanvasObject{r.empty}
		return
	}
	r.empty.Hidden = true
	r.objs = append(r.objs, r.empty)
}

func (r *barRenderer) max() int64 {
	var m int64
	for _, v := range r.c.values {
		m = max(m, v)
	}
	return m
}

func (r *barRenderer) Layout(size fyne.Size) {
	m := r.max()
	r.empty.Move(fyne.NewPos(4, 4))
	if m == 0 {
		m = 1
	}
	n := len(r.bars)
	if n == 0 {
		return
	}
	if r.c.rows {
		h := min(size.Height/float32(n), chartRowHeight)
		width := max(size.Width-chartLabelWidth-chartNumWidth, 1)
		for i := range r.bars {
			y := float32(i) * h
			r.names[i].Move(fyne.NewPos(0, y+(h-r.names[i].MinSize().Height)/2))
			w := width * float32(r.c.values[i]) / float32(m)
			r.bars[i].Move(fyne.NewPos(chartLabelWidth, y+h*0.15))
			r.bars[i].Resize(fyne.NewSize(w, h*0.7))
			r.nums[i].Move(fyne.NewPos(chartLabelWidth+w+4, y+(h-r.nums[i].MinSize().Height)/2))
		}
		return
	}
	textH := r.names[0].MinSize().Height
	slot := size.Width / float32(n)
	height := max(size.Height-2*textH-4, 1)
	for i := range r.bars {
		x := float32(i) * slot
		h := height * float32(r.c.values[i]) / float32(m)
		r.bars[i].Move(fyne.NewPos(x+slot*0.2, textH+height-h))
		r.bars[i].Resize(fyne.NewSize(slot*0.6, h))
		nw := r.nums[i].MinSize().Width
		r.nums[i].Move(fyne.NewPos(x+(slot-nw)/2, textH+height-h-textH))
		lw := r.names[i].MinSize().Width
		r.names[i].Move(fyne.NewPos(x+(slot-lw)/2, size.Height-textH))
	}
}

func (r *barRenderer) MinSize() fyne.Size {
	if r.c.rows {
		return fyne.NewSize(chartLabelWidth+chartNumWidth+80, float32(max(len(r.bars), 3))*chartRowHeight)
	}
	// Each column needs its label and some air: the widest label decides.
	var widest float32
	for _, n := range r.names {
		widest = max(widest, n.MinSize().Width)
	}
	return fyne.NewSize(float32(len(r.bars))*(widest+12), 180)
}

func (r *barRenderer) Refresh() {
	r.build()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barRenderer) Destroy()                     {}
