package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// scrollAboveFooter is body scrolling with footer (a form's buttons, and
// the error line above them) pinned below it: in a short window the
// fields scroll, while the buttons that save or cancel stay in sight.
func scrollAboveFooter(body fyne.CanvasObject, footer ...fyne.CanvasObject) *fyne.Container {
	return container.NewBorder(nil, container.NewVBox(footer...), nil, nil, container.NewVScroll(body))
}
