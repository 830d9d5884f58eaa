package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showChoice shows a dialog width wide that asks before a job (打印,
// 导出...): items over 取消 and the job's buttons, centred. It returns the
// dialog for the buttons to close: a button that finds the input wrong
// leaves it open.
func (g *GUI) showChoice(title string, width float32, items []fyne.CanvasObject, buttons ...fyne.CanvasObject) dialog.Dialog {
	var d dialog.Dialog
	cancel := widget.NewButton("取消", func() { d.Hide() })
	row := container.NewHBox(append([]fyne.CanvasObject{cancel}, buttons...)...)
	box := container.NewVBox(append(items, container.NewCenter(row))...)
	d = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(width, box.MinSize().Height), box), g.win)
	d.Show()
	return d
}
