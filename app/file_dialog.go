package app

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// favoriteNames are the places Fyne's file dialog lists on its left. Fyne
// 2.8 writes them in English without looking them up in its translations
// (dialog/file.go), so the window puts Chinese over them once shown.
var favoriteNames = map[string]string{
	"Home":      "主目录",
	"App Files": "程序文件",
	"Computer":  "此电脑",
	"Desktop":   "桌面",
	"Documents": "文档",
	"Downloads": "下载",
	"Music":     "音乐",
	"Pictures":  "图片",
	"Videos":    "视频",
	"Movies":    "影片",
}

// showFileDialog shows a Fyne file dialog sized to the window and with
// its places in Chinese. The size is set after Show: before it the
// dialog has no window to size.
func (g *GUI) showFileDialog(d *dialog.FileDialog) {
	d.Show()
	d.Resize(g.dialogSize(900, 620))
	if top := g.win.Canvas().Overlays().Top(); top != nil {
		translateFavorites(top)
	}
}

// translateFavorites finds the list of places (rows of an icon and a
// label) under o and makes each row show its Chinese name, now and
// whenever the list draws the row again.
func translateFavorites(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *widget.List:
		update := o.UpdateItem
		if update == nil {
			return
		}
		o.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if row, ok := item.(*fyne.Container); ok && len(row.Objects) == 2 {
				if l, ok := row.Objects[1].(*widget.Label); ok {
					if zh, ok := favoriteNames[l.Text]; ok {
						l.SetText(zh)
					}
				}
			}
		}
		o.Refresh()
	// The dialog is a modal pop-up over containers and a split whose
	// leading side is the list: public fields all the way down.
	case *widget.PopUp:
		translateFavorites(o.Content)
	case *fyne.Container:
		for _, c := range o.Objects {
			translateFavorites(c)
		}
	case *container.Split:
		translateFavorites(o.Leading)
	default:
		// The canvas holds the pop-up inside Fyne's overlay container,
		// an internal type whose Content field is exported: reach it by
		// name rather than fork the dialog.
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return
		}
		if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
			if c, ok := f.Interface().(fyne.CanvasObject); ok && c != nil {
				translateFavorites(c)
			}
		}
	}
}
