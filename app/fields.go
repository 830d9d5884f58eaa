package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// formField is one labelled input of a form with a line under it that
// says what is wrong (red) or what was understood (grey), as the clerk
// types.
type formField struct {
	key      string // the record's Go field name, as in data.FieldError.Field
	label    string
	required bool
	input    fyne.CanvasObject
	focus    fyne.Focusable // what to focus when the field is wrong; may be nil
	note     *cjkLabel
	// check validates the current input; "" means fine. It runs on save
	// and, for inputs that call revalidate, as the clerk types.
	check func() string
	err   string
	// valid is called when the field's input becomes right (its error
	// cleared or a check passed): the form clears a summary about it.
	valid func()
}

func newFormField(key, label string, required bool, input fyne.CanvasObject) *formField {
	note := wrapLabel("")
	note.Hide()
	f := &formField{key: key, label: label, required: required, input: input, note: note}
	if fc, ok := input.(fyne.Focusable); ok {
		f.focus = fc
	}
	return f
}

// setError shows msg in red under the input ("" clears it).
func (f *formField) setError(msg string) {
	f.err = msg
	if msg == "" {
		f.note.Hide()
		f.note.SetText("")
		f.becameValid()
		return
	}
	f.note.Importance = widget.DangerImportance
	f.note.SetText(msg)
	f.note.Show()
}

// setHint shows msg under the input in plain text: what was understood so
// far ("已输入14位，还差4位").
func (f *formField) setHint(msg string) { f.setNote(msg, widget.MediumImportance) }

// setOK shows msg under the input in green: the input was checked and is
// right ("校验通过：女，36岁").
func (f *formField) setOK(msg string) { f.setNote(msg, widget.SuccessImportance) }

func (f *formField) setNote(msg string, imp widget.Importance) {
	f.err = ""
	if msg == "" || imp == widget.SuccessImportance {
		f.becameValid()
	}
	if msg == "" {
		f.note.Hide()
		f.note.SetText("")
		return
	}
	f.note.Importance = imp
	f.note.SetText(msg)
	f.note.Show()
}

// revalidate runs the check and shows its verdict.
func (f *formField) revalidate() string {
	if f.check == nil {
		return ""
	}
	msg := f.check()
	if msg != "" {
		f.setError(msg)
	} else if f.err != "" {
		f.setError("")
	}
	return msg
}

func (f *formField) becameValid() {
	if f.valid != nil {
		f.valid()
	}
}

func (f *formField) title() string {
	if f.required {
		return f.label + " *"
	}
	return f.label
}

// form is a set of fields with a summary line that says why a save was
// refused.
type form struct {
	fields  []*formField
	byKey   map[string]*formField
	summary *cjkLabel
	// about is the field the summary names; the summary goes when that
	// field becomes right, so a fixed mistake leaves no stale banner.
	about *formField
}

func newForm() *form {
	s := wrapLabel("")
	s.Importance = widget.DangerImportance
	s.Hide()
	return &form{byKey: map[string]*formField{}, summary: s}
}

func (fm *form) add(f *formField) *formField {
	f.valid = func() {
		if fm.about == f {
			fm.clearSummary()
		}
	}
	fm.fields = append(fm.fields, f)
	fm.byKey[f.key] = f
	return f
}

// grid lays the given fields out as label / input rows.
func (fm *form) grid(fields ...*formField) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objs = append(objs, formLabel(f.title()), container.NewVBox(f.input, f.note))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// formLabel is a field's name in a label / input row, set against its
// input.
func formLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignTrailing
	return l
}

// validate runs every check; it shows each verdict and returns the first
// field in error, or nil.
func (fm *form) validate() *formField {
	var first *formField
	for _, f := range fm.fields {
		if msg := f.revalidate(); msg != "" && first == nil {
			first = f
		}
	}
	return first
}

// refuse shows why a save was refused: next to the field, in the summary
// line, and moves the focus to the field.
func (fm *form) refuse(f *formField, reason string) {
	f.setError(reason)
	fm.summary.SetText(fmt.Sprintf("未保存：%s——%s", f.label, reason))
	fm.summary.Show()
	fm.about = f
	if f.focus != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(f.input); c != nil {
			c.Focus(f.focus)
		}
	}
}

// refuseError places an error from the Store: a FieldError next to its
// field, anything else in the summary line.
func (fm *form) refuseError(err error) {
	if fe, ok := data.AsFieldError(err); ok {
		if f := fm.byKey[fe.Field]; f != nil {
			fm.refuse(f, fe.Reason)
			return
		}
		fm.summary.SetText(fmt.Sprintf("未保存：%s——%s", fe.Label, fe.Reason))
		fm.about = nil
	} else {
		fm.about = nil
		fm.summary.SetText("未保存：" + err.Error())
	}
	fm.summary.Show()
}

// clearSummary hides the summary line.
func (fm *form) clearSummary() {
	fm.about = nil
	fm.summary.SetText("")
	fm.summary.Hide()
}

// checkAll validates before a save and refuses on the first error.
func (fm *form) checkAll() bool {
	if f := fm.validate(); f != nil {
		fm.refuse(f, f.err)
		return false
	}
	fm.clearSummary()
	return true
}

// The parsers below read what a clerk typed and say in Chinese what is wrong.

// atMost is a field's check that its text holds at most n characters
// (trimmed first when trim, as the record stores it).
func atMost(e *textEntry, n int, trim bool) func() string {
	return func() string {
		t := e.Text
		if trim {
			t = strings.TrimSpace(t)
		}
		if len([]rune(t)) > n {
			return fmt.Sprintf("不能超过%d个字", n)
		}
		return ""
	}
}

// filled is a required field's check: some text besides spaces, else
// missing.
func filled(e *textEntry, missing string) func() string {
	return func() string {
		if strings.TrimSpace(e.Text) == "" {
			return missing
		}
		return ""
	}
}

// filledAtMost is a required field's check: some text, of at most n
// characters once trimmed.
func filledAtMost(e *textEntry, n int) func() string {
	return func() string {
		if strings.TrimSpace(e.Text) == "" {
			return "不能为空"
		}
		return atMost(e, n, true)()
	}
}

func parseOptionalInt(s, what string) (int, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ""
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, what + "应为整数"
	}
	if n < 0 {
		return 0, what + "不能为负数"
	}
	return n, ""
}

func parseDateText(s string) (data.Date, string) {
	d, err := data.ParseDate(s)
	if err != nil {
		return data.Date{}, err.Error()
	}
	return d, ""
}

func parseYuanText(s string) (data.Fen, string) {
	f, err := data.ParseYuan(s)
	if err != nil {
		return 0, err.Error()
	}
	if f < 0 {
		return 0, "金额不能为负数"
	}
	return f, ""
}

// yuanText is an amount as a clerk types it ("" for none).
func yuanText(f data.Fen) string {
	if f == 0 {
		return ""
	}
	return f.String()
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// labelsOf lists the labels of a picker list.
func labelsOf(list []data.Labelled) []string {
	out := make([]string, len(list))
	for i, l := range list {
		out[i] = l.Label
	}
	return out
}

// codeForLabel maps a picker label back to its code ("" if none).
func codeForLabel(list []data.Labelled, label string) string {
	for _, l := range list {
		if l.Label == label {
			return l.Code
		}
	}
	return ""
}

// labelForCode maps a code to its picker label ("" if none).
func labelForCode(list []data.Labelled, code string) string {
	for _, l := range list {
		if l.Code == code {
			return l.Label
		}
	}
	return ""
}

// section is a card with a bold heading, smaller than a widget.Card
// title, for the parts of a form or a screen; note, if not "", is a grey
// line under the heading.
func section(title, note string, content fyne.CanvasObject) *widget.Card {
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(h)
	if note != "" {
		n := wrapLabel(note)
		n.Importance = widget.LowImportance
		box.Add(n)
	}
	box.Add(content)
	return widget.NewCard("", "", box)
}
