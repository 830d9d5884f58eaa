package app

import "fyne.io/fyne/v2"

// Preference keys for the window size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// Default and smallest window sizes: the default fits a 1366×768 laptop
// screen with the taskbar; below the minimum the forms stop fitting.
var (
	defaultWindowSize = fyne.NewSize(1240, 700)
	minWindowSize     = fyne.NewSize(900, 560)
)

// RememberSize sizes w as it was when the program was last closed and
// saves its size in the app's preferences when it closes.
func RememberSize(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	size := fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width))),
		float32(p.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height))))
	w.Resize(size.Max(minWindowSize))
	w.SetCloseIntercept(func() {
		saveWindowSize(a, w)
		w.Close()
	})
}

func saveWindowSize(a fyne.App, w fyne.Window) {
	size := w.Canvas().Size()
	if size.Width < minWindowSize.Width || size.Height < minWindowSize.Height {
		return // minimised or not laid out yet: keep the last good size
	}
	a.Preferences().SetFloat(prefWindowWidth, float64(size.Width))
	a.Preferences().SetFloat(prefWindowHeight, float64(size.Height))
}
