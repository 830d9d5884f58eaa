// Package app is Duikou's desktop interface, built with Fyne: the main
// window with its navigation, the first-run office set-up, the worker,
// employer and demand screens with their forms, and the theme that carries
// the bundled Chinese font.
//
// It never imports Fyne's app package (only main does), so every screen
// can be driven in tests with fyne.io/fyne/v2/test against a temporary
// database. It reaches the data through the small interfaces in store.go,
// which *data.Store satisfies; there is no SQL here.
//
// Threading: list queries run on a background goroutine and hand their
// rows to the UI through fyne.Do, so typing in a filter box never waits
// for the database. Saves run on the UI thread: one row is milliseconds.
package app
