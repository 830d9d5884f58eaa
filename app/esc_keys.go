package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Esc must close the open dialog (or leave a form) wherever the keyboard
// focus is. Fyne hands a key to the focused widget alone, and a tick box,
// a table or an entry keeps the focus after a click and drops Esc; these
// widgets pass it on to the window instead (GUI.installShortcuts).

// passEscape gives Esc to the window showing o; it reports whether it did.
func passEscape(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(k)
	return true
}

// escCheck is a tick box that passes Esc to the window.
type escCheck struct{ widget.Check }

func newCheck(label string, changed func(bool)) *escCheck {
	c := &escCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Esc to the window, the rest to the tick box.
func (c *escCheck) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(c, k) {
		c.Check.TypedKey(k)
	}
}
