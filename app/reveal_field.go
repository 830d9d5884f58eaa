package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// revealField shows a stored sensitive value (a worker's 身份证号 or 联系电话)
// masked, read-only, with 显示 beside it: someone looking over the clerk's
// shoulder sees 620123********1234 until the clerk asks for the number,
// and the asking is audited (reveal, before the number is shown). Once
// shown the entry can be edited as any other. A new record has nothing to
// hide and starts as a plain entry.
type revealField struct {
	entry  *textEntry
	show   *widget.Button
	full   string // the stored value while masked
	masked bool
	// reveal records the 显示 and reports whether the number may be shown.
	reveal func() error
	// onError shows why the number could not be shown.
	onError func(error)
}

func newRevealField(entry *textEntry) *revealField {
	r := &revealField{entry: entry}
	r.show = widget.NewButtonWithIcon("显示", theme.VisibilityIcon(), r.doReveal)
	r.show.Hide()
	return r
}

// view is the entry with 显示 at its right.
func (r *revealField) view() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, r.show, r.entry)
}

// hide puts a stored value in masked (an empty value has nothing to hide).
func (r *revealField) hide(full, masked string) {
	r.full = full
	if full == "" {
		r.entry.SetText("")
		return
	}
	r.masked = true
	r.entry.SetText(masked)
	r.entry.Disable()
	r.show.Show()
}

// value is the stored value while masked, else what is in the entry.
func (r *revealField) value() string {
	if r.masked {
		return r.full
	}
	return r.entry.Text
}

// doReveal audits the 显示, then shows the full value without marking the
// form changed.
func (r *revealField) doReveal() {
	if !r.masked {
		return
	}
	if err := r.reveal(); err != nil {
		r.onError(err)
		return
	}
	r.masked = false
	changed := r.entry.OnChanged
	r.entry.OnChanged = nil
	r.entry.SetText(r.full)
	r.entry.OnChanged = changed
	r.entry.Enable()
	r.show.Hide()
}
