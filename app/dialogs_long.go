package app

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showText shows a message in a dialog with one 确定 button. The text
// wraps and, when long (a file's problems, a path), scrolls in a larger
// dialog, so nothing is cut off.
func (g *GUI) showText(title, text string) {
	g.showTextWith(title, text, nil)
}

// showTextWith is showText with extra buttons beside 确定 (打开文件 ...).
func (g *GUI) showTextWith(title, text string, extra []*widget.Button) dialog.Dialog {
	// Chinese has no spaces to wrap at: break between any characters (a
	// long path must break too) but not before ）or ，(cjk_label.go).
	msg := wrapLabel(text)
	size := fyne.NewSize(440, 110)
	if utf8.RuneCountInString(text) > 120 || countLines(text) > 4 {
		size = g.dialogSize(680, 380)
	}
	body := container.NewGridWrap(size, container.NewVScroll(msg))
	var d dialog.Dialog
	ok := widget.NewButton("确定", func() { d.Hide() })
	ok.Importance = widget.HighImportance
	buttons := container.NewHBox()
	for _, b := range extra {
		b := b
		tapped := b.OnTapped
		b.OnTapped = func() { d.Hide(); tapped() }
		buttons.Add(b)
	}
	buttons.Add(ok)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewCenter(buttons), nil, nil, body), g.win)
	d.Show()
	return d
}

func countLines(s string) int {
	n := 1
	for _, r := range s {
		if r == '\n' {
			n++
		}
	}
	return n
}

// progressDialog shows a long job: what it does, how far it has got (rows
// done, and a bar once the share done is known) and a 取消 button that
// cancels the job's context. There is no moving "busy" bar: its animation
// repaints the window sixty times a second, which without a graphics card
// takes a core from the job, and Fyne keeps it running after the dialog
// has gone.
type progressDialog struct {
	d      dialog.Dialog
	label  *widget.Label
	bar    *widget.ProgressBar
	cancel context.CancelFunc
}

// newProgress shows the dialog; ctx is cancelled by 取消 (nil cancel: no
// button, for a job that cannot stop half way).
func (g *GUI) newProgress(title, what string, cancel context.CancelFunc) *progressDialog {
	p := &progressDialog{label: widget.NewLabel(what), bar: widget.NewProgressBar(), cancel: cancel}
	box := container.NewVBox(p.label, p.bar)
	if cancel != nil {
		stop := widget.NewButton("取消", func() {
			p.label.SetText("正在取消…")
			cancel()
		})
		box.Add(container.NewCenter(stop))
	}
	p.d = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(420, box.MinSize().Height), box), g.win)
	p.bar.Hide() // until the share done is known; its place is kept
	p.d.Show()
	return p
}

// update shows rows done and, when known, the share done (0..1).
func (p *progressDialog) update(verb string, rows int, fraction float64) {
	p.label.SetText(fmt.Sprintf("%s %s 行…", verb, thousands(int64(rows))))
	if fraction >= 0 {
		p.bar.Show()
		p.bar.SetValue(fraction)
	}
}

// reporter is a progress function for the job's goroutine that posts to
// the dialog at most every 200 ms: each change repaints the window, which
// without a graphics card (software OpenGL) costs more than the job's own
// work between two calls.
func (p *progressDialog) reporter(g *GUI, verb string) func(rows int, fraction float64) {
	var last time.Time
	return func(rows int, fraction float64) {
		if now := time.Now(); now.Sub(last) >= 200*time.Millisecond || fraction >= 1 {
			last = now
			g.ui(func() { p.update(verb, rows, fraction) })
		}
	}
}

func (p *progressDialog) close() { p.d.Hide() }

// confirmThen asks a yes/no question and reports the answer either way.
func (g *GUI) confirmThen(title, message, yes string, done func(bool)) {
	msg := wrapLabel(message)
	d := dialog.NewCustomConfirm(title, yes, "取消", container.NewGridWrap(fyne.NewSize(440, 110), msg), done, g.win)
	d.Show()
}

// wrappedText is a label that wraps within width, sized for all its lines:
// a dialog sized from a wrapping label's one-line height would cut off
// what follows it.
// The lines are cjkLabel's, so no line starts with ）or ，.
func wrappedText(text string, width float32) fyne.CanvasObject {
	l := wrapLabel(text)
	l.Resize(fyne.NewSize(width, 0)) // lays the lines out for width
	lines := strings.Count(l.Text, "\n") + 1
	size := theme.TextSize()
	one := widget.NewLabel("字").MinSize().Height
	lineH := fyne.MeasureText("字", size, fyne.TextStyle{}).Height + theme.LineSpacing()
	return container.NewGridWrap(fyne.NewSize(width, one+float32(lines-1)*lineH), l)
}
