package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// dialogSave asks where to save with Fyne's save dialog, suggesting a
// name. The dialog creates the file; the caller writes it again by path.
func (x *exchangeScreen) dialogSave(title, suggested string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			x.g.showError("无法保存文件", err)
			return
		}
		if w == nil {
			return // 取消
		}
		path := w.URI().Path()
		w.Close()
		then(path)
	}, x.g.win)
	d.SetTitleText(title)
	d.SetFileName(suggested)
	x.g.showFileDialog(d)
}

// dialogOpen asks for a file to open with Fyne's open dialog, showing only
// the given extensions.
func (x *exchangeScreen) dialogOpen(title string, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			x.g.showError("无法打开文件", err)
			return
		}
		if r == nil {
			return // 取消
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, x.g.win)
	d.SetTitleText(title)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	x.g.showFileDialog(d)
}
