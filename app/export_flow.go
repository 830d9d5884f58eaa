package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data/report"
	"duikou/data/savedir"
	"duikou/data/sheet"
)

// Export formats as the dialog offers them.
const (
	formatXLSX = "Excel 工作簿（.xlsx）"
	formatCSV  = "CSV 文本（.csv，UTF-8）"
)

// fullIDsText is the checkbox that lifts the masking.
const fullIDsText = "导出完整身份证号和电话"

// startExport asks for the format and whether to mask, then where to
// save, and writes the list's rows (its filter applied) there.
func (a *listActions) startExport() {
	g := a.g
	what := wrappedText("将导出"+a.scopeText()+"。", 460)
	format := widget.NewRadioGroup([]string{formatXLSX, formatCSV}, nil)
	format.SetSelected(formatXLSX)
	full := newCheck(fullIDsText, nil)
	g.confirmFullIDs(&full.Check, "导出的文件")
	hint := widget.NewLabel("默认隐去身份证号和电话的中间部分。")
	var d dialog.Dialog
	next := widget.NewButton("选择保存位置…", func() {
		d.Hide()
		f, ext := sheet.XLSX, ".xlsx"
		if format.Selected == formatCSV {
			f, ext = sheet.CSV, ".csv"
		}
		name := sheet.SuggestedName(a.kind, f, time.Now())
		fullIDs := full.Checked
		g.hooks().pickSave("导出"+a.kind.Label(), name, []string{ext}, func(path string) { a.export(path, fullIDs) })
	})
	next.Importance = widget.HighImportance
	d = g.showChoice("导出"+a.kind.Label(), 460, []fyne.CanvasObject{what, widget.NewLabel("格式："), format, full, hint}, next)
}

// export writes the file in the background.
func (a *listActions) export(path string, fullIDs bool) {
	g, st, kind, sc := a.g, a.store, a.kind, a.scope()
	p := g.newProgress("导出"+kind.Label(), "正在导出…", nil)
	a.jobs.submit(func() func() {
		n, err := sheet.Export(st, kind, path, sheet.ExportOptions{FullIDs: fullIDs, Filter: sc.filter, Range: sc.dates,
			Order: sc.order, Progress: p.reporter(g, "已导出")})
		return func() {
			p.close()
			if err != nil {
				g.showError("导出失败", err)
				return
			}
			g.showTextWith("导出完成", fmt.Sprintf("已导出 %s 条%s到：\n%s", thousands(int64(n)), kind.Label(), path),
				[]*widget.Button{g.openButton(path)})
		}
	})
}

// startPrint asks whether to print full numbers, then writes the list's
// PDF and hands it to the printer, or saves it where the clerk says.
func (a *listActions) startPrint() {
	list, _ := a.printList()
	sc := a.scope()
	a.g.printPDF(pdfJob{
		title:    list.Title(),
		what:     "将打印" + a.scopeText() + "，生成《" + list.Title() + "》（A4 横向，PDF）。",
		fileName: list.SaveName(a.store.Today(), savedir.CleanName(noteTag(sc.note), 40)),
		fullIDs:  "打印完整身份证号和电话",
		jobs:     a.jobs,
		write: func(path string, fullIDs bool) (*report.Result, error) {
			return report.Print(a.store, list, path, report.Options{Range: sc.dates, FullIDs: fullIDs, Filter: sc.filter,
				Note: sc.note, Order: sc.order})
		},
	})
}

// noteTag is what a list was narrowed to, for a file name: the values of
// "阶段：已上岗；用工单位：悦家" joined, "已上岗-悦家".
func noteTag(note string) string {
	var vals []string
	for _, part := range strings.Split(note, "；") {
		if _, v, ok := strings.Cut(part, "："); ok && strings.TrimSpace(v) != "" {
			vals = append(vals, strings.TrimSpace(v))
		}
	}
	return strings.Join(vals, "-")
}

// folderButton opens the folder holding a file the program just wrote.
func (g *GUI) folderButton(path string) *widget.Button {
	return widget.NewButton("打开文件夹", func() {
		if err := g.hooks().openFolder(path); err != nil {
			g.showError("无法打开文件夹", err)
		}
	})
}

// deliverPDF tells the clerk a PDF was written (msg, with the characters
// the font lacks) and, for toPrinter, hands it to the system's printer,
// falling back to a viewer and Ctrl+P where that is not possible.
func (g *GUI) deliverPDF(msg string, res *report.Result, path string, toPrinter bool) {
	if len(res.Missing) > 0 {
		msg += "\n注意：字体中缺少这些字，打印为□，请在纸上手写补齐：" + string(res.Missing)
	}
	saved := "\n文件已保存在：" + path
	if !toPrinter {
		g.showTextWith("已保存 PDF", msg+saved, []*widget.Button{g.folderButton(path), g.openButton(path)})
		return
	}
	// Say exactly what happened: printed, opened, or neither.
	fellBack, err := g.hooks().print(path)
	switch {
	case err != nil:
		g.showTextWith("未能打开 PDF", msg+saved+"\n未能打印，也未能打开："+err.Error()+
			"\n请点“打开文件夹”找到这个文件，用 PDF 阅读器打开后打印。", []*widget.Button{g.folderButton(path)})
	case fellBack:
		g.showTextWith("请按 Ctrl+P 打印", msg+"\n已用 PDF 阅读器打开，请在阅读器中按 Ctrl+P 打印。"+saved,
			[]*widget.Button{g.folderButton(path)})
	default:
		g.showTextWith("已发送到打印机", msg+"\n已交给默认打印机打印。"+saved, []*widget.Button{g.folderButton(path)})
	}
}
