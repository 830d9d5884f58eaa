package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data/report"
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
	full := widget.NewCheck(fullIDsText, nil)
	a.confirmFullIDs(full, "导出的文件")
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
	cancel := widget.NewButton("取消", func() { d.Hide() })
	box := container.NewVBox(what, widget.NewLabel("格式："), format, full, hint,
		container.NewCenter(container.NewHBox(cancel, next)))
	d = dialog.NewCustomWithoutButtons("导出"+a.kind.Label(), container.NewGridWrap(fyne.NewSize(460, box.MinSize().Height), box), g.win)
	d.Show()
}

// export writes the file in the background.
func (a *listActions) export(path string, fullIDs bool) {
	g, st, kind, sc := a.g, a.store, a.kind, a.scope()
	p := g.newProgress("导出"+kind.Label(), "正在导出…", nil)
	a.jobs.submit(func() func() {
		n, err := sheet.Export(st, kind, path, sheet.ExportOptions{FullIDs: fullIDs, Filter: sc.filter, Range: sc.dates,
			Progress: p.reporter(g, "已导出")})
		return func() {
			p.close()
			if err != nil {
				g.showError("导出失败", err)
				return
			}
			g.showTextWith("导出完成", fmt.Sprintf("已导出 %s 条%s到：\n%s", thousands(int64(n)), kind.Label(), path),
				[]*widget.Button{a.openButton(path)})
		}
	})
}

// startPrint asks whether to print full numbers, then writes the list's
// PDF and hands it to the printer, or saves it where the clerk says.
func (a *listActions) startPrint() {
	g := a.g
	list, _ := a.printList()
	what := wrappedText("将打印"+a.scopeText()+"，生成《"+list.Title()+"》（A4 横向，PDF）。", 480)
	full := widget.NewCheck("打印完整身份证号和电话", nil)
	a.confirmFullIDs(full, "打印的名册")
	var d dialog.Dialog
	cancel := widget.NewButton("取消", func() { d.Hide() })
	save := widget.NewButton("另存为 PDF…", func() {
		d.Hide()
		fullIDs := full.Checked
		g.hooks().pickSave("保存"+list.Title(), list.FileName(time.Now()), []string{".pdf"}, func(path string) {
			a.print(list, path, fullIDs, false)
		})
	})
	printNow := widget.NewButton("打印", func() {
		d.Hide()
		dir := filepath.Join(os.TempDir(), "duikou-print")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			g.showError("无法打印", err)
			return
		}
		a.print(list, filepath.Join(dir, list.FileName(time.Now())), full.Checked, true)
	})
	printNow.Importance = widget.HighImportance
	box := container.NewVBox(what, full, widget.NewLabel("默认隐去身份证号和电话的中间部分。"),
		container.NewCenter(container.NewHBox(cancel, save, printNow)))
	d = dialog.NewCustomWithoutButtons("打印"+list.Title(), container.NewGridWrap(fyne.NewSize(480, box.MinSize().Height), box), g.win)
	d.Show()
}

// print writes the PDF in the background; toPrinter then hands it to the
// system's printer (Windows' "print" verb), or opens it in a viewer with
// a hint to press Ctrl+P where that is not possible.
func (a *listActions) print(list report.List, path string, fullIDs, toPrinter bool) {
	g, st, sc := a.g, a.store, a.scope()
	p := g.newProgress("打印"+list.Title(), "正在生成 PDF…", nil)
	a.jobs.submit(func() func() {
		res, err := report.Print(st, list, path, report.Options{Range: sc.dates, FullIDs: fullIDs, Filter: sc.filter, Note: sc.note})
		return func() {
			p.close()
			if err != nil {
				g.showError("无法生成 PDF", err)
				return
			}
			msg := fmt.Sprintf("已生成《%s》：%d 条，共 %d 页。", list.Title(), res.Rows, res.Pages)
			g.deliverPDF(msg, res, path, toPrinter)
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
	if !toPrinter {
		g.showTextWith("已保存 PDF", msg+"\n"+path, []*widget.Button{g.openFileButton(path)})
		return
	}
	fellBack, err := g.hooks().print(path)
	switch {
	case err != nil:
		g.showError("无法打印", fmt.Errorf("%s\n文件在：%s\n%w", msg, path, err))
	case fellBack:
		g.showText("请按 Ctrl+P 打印", msg+"\n已用 PDF 阅读器打开，请在阅读器中按 Ctrl+P 打印。\n文件在："+path)
	default:
		g.showText("已发送到打印机", msg+"\n已交给默认打印机打印。\n文件在："+path)
	}
}
