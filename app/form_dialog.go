package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formDialog is a small form over the window with 保存 and 取消. 保存 runs
// save; an error (the Store's Chinese reason, or the form's own) shows in
// red inside the dialog, which stays open for the clerk to correct it.
type formDialog struct {
	d      *dialog.CustomDialog
	errMsg *cjkLabel
	save   func(finish func(error))
}

func (g *GUI) newFormDialog(title string, content fyne.CanvasObject, saveText string, save func() error) *formDialog {
	return g.newFormDialogAsking(title, content, saveText, func(finish func(error)) { finish(save()) })
}

// newFormDialogAsking is a formDialog whose save may first ask the clerk
// something in a dialog of its own (记录已被其他经办人修改): save calls
// finish once it knows the outcome, nil to close the form, an error to
// show in it.
func (g *GUI) newFormDialogAsking(title string, content fyne.CanvasObject, saveText string, save func(finish func(error))) *formDialog {
	fd := &formDialog{errMsg: wrapLabel(""), save: save}
	fd.errMsg.Importance = widget.DangerImportance
	fd.errMsg.Hide()
	body := container.NewVBox(content, fd.errMsg)
	fd.d = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(460, body.MinSize().Height+60), body), g.win)
	ok := widget.NewButtonWithIcon(saveText, theme.DocumentSaveIcon(), fd.submit)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), fd.d.Hide)
	fd.d.SetButtons([]fyne.CanvasObject{cancel, ok})
	return fd
}

// submit saves; on success the dialog closes.
func (fd *formDialog) submit() { fd.save(fd.finish) }

func (fd *formDialog) finish(err error) {
	if err != nil {
		fd.errMsg.SetText(err.Error())
		fd.errMsg.Show()
		return
	}
	fd.d.Hide()
}

func (fd *formDialog) show() { fd.d.Show() }
