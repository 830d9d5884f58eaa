package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data/storage"
)

// historyRow is one file sent or received, with its partner's name.
type historyRow struct {
	storage.BundleLog
	partner string
}

// exchangeHistory is 历史: the exchange files sent and received, newest
// first.
type exchangeHistory struct {
	view fyne.CanvasObject
	list *fyne.Container
}

var historyColumns = []string{"时间", "合作方", "方向", "变更", "记录", "文件名"}

func newExchangeHistory(x *exchangeScreen) *exchangeHistory {
	h := &exchangeHistory{list: container.NewVBox()}
	h.view = container.NewVScroll(h.list)
	return h
}

func (h *exchangeHistory) set(rows []historyRow) {
	showGrid(h.list, historyColumns, rows, "还没有发出或收到过交换文件。", func(r historyRow) []fyne.CanvasObject {
		dir := "发出"
		if r.Direction == "in" {
			dir = "收到"
		}
		return []fyne.CanvasObject{widget.NewLabel(when(r.At)), wrapLabel(r.partner), widget.NewLabel(dir),
			widget.NewLabel(fmt.Sprint(r.Ops)), widget.NewLabel(fmt.Sprint(r.Rows)), wrapLabel(orDash(r.FileName))}
	})
}
