package app

import "fyne.io/fyne/v2"

// Preference keys for the window size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// Default and smallest window sizes: the default fits a 1366×768 laptop
// screen with the taskbar; below the minimum the forms stop fitting.
// Every screen fits 1,000 × 690, the window on a 1,024 × 768 screen
// (window_fit_test.go).
var (
	defaultWindowSize = fyne.NewSize(1240, 700)
	minWindowSize     = fyne.NewSize(900, 560)
)

// RememberSize sizes w as it was when the program was last closed, but no
// larger than the screen it opens on, centres it there, and saves its
// size in the app's preferences when it closes. A window closed on a
// 1,920-pixel monitor and opened on a 1,366 × 768 laptop so keeps its
// right-hand side and its bottom on the screen.
func RememberSize(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	saved := fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width))),
		float32(p.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height))))
	w.Resize(saved.Max(minWindowSize))
	w.CenterOnScreen()
	// The screen's size is known only once the driver runs.
	a.Lifecycle().SetOnStarted(func() {
		if screen, ok := usableScreen(); ok {
			w.Resize(fitToScreen(saved, screen))
			w.CenterOnScreen()
		}
	})
	w.SetCloseIntercept(func() {
		saveWindowSize(a, w)
		w.Close()
	})
}

// fitToScreen is the saved size made to fit screen (the room a window has
// there, title bar and frame taken off): never larger than the screen,
// never smaller than minWindowSize unless the screen itself is smaller.
func fitToScreen(saved, screen fyne.Size) fyne.Size {
	return saved.Max(minWindowSize).Min(screen)
}

func saveWindowSize(a fyne.App, w fyne.Window) {
	size := w.Canvas().Size()
	if size.Width < minWindowSize.Width || size.Height < minWindowSize.Height {
		return // minimised or not laid out yet: keep the last good size
	}
	a.Preferences().SetFloat(prefWindowWidth, float64(size.Width))
	a.Preferences().SetFloat(prefWindowHeight, float64(size.Height))
}
