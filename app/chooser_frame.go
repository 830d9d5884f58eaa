package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// chooserFrame is the dialog the 工种 and region choosers share: a search
// box over either the lists to browse (columns) or, while the box holds
// text, the search's results; a status line under them; 取消 and the
// chooser's own buttons at the bottom.
type chooserFrame struct {
	search     *textEntry
	columns    fyne.CanvasObject
	resultList *widget.List
	body       *fyne.Container
	status     *widget.Label
	dlg        *dialog.CustomDialog
}

// init builds the frame's dialog; searched runs as the search text
// changes.
func (c *chooserFrame) init(title, hint string, columns fyne.CanvasObject, resultList *widget.List,
	size fyne.Size, parent fyne.Window, searched func(string), buttons ...fyne.CanvasObject) {
	c.search = newTextEntry(hint)
	c.search.OnChanged = searched
	c.columns, c.resultList = columns, resultList
	c.body = container.NewStack(columns)
	c.status = widget.NewLabel("")
	cancel := widget.NewButton("取消", func() { c.dlg.Hide() })
	content := container.NewBorder(c.search, c.status, nil, nil, c.body)
	c.dlg = dialog.NewCustomWithoutButtons(title, content, parent)
	c.dlg.SetButtons(append([]fyne.CanvasObject{cancel}, buttons...))
	c.dlg.Resize(size)
}

// show opens the dialog with the search box focused.
func (c *chooserFrame) show() {
	c.dlg.Show()
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.search); cv != nil {
		cv.Focus(c.search)
	}
}

// showResults shows the search's results, from the top, while searching,
// else the columns.
func (c *chooserFrame) showResults(searching bool) {
	if searching {
		c.body.Objects = []fyne.CanvasObject{c.resultList}
		c.resultList.UnselectAll()
		c.resultList.ScrollToOffset(0)
	} else {
		c.body.Objects = []fyne.CanvasObject{c.columns}
	}
	c.body.Refresh()
	c.resultList.Refresh()
}

// titled puts a small heading over a list.
func titled(title string, list fyne.CanvasObject) fyne.CanvasObject {
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(h, nil, nil, nil, list)
}
