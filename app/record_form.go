package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// The page and the steps every record form (劳动者, 用工单位, 用工需求)
// has the same way: write the record, leave without saving, delete it.

// formPage is a record form's page: the hint and the 取消 and 保存
// buttons on top (删除 at the left when del is set: the form edits a
// stored record), the form's summary under them, and body scrolling below.
func formPage(fm *form, body fyne.CanvasObject, save, cancel, del func()) fyne.CanvasObject {
	saveB := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), save)
	saveB.Importance = widget.HighImportance
	cancelB := widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel)
	buttons := container.NewHBox(layout.NewSpacer(), cancelB, saveB)
	if del != nil {
		delB := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), del)
		delB.Importance = widget.DangerImportance
		buttons = container.NewHBox(delB, layout.NewSpacer(), cancelB, saveB)
	}
	hint := widget.NewLabel("带 * 的为必填项。Ctrl+S 保存，Esc 取消。")
	hint.Importance = widget.LowImportance
	return container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, hint, buttons), fm.summary), nil, nil, nil,
		container.NewVScroll(body))
}

// formSaver is what a record form saves through: a new record is created,
// an edited one saved against the version it was opened at.
type formSaver interface {
	RecordWriter
	EditSaver
}

// saveForm is a record form's 保存: every field checked (a wrong one
// stops it, named), then the record build makes from the fields written
// (form.write), then saved with it.
func saveForm[R data.Record](fm *form, g *GUI, st formSaver, opened data.Record, build func() R, saved func(R)) {
	if !fm.checkAll() {
		return
	}
	rec := build()
	fm.write(g, st, opened, rec, func() { saved(rec) })
}

// write stores rec and then runs saved: a new record (opened nil) is
// created; an edited one is saved against the version the form was opened
// at (GUI.saveEdited), so a change another clerk saved meanwhile is shown
// for the clerk to choose instead of being overwritten. A refused write
// (a *data.FieldError names the field) is shown on the form.
func (fm *form) write(g *GUI, st formSaver, opened, rec data.Record, saved func()) {
	if opened != nil {
		g.saveEdited(st, opened, rec, saved, fm.refuseError)
		return
	}
	if err := st.Create(rec); err != nil {
		fm.refuseError(err)
		return
	}
	saved()
}

// openedAs is the record a form was opened on as a data.Record: nil for
// a new one (a nil *data.Worker would be a non-nil interface).
func openedAs[T any, P interface {
	*T
	data.Record
}](orig P) data.Record {
	if orig == nil {
		return nil
	}
	return orig
}

// leaveForm runs close, after the clerk confirms it when the form holds
// changes not yet saved.
func (g *GUI) leaveForm(dirty bool, close func()) {
	if !dirty {
		close()
		return
	}
	g.confirm("放弃修改", "填写的内容还没有保存，确定放弃吗？", "放弃修改", close)
}

// deleteRecord asks title's question and, when the clerk confirms,
// deletes rec (by its id) and runs done; a refused delete is shown.
func (g *GUI) deleteRecord(st RecordWriter, title, question string, rec data.Record, done func()) {
	g.confirm(title, question, "删除", func() {
		if err := st.Delete(rec); err != nil {
			g.showError("无法删除", err)
			return
		}
		done()
	})
}
