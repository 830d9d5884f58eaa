package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportHeaderSettings is the 设置 section for the 负责人 and 联系电话
// printed in the header of every 统计报表 (the 填表人 is the clerk above).
type reportHeaderSettings struct {
	st          ReportHeaderStore
	head, phone *textEntry
	saved       *cjkLabel
}

func newReportHeaderSettings(st ReportHeaderStore) *reportHeaderSettings {
	r := &reportHeaderSettings{st: st, head: newTextEntry("如：张建国"), phone: newTextEntry("如：0931-5221234"),
		saved: wrapLabel("")}
	head, phone, err := st.ReportHeader()
	if err != nil {
		r.fail(err)
	}
	r.head.SetText(head)
	r.phone.SetText(phone)
	r.head.OnSubmitted = func(string) { r.save() }
	r.phone.OnSubmitted = func(string) { r.save() }
	if err == nil {
		r.saved.Hide()
	}
	return r
}

func (r *reportHeaderSettings) view() fyne.CanvasObject {
	save := widget.NewButtonWithIcon("保存表头", theme.DocumentSaveIcon(), r.save)
	form := container.New(layout.NewFormLayout(), widget.NewLabel("负责人"), r.head, widget.NewLabel("联系电话"), r.phone)
	return section("统计报表表头", "打印、导出和报出统计报表时表头填写的负责人和联系电话；已报出的报表保留报出时的表头。",
		container.NewVBox(form, container.NewHBox(layout.NewSpacer(), save), r.saved))
}

func (r *reportHeaderSettings) save() {
	if err := r.st.SetReportHeader(r.head.Text, r.phone.Text); err != nil {
		r.fail(err)
		return
	}
	r.saved.Importance = widget.SuccessImportance
	r.saved.SetText("已保存，之后的统计报表表头按此填写")
	r.saved.Show()
}

func (r *reportHeaderSettings) fail(err error) {
	r.saved.Importance = widget.DangerImportance
	r.saved.SetText("未保存：" + err.Error())
	r.saved.Show()
}
