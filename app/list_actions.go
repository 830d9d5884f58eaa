package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/report"
	"duikou/data/sheet"
	"duikou/data/storage"
)

// listScope is what a list screen shows at the moment: its filter (the
// field of the list's kind), its date range where it has one, and a few
// words saying so for dialogs and the printed heading. Exports and prints
// hold exactly these rows.
type listScope struct {
	filter data.ListFilter
	dates  storage.DateRange
	note   string // "户籍地：榆中县；状态：待业"; "" for the whole list
}

// listActions are a list screen's spreadsheet and paper buttons: 导入 and
// 下载模板 for kinds a spreadsheet can bring in (workers, employers,
// demands), 导出 for every kind, 打印 for kinds with a printed list
// (workers, placements, follow-ups). A screen builds it with its kind and
// a function reading its current filter, and places view() in its toolbar:
//
//	acts := newListActions(g, sheet.Placements, func() listScope {
//		return listScope{filter: data.ListFilter{Placements: s.filter()}, note: "阶段：已上岗"}
//	})
type listActions struct {
	g     *GUI
	kind  sheet.Kind
	scope func() listScope
	jobs  *latest
	store *storage.Store
}

func newListActions(g *GUI, kind sheet.Kind, scope func() listScope) *listActions {
	// The sheet and report packages run the Store's own transactions and
	// queries, so they take the Store itself, not one of app's interfaces.
	return &listActions{g: g, kind: kind, scope: scope, jobs: g.newLatest(), store: g.db}
}

// printList is the printed list of the kind, if it has one.
func (a *listActions) printList() (report.List, bool) {
	switch a.kind {
	case sheet.Workers:
		return report.Workers, true
	case sheet.Placements:
		return report.Placements, true
	case sheet.FollowUps:
		return report.FollowUps, true
	}
	return "", false
}

// view is the row of buttons.
func (a *listActions) view() fyne.CanvasObject {
	box := container.NewHBox()
	add := func(text string, icon fyne.Resource, tip func()) {
		b := widget.NewButtonWithIcon(text, icon, tip)
		box.Add(b)
	}
	if a.kind.Importable() {
		add("导入", theme.UploadIcon(), a.startImport)
	}
	add("导出", theme.DownloadIcon(), a.startExport)
	if a.kind.Importable() {
		add("下载模板", theme.FileIcon(), a.saveTemplate)
	}
	if _, ok := a.printList(); ok {
		add("打印", theme.DocumentPrintIcon(), a.startPrint)
	}
	return box
}

// scopeText says which rows a job takes: "当前列表（筛选：…）" or all.
func (a *listActions) scopeText() string {
	sc := a.scope()
	if sc.note == "" {
		return "全部" + a.kind.Label()
	}
	return "当前列表中筛选出的" + a.kind.Label() + "（" + sc.note + "）"
}

// saveTemplate writes the kind's import template where the clerk says.
func (a *listActions) saveTemplate() {
	name := a.kind.Label() + "导入模板.xlsx"
	a.g.hooks().pickSave("保存"+a.kind.Label()+"导入模板", name, []string{".xlsx"}, func(path string) {
		kind := a.kind
		a.jobs.submit(func() func() {
			err := sheet.WriteTemplate(kind, path)
			return func() {
				if err != nil {
					a.g.showError("无法保存模板", err)
					return
				}
				a.g.showTextWith("已保存模板", "已保存"+kind.Label()+"导入模板：\n"+path+
					"\n\n按模板填好后，点“导入”选择该文件。红色表头的列必须填写。", []*widget.Button{a.openButton(path)})
			}
		})
	})
}

// openButton opens a file the program just wrote.
func (a *listActions) openButton(path string) *widget.Button { return a.g.openFileButton(path) }

// openFileButton opens a file the program just wrote.
func (g *GUI) openFileButton(path string) *widget.Button {
	return widget.NewButton("打开文件", func() {
		if err := g.hooks().open(path); err != nil {
			g.showError("无法打开文件", err)
		}
	})
}

// confirmFullIDs asks before full numbers leave the program; unchecked
// again when the clerk declines.
func (a *listActions) confirmFullIDs(check *widget.Check, what string) {
	check.OnChanged = func(on bool) {
		if !on {
			return
		}
		a.g.confirmThen("完整身份证号和电话",
			what+"将含完整的身份证号和电话号码，属于个人敏感信息，请妥善保管，不要随意转发。此操作将记入操作日志。",
			"确认", func(ok bool) {
				if !ok {
					check.SetChecked(false)
				}
			})
	}
}
