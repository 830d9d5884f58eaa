package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"duikou/data/linebreak"
)

// wrapProblems lists, for what the window shows now (the open dialog if
// there is one), every plain label that wraps (Fyne would break its
// Chinese anywhere, before ） or ，too; hidden ones count, an error line
// shows later) and every line of a visible cjkLabel that starts with
// closing punctuation or ends with an opening one.
func (h *harness) wrapProblems(where string) []string {
	var out []string
	for _, o := range h.all() {
		switch l := o.(type) {
		case *widget.Label:
			if l.Wrapping == fyne.TextWrapWord || l.Wrapping == fyne.TextWrapBreak {
				out = append(out, fmt.Sprintf("%s: plain wrapped label %q", where, l.Text))
			}
		case *cjkLabel:
			if !l.Visible() {
				continue
			}
			lines := strings.Split(l.Text, "\n")
			for i, line := range lines {
				r := []rune(line)
				if len(r) == 0 {
					continue
				}
				if i > 0 && strings.ContainsRune(linebreak.NoLineStart, r[0]) {
					out = append(out, fmt.Sprintf("%s: line %q starts with %q", where, line, r[0]))
				}
				if i < len(lines)-1 && strings.ContainsRune(linebreak.NoLineEnd, r[len(r)-1]) {
					out = append(out, fmt.Sprintf("%s: line %q ends with %q", where, line, r[len(r)-1]))
				}
			}
		}
	}
	return out
}

// closeDialog closes the dialog on top, as Esc would.
func (h *harness) closeDialog() {
	h.t.Helper()
	if top := h.w.Canvas().Overlays().Top(); top != nil {
		h.w.Canvas().Overlays().Remove(top)
	}
	h.settle()
}

// Every screen, the forms and panels that replace a list and the main
// dialogs, in a window of a 1,024 × 768 screen: no wrapped text is left to
// Fyne's own breaking, and no line of Chinese starts with ，。）… or ends
// with （“… (GB/T 15834, as the printed lists).
func TestWrappedLabelsBreakChineseProperly(t *testing.T) {
	h := newHarness(t, true)
	h.seedPlacements()
	h.w.Resize(smallWindow)
	var problems []string
	look := func(where string) {
		h.settle()
		problems = append(problems, h.wrapProblems(where)...)
	}
	for i, sc := range h.g.screens {
		h.g.navigate(i)
		look(sc.title)
	}

	h.g.navigate(screenWorkers)
	h.g.workers.openNew()
	look("登记新劳动者")
	h.g.workers.closeForm()
	h.g.navigate(screenEmployers)
	es := h.g.employers
	es.empTable.table.Select(tableCell(0, 0))
	look("用工单位 with one selected")
	es.openNewEmployer()
	look("新增用工单位")
	es.closeForm("")
	es.openNewDemand(nil)
	look("新增用工需求")
	es.closeForm("")

	ms := h.openMatch()
	h.pickDemand(ms, "住家保姆")
	ms.byDemand.table.table.Select(tableCell(0, 0))
	look("匹配推荐 with a demand")

	h.tap("跟踪服务")
	fs := h.g.followUps
	fs.showFiltered(statusOverdue, "")
	h.settle()
	fs.table.table.Select(tableCell(0, 0))
	look("跟踪服务 with 记录结果 open")
	h.openPlacementPage()
	look("a placement's page")

	// The dialogs every screen uses: a message, a question, 返贫风险.
	h.goTo(screenHome)
	h.g.showText("导出失败", "文件“花名册（2026年11月）.xlsx”正被其他程序（如 WPS 表格）打开，请关闭后再试；若仍不行，请换一个文件夹（例如“文档”）。")
	look("a message")
	h.closeDialog()
	h.g.confirm("确认推荐", "把张丽、李梅、赵芳、孙静共4人推荐到“南京悦家家政服务有限公司（住家保姆）”？推荐后可在“就业安置”中跟进。", "推荐", func() {})
	look("a question")
	h.closeDialog()
	test.Tap(h.g.home.risk)
	look("返贫风险")
	h.closeDialog()

	// The first-run set-up, before anything is registered.
	first := newHarness(t, false)
	first.w.Resize(smallWindow)
	first.settle()
	problems = append(problems, first.wrapProblems("首次使用")...)

	for _, p := range problems {
		t.Error(p)
	}
}
