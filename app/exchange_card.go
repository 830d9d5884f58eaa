package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/catalog"
)

// exchangeCard is 本单位名片: who this office is to its partners, and the
// fingerprint the clerk reads out on the phone when a partner adds the
// card.
type exchangeCard struct {
	x    *exchangeScreen
	view fyne.CanvasObject
	// print is the fingerprint in eight groups of four.
	print *widget.Label
}

func newExchangeCard(x *exchangeScreen) *exchangeCard {
	c := &exchangeCard{x: x}
	o := x.st.Office()
	fp, err := x.eng.fingerprint()
	if err != nil {
		fp = err.Error()
	}
	c.print = widget.NewLabelWithStyle(fp, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	c.print.Selectable = true
	id := widget.NewLabel(o.ID)
	id.Selectable = true
	save := widget.NewButtonWithIcon("导出名片…", theme.DocumentSaveIcon(), c.saveCard)
	hint := widget.NewLabel("把名片文件发给合作方；对方添加后会打电话核对指纹，请逐组读出上面的指纹。")
	hint.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem("工会名称", widget.NewLabel(o.Name+"（"+catalog.FullName(o.Region)+"，"+roleShort(o.Role)+"）")),
		widget.NewFormItem("单位编号", id),
		widget.NewFormItem("指纹", c.print),
	)
	c.view = widget.NewCard("本单位名片", "", container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewVBox(save), form), hint))
	return c
}

// saveCard writes this office's card where the clerk chooses.
func (c *exchangeCard) saveCard() {
	o := c.x.st.Office()
	c.x.g.hooks().pickSave("导出本单位名片", "对口名片-"+o.Name+".json", []string{".json"}, func(path string) {
		if err := c.x.eng.writeCard(path); err != nil {
			c.x.g.showError("未导出名片", err)
			return
		}
		c.x.g.showText("已导出名片", "已导出本单位名片："+path+"\n请发给合作方，并在电话里向对方读出指纹："+c.print.Text)
	})
}
