package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/monitor"
)

// MonitorRuleStore is 返贫监测's thresholds as 设置 edits them.
type MonitorRuleStore interface {
	MonitorRule() monitor.Rule
	SetMonitorRule(r monitor.Rule) error
}

// monitorSettings is the 设置 section for 返贫监测's two thresholds.
type monitorSettings struct {
	st               MonitorRuleStore
	outOfWork, quiet *textEntry
	saved            *cjkLabel
}

func newMonitorSettings(st MonitorRuleStore) *monitorSettings {
	m := &monitorSettings{st: st, outOfWork: newTextEntry("30"), quiet: newTextEntry("90"), saved: wrapLabel("")}
	r := st.MonitorRule()
	m.outOfWork.SetText(strconv.Itoa(r.OutOfWorkDays))
	m.quiet.SetText(strconv.Itoa(r.QuietDays))
	m.outOfWork.OnSubmitted = func(string) { m.save() }
	m.quiet.OnSubmitted = func(string) { m.save() }
	m.saved.Hide()
	return m
}

func (m *monitorSettings) view() fyne.CanvasObject {
	save := widget.NewButtonWithIcon("保存监测天数", theme.DocumentSaveIcon(), m.save)
	days := func(before string, e *textEntry, after string) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(before), widget.NewLabel(after), e)
	}
	return section("返贫监测", "首页“返贫风险”列出的脱贫户和监测对象：离职或返乡超过这么多天未再上岗的，在岗超过这么多天没有完成任何回访的，以及欠薪、工伤案件未结的。",
		container.NewVBox(container.NewGridWithColumns(2,
			days("离职或返乡超过", m.outOfWork, "天未再上岗"),
			days("在岗超过", m.quiet, "天无回访")),
			container.NewHBox(save), m.saved))
}

func (m *monitorSettings) save() {
	r, err := m.read()
	if err == nil {
		err = m.st.SetMonitorRule(r)
	}
	if err != nil {
		m.saved.Importance = widget.DangerImportance
		m.saved.SetText("未保存：" + err.Error())
		m.saved.Show()
		return
	}
	m.saved.Importance = widget.SuccessImportance
	m.saved.SetText(fmt.Sprintf("已保存：离职或返乡超过%d天未再上岗、在岗超过%d天无回访列为返贫风险", r.OutOfWorkDays, r.QuietDays))
	m.saved.Show()
}

// read takes the two numbers; a field that is not a whole number is named.
func (m *monitorSettings) read() (monitor.Rule, error) {
	var r monitor.Rule
	for _, f := range []struct {
		e     *textEntry
		n     *int
		label string
	}{{m.outOfWork, &r.OutOfWorkDays, "离职未再上岗天数"}, {m.quiet, &r.QuietDays, "在岗无回访天数"}} {
		n, err := strconv.Atoi(strings.TrimSpace(f.e.Text))
		if err != nil {
			return r, fmt.Errorf("%s“%s”应为整数天数", f.label, f.e.Text)
		}
		*f.n = n
	}
	return r, r.Validate()
}
