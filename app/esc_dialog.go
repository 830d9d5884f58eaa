package app

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// escapeWords are the buttons Esc presses in a dialog, in order of
// preference: the dialog's own way out, so its callback runs as for a
// click (a 取消 on "打印完整身份证号和电话?" unticks the box; removing the
// dialog silently would leave it ticked and print the full numbers).
var escapeWords = []string{"取消", "关闭", "否", "确定"}

// closeOverlay closes the top dialog as its way-out button would, or
// simply removes it when it has none (a menu, a bare pop-up).
func closeOverlay(c fyne.Canvas, top fyne.CanvasObject) {
	buttons := map[string]*widget.Button{}
	collectButtons(top, buttons)
	for _, w := range escapeWords {
		if b := buttons[w]; b != nil && b.OnTapped != nil {
			b.OnTapped()
			return
		}
	}
	c.Overlays().Remove(top)
}

// collectButtons finds the visible, enabled buttons under o by their text
// (the first of each text wins).
func collectButtons(o fyne.CanvasObject, into map[string]*widget.Button) {
	if o == nil || !o.Visible() {
		return
	}
	switch v := o.(type) {
	case *widget.Button:
		if _, seen := into[v.Text]; !seen && !v.Disabled() {
			into[v.Text] = v
		}
	case *fyne.Container:
		for _, child := range v.Objects {
			collectButtons(child, into)
		}
	default:
		// A pop-up, card or scroll, and the overlay Fyne wraps a dialog in
		// (an internal type), hold what they show in a Content field.
		if c := contentOf(o); c != nil {
			collectButtons(c, into)
		}
	}
}

// contentOf is o's exported Content field, if it has one.
func contentOf(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}
