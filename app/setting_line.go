package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingLine is one value in 设置 that a clerk types and saves: the entry
// between its words ("上岗后第 [7,30,90] 天"), a save button, and the
// outcome under it, red when refused.
type settingLine struct {
	entry *textEntry
	saved *cjkLabel
	// store checks and saves the typed text; it returns the text to show
	// in the entry (normalised) and the line saying what was saved.
	store func(text string) (shown, done string, err error)
}

func newSettingLine(placeholder, current string, store func(string) (string, string, error)) *settingLine {
	l := &settingLine{entry: newTextEntry(placeholder), saved: wrapLabel(""), store: store}
	l.entry.SetText(current)
	l.entry.OnSubmitted = func(string) { l.save() }
	l.saved.Hide()
	return l
}

// view is the section: title and note above, the words around the entry.
func (l *settingLine) view(title, note, before, after, button string) fyne.CanvasObject {
	save := widget.NewButtonWithIcon(button, theme.DocumentSaveIcon(), l.save)
	return section(title, note, container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(before), container.NewHBox(widget.NewLabel(after), save), l.entry),
		l.saved))
}

func (l *settingLine) save() {
	shown, done, err := l.store(l.entry.Text)
	if err != nil {
		l.saved.Importance = widget.DangerImportance
		l.saved.SetText("未保存：" + err.Error())
		l.saved.Show()
		return
	}
	l.entry.SetText(shown)
	l.saved.Importance = widget.SuccessImportance
	l.saved.SetText(done)
	l.saved.Show()
}
