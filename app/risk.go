package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/monitor"
	"duikou/data/storage"
)

// RiskStore is what 返贫风险 asks of the data layer: the flagged workers
// on a day, the thresholds they were found with, and the 回访 to file
// for them in a month (none for a worker who already has one there).
type RiskStore interface {
	MonitorFlags(asOf data.Date) ([]monitor.Flag, error)
	MonitorRule() monitor.Rule
	ScheduleRiskCheckIns(flags []monitor.Flag, month storage.DateRange) (int, error)
	Today() data.Date
}

// riskList is the 返贫风险 dialog: each flagged worker with the reasons
// and a 安排回访 button that files a 回访 this month. A row remembers
// what its button did, so scrolling does not bring the button back.
type riskList struct {
	g     *GUI
	st    RiskStore
	flags []monitor.Flag
	done  map[string]string // worker id → what 安排回访 did
	list  *widget.List
	note  *cjkLabel
	all   *widget.Button
	jobs  *latest
}

// showRiskList opens the dialog on flags (as the home screen counted
// them); jobs runs its writes off the UI thread (the caller keeps one
// runner for every opening, so the tests' list of runners does not grow).
func (g *GUI) showRiskList(st RiskStore, flags []monitor.Flag, jobs *latest) {
	r := &riskList{g: g, st: st, flags: flags, done: map[string]string{}, jobs: jobs}
	today := st.Today()
	rule := st.MonitorRule()
	head := wrapLabel(fmt.Sprintf("核查日期 %s，共 %d 人。脱贫户和监测对象中：离职或返乡超过%d天未再上岗、欠薪或工伤案件未结、在岗超过%d天无回访的（天数可在“设置”中修改）。",
		today, len(flags), rule.OutOfWorkDays, rule.QuietDays))
	r.note = wrapLabel("")
	r.note.Hide()
	r.list = widget.NewList(func() int { return len(r.flags) }, r.newRow, r.updateRow)
	var body fyne.CanvasObject = r.list
	if len(flags) == 0 {
		body = widget.NewLabel("没有发现有返贫风险的劳动者。")
	}
	var d dialog.Dialog
	r.all = widget.NewButton(fmt.Sprintf("全部安排%d月回访", int(today.Month)), func() { r.schedule(r.flags) })
	r.all.Disable()
	if len(flags) > 0 {
		r.all.Enable()
	}
	closeBtn := widget.NewButton("关闭", func() { d.Hide() })
	closeBtn.Importance = widget.HighImportance
	size := g.dialogSize(900, 560)
	content := container.NewBorder(container.NewVBox(head, r.note), container.NewCenter(container.NewHBox(r.all, closeBtn)), nil, nil, body)
	d = dialog.NewCustomWithoutButtons("返贫风险", container.NewGridWrap(size, content), g.win)
	d.Show()
}

// riskRow is one line: name and 类别, the reasons, the button.
func (r *riskList) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	reasons := widget.NewLabel("")
	reasons.Truncation = fyne.TextTruncateEllipsis
	btn := widget.NewButton("安排回访", nil)
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(200, name.MinSize().Height), name), btn, reasons)
}

func (r *riskList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	f := r.flags[i]
	// A border container holds the centre (the reasons) first, then the
	// left (the name's box) and the right (the button).
	row := o.(*fyne.Container)
	name := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	btn := row.Objects[2].(*widget.Button)
	row.Objects[0].(*widget.Label).SetText(strings.Join(f.Reasons, "；"))
	name.SetText(f.Name + "（" + f.Poverty.Label() + "）")
	if did, ok := r.done[f.WorkerID]; ok {
		btn.SetText(did)
		btn.Disable()
	} else {
		btn.SetText("安排回访")
		btn.Enable()
	}
	btn.OnTapped = func() { r.schedule([]monitor.Flag{f}) }
}

// schedule files this month's 回访 for flags in the background and marks
// their rows.
func (r *riskList) schedule(flags []monitor.Flag) {
	st := r.st
	r.all.Disable()
	r.jobs.submit(func() func() {
		month := storage.MonthRange(st.Today())
		added, err := st.ScheduleRiskCheckIns(flags, month)
		return func() { r.scheduled(flags, month, added, err) }
	})
}

func (r *riskList) scheduled(flags []monitor.Flag, month storage.DateRange, added int, err error) {
	r.note.Show()
	if err != nil {
		r.note.Importance = widget.DangerImportance
		r.note.SetText("未能安排回访：" + err.Error())
		r.all.Enable()
		return
	}
	label := fmt.Sprintf("已安排%d月回访", int(month.From.Month))
	if len(flags) == 1 && added == 0 {
		label = fmt.Sprintf("%d月已有回访", int(month.From.Month))
	}
	for _, f := range flags {
		if _, ok := r.done[f.WorkerID]; !ok {
			r.done[f.WorkerID] = label
		}
	}
	r.note.Importance = widget.SuccessImportance
	r.note.SetText(roundNote(flags, month, added))
	if len(r.done) < len(r.flags) {
		r.all.Enable()
	}
	r.list.Refresh()
}

// roundNote says what a round did, naming the worker when it was one.
func roundNote(flags []monitor.Flag, month storage.DateRange, added int) string {
	m := int(month.From.Month)
	switch {
	case len(flags) == 1 && added == 1:
		return fmt.Sprintf("已为%s安排%d月回访，可在“跟踪服务”中查看。", flags[0].Name, m)
	case len(flags) == 1:
		return fmt.Sprintf("%s%d月已有回访，未重复安排。", flags[0].Name, m)
	}
	text := fmt.Sprintf("已新安排 %d 条%d月回访，可在“跟踪服务”中查看。", added, m)
	if skipped := len(flags) - added; skipped > 0 {
		text += fmt.Sprintf("%d 人%d月已有回访，未重复安排。", skipped, m)
	}
	return text
}
