package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textEntry is a widget.Entry that lets the window's own shortcuts through.
// A focused Fyne entry swallows every shortcut it does not know (Ctrl+S,
// Ctrl+N, Ctrl+F) and every Esc; a clerk typing in a form expects Ctrl+S to
// save and Esc to cancel, so those go on to the canvas.
type textEntry struct {
	widget.Entry
}

func newTextEntry(placeholder string) *textEntry {
	e := &textEntry{}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry(placeholder string) *textEntry {
	e := newTextEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// TypedShortcut passes window shortcuts to the window, the rest to the entry.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if isWindowShortcut(s) {
		if route, ok := shortcutRoutes.Load(fyne.CurrentApp().Driver().CanvasForObject(e)); ok {
			route.(func(fyne.Shortcut))(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// shortcutRoutes maps a window's canvas to its GUI's shortcut handler, for
// entries to pass shortcuts on (Fyne's test canvas, unlike the real one,
// cannot take a typed shortcut itself).
var shortcutRoutes sync.Map // fyne.Canvas -> func(fyne.Shortcut)

// TypedKey passes Esc to the canvas, the rest to the entry.
func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(e, k) {
		e.Entry.TypedKey(k)
	}
}

// The window's shortcuts: Ctrl+N new, Ctrl+F find, Ctrl+S save.
var (
	shortcutNew  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

func isWindowShortcut(s fyne.Shortcut) bool {
	switch s.ShortcutName() {
	case shortcutNew.ShortcutName(), shortcutFind.ShortcutName(), shortcutSave.ShortcutName():
		return true
	}
	return false
}
