package app

import "duikou/data/storage"

// replaceStore puts the window on another database (after a restore):
// every screen is built afresh on it, as at start-up, so no screen keeps
// rows or caches of the database it replaced.
func (g *GUI) replaceStore(s *storage.Store) {
	g.shell = s
	g.db = s
	g.navButtons = nil
	g.screens = nil
	g.current = -1
	g.actions = actions{}
	g.runners = nil
	g.dropReloads()
	s.OnChange(g.dataChanged)
	if s.Office() == nil {
		g.setup = newSetupScreen(g, s)
		g.win.SetContent(g.setup.view())
		g.setup.shown()
		return
	}
	g.showMain()
}

// Store is the database the window is on now; a restore replaces it, so
// main closes this one when the window closes.
func (g *GUI) Store() Shell { return g.db }
