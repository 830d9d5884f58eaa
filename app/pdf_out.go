package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data/report"
	"duikou/data/savedir"
)

// pdfJob is one printed form: what the dialog says, the file name it
// suggests, and the writer that makes the PDF (and its audit entry).
type pdfJob struct {
	title    string // the form's title: 《title》
	what     string // the first line of the dialog
	fileName string
	// fullIDs is the checkbox that lifts the masking; "" offers none (a
	// 公示名单 is posted in public).
	fullIDs string
	jobs    *latest
	write   func(path string, fullIDs bool) (*report.Result, error)
}

// printPDF asks whether to print full numbers (when the form allows it),
// then writes the PDF in the background and hands it to the printer, or
// saves it where the clerk says.
func (g *GUI) printPDF(job pdfJob) {
	var full *escCheck
	items := []fyne.CanvasObject{wrappedText(job.what, 480)}
	where := "\n点“打印”时，PDF 保存在“文档\\对口劳务协作\\打印”文件夹中。"
	if job.fullIDs != "" {
		full = newCheck(job.fullIDs, nil)
		g.confirmFullIDs(&full.Check, "打印的名册")
		items = append(items, full, widget.NewLabel("默认隐去身份证号和电话的中间部分。"+where))
	} else {
		items = append(items, widget.NewLabel("身份证号隐去中间部分。"+where))
	}
	g.askPrint(job.title, job.fileName, 480, items, func(path string, toPrinter bool) {
		g.writePDF(job, path, full != nil && full.Checked, toPrinter)
	})
}

// askPrint is the print dialog of the form called title, width wide:
// items say what prints; 另存为 PDF… asks where to save fileName, 打印
// saves it where the clerk finds it again (文档\对口劳务协作\打印, under a
// name not yet taken) for the printer; either then runs write. write
// reads the dialog's items when it is called, the dialog closed.
func (g *GUI) askPrint(title, fileName string, width float32, items []fyne.CanvasObject, write func(path string, toPrinter bool)) {
	var d dialog.Dialog
	save := widget.NewButton("另存为 PDF…", func() {
		d.Hide()
		g.hooks().pickSave("保存"+title, fileName, []string{".pdf"}, func(path string) { write(path, false) })
	})
	printNow := widget.NewButton("打印", func() {
		d.Hide()
		dir, err := savedir.PrintDir()
		if err != nil {
			g.showError("无法打印", err)
			return
		}
		write(savedir.Unique(dir, fileName), true)
	})
	printNow.Importance = widget.HighImportance
	d = g.showChoice("打印"+title, width, items, save, printNow)
}

// writePDF writes the PDF in the background; toPrinter then hands it to
// the system's printer (Windows' "print" verb), or opens it in a viewer
// with a hint to press Ctrl+P where that is not possible.
func (g *GUI) writePDF(job pdfJob, path string, fullIDs, toPrinter bool) {
	p := g.newProgress("打印"+job.title, "正在生成 PDF…", nil)
	job.jobs.submit(func() func() {
		res, err := job.write(path, fullIDs)
		return func() {
			p.close()
			if err != nil {
				g.showError("无法生成 PDF", err)
				return
			}
			g.deliverPDF(fmt.Sprintf("已生成《%s》：%d 条，共 %d 页。", job.title, res.Rows, res.Pages), res, path, toPrinter)
		}
	})
}

// openButton opens a file the program just wrote.
func (g *GUI) openButton(path string) *widget.Button {
	return widget.NewButton("打开文件", func() {
		if err := g.hooks().open(path); err != nil {
			g.showError("无法打开文件", err)
		}
	})
}

// confirmFullIDs asks before full numbers leave the program; unchecked
// again when the clerk declines.
func (g *GUI) confirmFullIDs(check *widget.Check, what string) {
	check.OnChanged = func(on bool) {
		if !on {
			return
		}
		g.confirmThen("完整身份证号和电话",
			what+"将含完整的身份证号和电话号码，属于个人敏感信息，请妥善保管，不要随意转发。此操作将记入操作日志。",
			"确认", func(ok bool) {
				if !ok {
					check.SetChecked(false)
				}
			})
	}
}
