package app

// restoredElsewhere is the window's answer to a restore on another
// desktop of a PostgreSQL office (a data.Change with Replaced): every
// table was replaced at once, so every list fetches again, the home
// screen recounts, and the clerk is told why the lists changed. A form
// or dialog being filled in stays as typed: its save is checked against
// the restored record like any other change meanwhile (记录已被其他经办人修改),
// or told that the record is gone.
func (g *GUI) restoredElsewhere() {
	for _, reload := range g.allReloads() {
		reload()
	}
	g.ui(func() {
		if g.home != nil && g.current == screenHome {
			g.home.refresh()
		}
		g.showText("数据库已从备份恢复", "另一位经办人刚把本单位的数据库从备份恢复，备份之后录入的记录已不在库中。"+
			"各列表和首页已重新读取；您正在填写的内容保存时，会与恢复后的记录核对。")
	})
}

// allReloads are the reloads of every list, whatever table it shows (a
// list of several tables appears once per table; a reload while one is
// under way only fetches again).
func (g *GUI) allReloads() []func() {
	g.reloads.mu.Lock()
	defer g.reloads.mu.Unlock()
	var all []func()
	for _, fns := range g.reloads.byTb {
		all = append(all, fns...)
	}
	return all
}
