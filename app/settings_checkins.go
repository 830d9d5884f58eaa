package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/storage"
)

// checkInSettings is the 设置 section for the days after starting work on
// which check-in calls are scheduled (7, 30 and 90 by default).
type checkInSettings struct {
	g     *GUI
	st    CheckInStore
	days  *textEntry
	saved *widget.Label
}

func newCheckInSettings(g *GUI, st CheckInStore) *checkInSettings {
	c := &checkInSettings{g: g, st: st, days: newTextEntry("如 7,30,90"), saved: widget.NewLabel("")}
	c.days.SetText(daysText(st.CheckInDays()))
	c.days.OnSubmitted = func(string) { c.save() }
	c.saved.Wrapping = fyne.TextWrapWord
	c.saved.Hide()
	return c
}

func daysText(days []int) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, ",")
}

func (c *checkInSettings) view() fyne.CanvasObject {
	save := widget.NewButtonWithIcon("保存回访天数", theme.DocumentSaveIcon(), c.save)
	return section("回访安排", "劳动者上岗后第几天自动安排电话回访；用逗号分开，如 7,30,90。只影响以后上岗的劳动者。",
		container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("上岗后第"), container.NewHBox(widget.NewLabel("天"), save), c.days),
			c.saved))
}

func (c *checkInSettings) save() {
	days, err := storage.ParseCheckInDays(c.days.Text)
	if err == nil {
		err = c.st.SetCheckInDays(days)
	}
	if err != nil {
		c.saved.Importance = widget.DangerImportance
		c.saved.SetText("未保存：" + err.Error())
		c.saved.Show()
		return
	}
	c.days.SetText(daysText(days))
	c.saved.Importance = widget.SuccessImportance
	c.saved.SetText("已保存：上岗后第 " + strings.ReplaceAll(daysText(days), ",", "、") + " 天回访")
	c.saved.Show()
}
