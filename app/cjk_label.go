package app

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/linebreak"
)

// cjkLabel is a wrapped label that breaks Chinese text as the printed
// lists do (data/linebreak): Fyne breaks text without spaces anywhere, so
// a line could start with ） or ，. The label lays its text out for its
// own width with explicit line breaks and keeps Fyne's word wrapping as a
// safety net (its lines already fit, so Fyne adds no break of its own).
type cjkLabel struct {
	widget.Label
	source string  // the text as given, without the inserted breaks
	width  float32 // the width the text was laid out for
}

// wrapLabel is a wrapped label with Chinese line breaking.
func wrapLabel(text string) *cjkLabel {
	l := &cjkLabel{source: text}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// SetText replaces the text and lays it out for the current width.
func (l *cjkLabel) SetText(text string) {
	l.source = text
	l.Text = l.layout()
	l.Refresh()
}

// Resize lays the text out again when the width changes.
func (l *cjkLabel) Resize(size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		if text := l.layout(); text != l.Text {
			l.Text = text
			l.Label.Refresh()
		}
	}
	l.Label.Resize(size)
}

// layout is the source text with line breaks for the label's width.
func (l *cjkLabel) layout() string {
	// A little slack for the padding's rounding and kerning: a line a
	// pixel too wide would be broken again by Fyne, anywhere.
	avail := l.width - 2*theme.InnerPadding() - 2
	if avail <= 0 {
		return l.source
	}
	size := theme.TextSize()
	if l.SizeName != "" {
		size = theme.Size(l.SizeName)
	}
	w := runeWidths(size, l.TextStyle)
	return strings.Join(linebreak.Wrap(l.source, float64(avail), w), "\n")
}

// runeWidths measures one character at a time, remembering the answers
// per size and style (a label is laid out again on every resize).
func runeWidths(size float32, style fyne.TextStyle) func(rune) float64 {
	key := widthKey{size, style}
	widthCache.Lock()
	m := widthCache.m[key]
	if m == nil {
		m = map[rune]float64{}
		widthCache.m[key] = m
	}
	widthCache.Unlock()
	return func(r rune) float64 {
		widthCache.Lock()
		defer widthCache.Unlock()
		w, ok := m[r]
		if !ok {
			w = float64(fyne.MeasureText(string(r), size, style).Width)
			m[r] = w
		}
		return w
	}
}

type widthKey struct {
	size  float32
	style fyne.TextStyle
}

var widthCache = struct {
	sync.Mutex
	m map[widthKey]map[rune]float64
}{m: map[widthKey]map[rune]float64{}}
