package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"duikou/data/osopen"
)

// fileHooks are what the list actions ask of the desktop: a file to read,
// a place to save, and the system's opener and printer. The window uses
// Fyne's file dialogs and data/osopen; tests hand in paths and record
// what would have been opened or printed.
type fileHooks struct {
	// pickOpen asks for a file to read with one of exts; done gets its
	// path, or is not called when the clerk cancels.
	pickOpen func(title string, exts []string, done func(path string))
	// pickSave asks where to save, suggesting name; done as for pickOpen.
	pickSave func(title, name string, exts []string, done func(path string))
	// print hands a PDF to the system's printer; fellBack reports that it
	// was opened in a viewer instead.
	print func(path string) (fellBack bool, err error)
	// open opens a file in the program the system has for it.
	open func(path string) error
	// openFolder shows the folder holding a file.
	openFolder func(path string) error
}

// hooks are the GUI's file hooks: the injected ones, or the desktop's.
func (g *GUI) hooks() *fileHooks {
	if g.files == nil {
		g.files = &fileHooks{pickOpen: g.fyneOpen, pickSave: g.fyneSave, print: osopen.Print, open: osopen.Open,
			openFolder: osopen.OpenFolder}
	}
	return g.files
}

// fyneOpen shows Fyne's open dialog in the clerk's documents folder.
func (g *GUI) fyneOpen(title string, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			g.showError("无法打开文件", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		r.Close()
		done(r.URI().Path())
	}, g.win)
	d.SetTitleText(title)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	g.startIn(d)
	g.showFileDialog(d)
}

// fyneSave shows Fyne's save dialog; a name typed without the extension
// gets the first of exts.
func (g *GUI) fyneSave(title, name string, exts []string, done func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			g.showError("无法保存文件", err)
			return
		}
		if w == nil {
			return
		}
		w.Close()
		path := w.URI().Path()
		if !hasExt(path, exts) {
			os.Remove(path) // the dialog made it empty; the job writes its own
			path += exts[0]
		}
		done(path)
	}, g.win)
	d.SetTitleText(title)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	g.startIn(d)
	g.showFileDialog(d)
}

func hasExt(path string, exts []string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// startIn opens a file dialog in the clerk's documents (or home) folder,
// where Excel keeps its files, rather than the program's folder.
func (g *GUI) startIn(d *dialog.FileDialog) {
	home, err := os.UserHomeDir()
	if err != nil {
		return
	}
	for _, dir := range []string{filepath.Join(home, "Documents"), filepath.Join(home, "文档"), home} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				d.SetLocation(l)
				return
			}
		}
	}
}

// dialogSize is w×h, shrunk to fit a small window.
func (g *GUI) dialogSize(w, h float32) fyne.Size {
	s := g.win.Canvas().Size()
	if s.Width > 0 {
		w = min(w, s.Width-40)
	}
	if s.Height > 0 {
		h = min(h, s.Height-40)
	}
	return fyne.NewSize(w, h)
}
