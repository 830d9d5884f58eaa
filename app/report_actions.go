package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data/report"
	"duikou/data/sheet"
	"duikou/data/stats"
)

// The 统计报表 screen's 导出, 打印 and 报出. The xlsx and PDF writers run
// the Store's own audit, so they take GUI.db like the list actions do.

// fileName is the form's file name: 统计报表_2026年10月（更正版）.xlsx.
func reportFileName(r *stats.Report, ext string) string {
	name := "统计报表_" + r.Period.Label()
	if r.Corrected {
		name += "（更正版）"
	}
	return filepath.Clean(name) + ext
}

// startExport asks where to save the xlsx form and writes it.
func (s *reportScreen) startExport() {
	r, g := s.r, s.g
	if r == nil {
		return
	}
	g.hooks().pickSave("导出"+r.Title(), reportFileName(r, ".xlsx"), []string{".xlsx"}, func(path string) {
		db := g.db
		s.jobs.submit(func() func() {
			err := sheet.ExportStats(db, r, path)
			return func() {
				if err != nil {
					g.showError("导出失败", err)
					return
				}
				g.showTextWith("导出完成", fmt.Sprintf("已导出《%s》（%s）到：\n%s", r.Title(), r.Period.Label(), path),
					[]*widget.Button{g.openButton(path)})
			}
		})
	})
}

// startPrint prints the form (A4, PDF) or saves the PDF where the clerk
// says.
func (s *reportScreen) startPrint() {
	r, g := s.r, s.g
	if r == nil {
		return
	}
	what := wrappedText(fmt.Sprintf("将打印《%s》（%s），A4，PDF。", r.Title(), r.Period.Label()), 440)
	g.askPrint(r.Title(), reportFileName(r, ".pdf"), 440, []fyne.CanvasObject{what}, func(path string, toPrinter bool) {
		s.printTo(r, path, toPrinter)
	})
}

func (s *reportScreen) printTo(r *stats.Report, path string, toPrinter bool) {
	g, db := s.g, s.g.db
	s.jobs.submit(func() func() {
		res, err := report.PrintStats(db, r, path)
		return func() {
			if err != nil {
				g.showError("无法生成 PDF", err)
				return
			}
			g.deliverPDF(fmt.Sprintf("已生成《%s》（%s），共 %d 页。", r.Title(), r.Period.Label(), res.Pages), res, path, toPrinter)
		}
	})
}

// confirmSubmit asks before 报出: the figures are stored once and for
// all; a record corrected later shows beside them as 更正.
func (s *reportScreen) confirmSubmit() {
	r := s.r
	if r == nil {
		return
	}
	msg := fmt.Sprintf("报出后，%s的各项数字保存为报出数，不能再次报出。以后更正了这一期的记录，报表会在报出数旁显示更正数，重印时标明“更正版”。\n\n确定报出%s吗？",
		r.Period.Label(), r.Period.Label())
	dialog.NewCustomConfirm("报出"+r.Period.Title(), "报出", "取消", wrappedText(msg, 440), func(ok bool) {
		if !ok {
			return
		}
		if err := s.st.Submit(r); err != nil {
			s.g.showError("报出失败", err)
			return
		}
		s.recount()
	}, s.g.win).Show()
}
