package app

import "fyne.io/fyne/v2"

// widthLayout gives its children a set width (less when the space is
// narrower), centred, and the whole height: a form that should not
// stretch across a wide screen, or a side panel of fixed width. Its
// minimum height is its children's, so a child that scrolls keeps the
// window from growing.
type widthLayout struct{ width float32 }

// withWidth shows objects stacked at the given width.
func withWidth(width float32, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: widthLayout{width}, Objects: objects}
}

func (l widthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = fyne.Max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l widthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(l.width, size.Width)
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}
