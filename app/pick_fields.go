package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pickedList is a field that holds several codes picked from a chooser
// (意向地区, 意向工种): one line per code, by its name, with a remove
// button, and an add button that opens the chooser. The region and 工种
// fields embed it and bring their own chooser.
type pickedList struct {
	widget.BaseWidget
	parent    fyne.Window // the chooser's
	keys      []string
	name      func(string) string // a code as the clerk reads it
	onChanged func()

	lines *fyne.Container
	add   *widget.Button
}

// init makes the list field self (the widget that embeds l) with an add
// button labelled addLabel that runs open.
func (l *pickedList) init(self fyne.Widget, parent fyne.Window, addLabel string, name func(string) string, open func()) {
	l.parent, l.name = parent, name
	l.lines = container.NewVBox()
	l.add = widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), open)
	l.ExtendBaseWidget(self)
}

func (l *pickedList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(l.lines, container.NewHBox(l.add)))
}

// pick adds key, unless the list holds it already.
func (l *pickedList) pick(key string) {
	for _, k := range l.keys {
		if k == key {
			return
		}
	}
	l.set(append(l.keys, key))
	l.changed()
}

// set shows keys, one line each.
func (l *pickedList) set(keys []string) {
	l.keys = append([]string(nil), keys...)
	l.lines.Objects = nil
	for i, key := range l.keys {
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.remove(i) })
		rm.Importance = widget.LowImportance
		l.lines.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(l.name(key))))
	}
	l.lines.Refresh()
}

func (l *pickedList) remove(i int) {
	if i < 0 || i >= len(l.keys) {
		return
	}
	l.set(append(append([]string(nil), l.keys[:i]...), l.keys[i+1:]...))
	l.changed()
}

func (l *pickedList) changed() {
	if l.onChanged != nil {
		l.onChanged()
	}
}

// pickButton is the face of a field that holds one code picked from a
// chooser (a 工种, a region): a button with the code's name (or the
// placeholder) that opens the chooser, and a clear button when the field
// may be left empty. The fields embed it and bring their own chooser.
type pickButton struct {
	widget.BaseWidget
	code        string      // the picked code, "" for none
	parent      fyne.Window // the chooser's
	placeholder string
	name        func(string) string // a code as the clerk reads it
	onChanged   func(code string)

	button *widget.Button
	clear  *widget.Button // nil when the field may not be left empty
}

// init makes the field self (the widget that embeds b): its button runs
// open, its clear button (when clearable) empties the field.
func (b *pickButton) init(self fyne.Widget, parent fyne.Window, clearable bool, placeholder string, name func(string) string, open func()) {
	b.parent, b.placeholder, b.name = parent, placeholder, name
	b.button = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), open)
	b.button.Alignment = widget.ButtonAlignLeading
	b.button.IconPlacement = widget.ButtonIconTrailingText
	if clearable {
		b.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { b.set("", true) })
		b.clear.Importance = widget.LowImportance
	}
	b.ExtendBaseWidget(self)
	b.show("", false)
}

func (b *pickButton) CreateRenderer() fyne.WidgetRenderer {
	if b.clear == nil {
		return widget.NewSimpleRenderer(b.button)
	}
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, b.clear, b.button))
}

// set holds code ("" for none) and shows it; notify says whether to tell
// onChanged.
func (b *pickButton) set(code string, notify bool) {
	b.code = code
	b.show(code, notify)
}

// show shows code ("" for none) on the button, and the clear button only
// when there is something to clear; notify says whether to tell onChanged.
func (b *pickButton) show(code string, notify bool) {
	text := b.placeholder
	if code != "" {
		text = b.name(code)
	}
	b.button.SetText(text)
	switch {
	case b.clear == nil:
	case code == "":
		b.clear.Hide()
	default:
		b.clear.Show()
	}
	if notify && b.onChanged != nil {
		b.onChanged(code)
	}
}

// onePicked is a field that holds one picked code: occField, regionField.
type onePicked interface {
	fyne.CanvasObject
	value() string // the code, "" for none
	focusTarget() fyne.Focusable
}

// focusTarget is what a form focuses when the field is wrong: the button.
func (b *pickButton) focusTarget() fyne.Focusable { return b.button }

func (b *pickButton) value() string { return b.code }

// addPicked adds a required field picked from a chooser: wrong, it
// focuses the button; left empty, it says missing.
func (fm *form) addPicked(key, label string, in onePicked, missing string) *formField {
	ff := fm.add(newFormField(key, label, true, in))
	ff.focus = in.focusTarget()
	ff.check = func() string {
		if in.value() == "" {
			return missing
		}
		return ""
	}
	return ff
}
