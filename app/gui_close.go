package app

import "fyne.io/fyne/v2"

// Close ends the window's work with its database: the matching index, if
// 匹配推荐 built it, is saved beside the database so the next start has
// it at once (recommend.Matcher.SaveSnapshot), then the Store is closed.
// main calls it after the window has closed.
func (g *GUI) Close() error {
	if g.match != nil && g.match.engine != nil {
		if err := g.match.engine.SaveSnapshot(); err != nil {
			fyne.LogError("保存匹配索引失败", err) // only the next start is slower
		}
	}
	return g.Store().Close()
}
