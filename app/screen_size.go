package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// windowChrome is what a window's title bar and frame take on Windows
// (about 32 + 6 pixels down, 2 × 12 across with the resize borders):
// a 1,024 × 768 screen with a 40-pixel taskbar leaves a 1,000 × 690
// window.
var windowChrome = fyne.NewSize(24, 38)

// usableScreen is the room a window has on the primary screen in Fyne's
// units: its work area (without the taskbar) less the window's chrome.
// It must run on the main thread once the driver has started GLFW (the
// app's OnStarted); anywhere else it reports false.
func usableScreen() (size fyne.Size, ok bool) {
	defer func() {
		if recover() != nil { // GLFW not started: keep the saved size
			ok = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	sx, sy := m.GetContentScale()
	if w <= 0 || h <= 0 || sx <= 0 || sy <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w)/sx, float32(h)/sy).Subtract(windowChrome), true
}
