package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/exchange"
)

// exchangeExport is 导出给合作方: pick a partner, save the file, say what
// went.
type exchangeExport struct {
	x       *exchangeScreen
	view    fyne.CanvasObject
	to      *widget.Select
	button  *widget.Button
	pending *cjkLabel // what the next file would carry
	message *cjkLabel
	targets map[string]partnerRow // by the option's text
	counts  *latest
}

func newExchangeExport(x *exchangeScreen) *exchangeExport {
	e := &exchangeExport{x: x, targets: map[string]partnerRow{}, counts: x.g.newLatest()}
	e.to = widget.NewSelect(nil, func(string) {
		e.button.Enable()
		e.countPending()
	})
	e.to.PlaceHolder = "（选择合作方）"
	e.button = widget.NewButtonWithIcon("导出交换文件…", theme.DocumentSaveIcon(), e.start)
	e.button.Importance = widget.HighImportance
	e.button.Disable()
	e.message = wrapLabel("")
	e.pending = wrapLabel("")
	about := wrapLabel("交换文件包含对方尚未收到的全部变更（劳动者只含本人同意共享的），" +
		"已签名并加密，只有对方能打开；可用U盘、邮件或微信传送。")
	about.Importance = widget.LowImportance
	e.view = container.NewVBox(
		widget.NewForm(widget.NewFormItem("发给", e.to), widget.NewFormItem("待发送", e.pending)),
		container.NewHBox(e.button), about, widget.NewSeparator(), e.message)
	return e
}

// setPartners offers the partners whose cards we hold.
func (e *exchangeExport) setPartners(rows []partnerRow) {
	var options []string
	e.targets = map[string]partnerRow{}
	for _, r := range rows {
		if !r.canExchange() {
			continue
		}
		text := r.Name + "（" + r.ID[:8] + "）"
		options = append(options, text)
		e.targets[text] = r
	}
	e.to.Options = options
	if _, ok := e.targets[e.to.Selected]; !ok {
		e.to.ClearSelected()
		e.button.Disable()
	}
	if len(options) == 1 && e.to.Selected == "" {
		e.to.SetSelected(options[0])
	} else {
		e.countPending()
	}
	e.to.Refresh()
}

// countPending shows what the next file to the chosen partner carries:
// everything it has not acknowledged, so it stays the same after an
// export until the partner's reply arrives.
func (e *exchangeExport) countPending() {
	p, ok := e.targets[e.to.Selected]
	switch {
	case len(e.targets) == 0:
		e.pending.SetText("还没有可以发送的合作方：请先在“合作方”中添加对方的单位名片。")
		return
	case !ok:
		e.pending.SetText("")
		return
	}
	e.pending.SetText("正在统计……")
	e.counts.submit(func() func() {
		c, err := e.x.st.PendingFor(p.ID)
		return func() {
			if err != nil {
				e.pending.SetText("无法统计：" + err.Error())
				return
			}
			if len(c.Ops) == 0 {
				e.pending.SetText("没有新的变更（导出的文件仍会带上本单位的收到确认）")
				return
			}
			tables := map[string]int{}
			for _, r := range c.Rows {
				tables[string(r.Table)]++
			}
			e.pending.SetText(fmt.Sprintf("对方尚未确认收到的变更 %d 条，记录 %d 条（%s）", len(c.Ops), len(c.Rows), countLine(tables)))
		}
	})
}

func (e *exchangeExport) start() {
	p, ok := e.targets[e.to.Selected]
	if !ok {
		return
	}
	self := e.x.st.Office()
	name := exchange.FileName(self.Name, p.Name, e.x.now())
	e.x.g.hooks().pickSave("保存交换文件", name, []string{".duikou"}, func(path string) {
		e.button.Disable()
		e.message.SetText("正在导出……")
		e.x.work.submit(func() func() {
			m, err := e.x.eng.export(p.ID, path)
			return func() {
				e.button.Enable()
				if err != nil {
					e.message.SetText("未导出：" + err.Error())
					return
				}
				e.message.SetText(fmt.Sprintf("已导出交换文件：%s\n发给：%s\n变更 %d 条，记录 %d 条（%s）\n请把这个文件交给对方导入。",
					path, p.Name, m.Counts.Ops, m.Counts.Rows, countLine(m.Counts.Tables)))
				e.x.refresh()
			}
		})
	})
}
