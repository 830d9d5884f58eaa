package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/exchange"
)

// partnerRow is a pinned partner with its last file each way.
type partnerRow struct {
	data.Partner
	lastOut, lastIn time.Time
}

// canExchange: files go only to a partner whose card (keys) we hold.
func (p partnerRow) canExchange() bool { return p.Fingerprint != "" && p.AgeRecipient != "" }

// exchangePartners is 合作方: the pinned partners and 添加合作方.
type exchangePartners struct {
	x    *exchangeScreen
	view fyne.CanvasObject
	list *fyne.Container
}

var partnerColumns = []string{"工会名称", "所在地区", "单位编号", "指纹", "最近发出", "最近收到"}

func newExchangePartners(x *exchangeScreen) *exchangePartners {
	p := &exchangePartners{x: x, list: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加合作方…", theme.ContentAddIcon(), p.add)
	add.Importance = widget.HighImportance
	hint := widget.NewLabel("打开合作方发来的单位名片文件，电话核对指纹后添加。")
	hint.Importance = widget.LowImportance
	p.view = container.NewBorder(container.NewHBox(add, hint), nil, nil, nil, container.NewVScroll(p.list))
	return p
}

func (p *exchangePartners) set(rows []partnerRow) {
	showGrid(p.list, partnerColumns, rows, "还没有合作方。请向对方要单位名片文件，再点“添加合作方…”。", func(r partnerRow) []fyne.CanvasObject {
		fp := r.Fingerprint
		if fp == "" {
			fp = "（未导入名片，不能交换）"
		}
		return []fyne.CanvasObject{wrapLabel(r.Name), wrapLabel(catalog.FullName(r.Region)), wrapLabel(r.ID),
			wrapLabel(fp), widget.NewLabel(when(r.lastOut)), widget.NewLabel(when(r.lastIn))}
	})
}

// add opens a card file and asks the clerk to check the fingerprint with
// the partner by phone before pinning it: the file may have been swapped
// on the way, the phone call is the check that it was not.
func (p *exchangePartners) add() {
	p.x.g.hooks().pickOpen("选择合作方的单位名片", []string{".json"}, func(path string) {
		card, err := p.x.eng.readCard(path)
		if err != nil {
			p.x.g.showError("无法添加合作方", err)
			return
		}
		p.confirm(card)
	})
}

func (p *exchangePartners) confirm(card exchange.Card) {
	fp := widget.NewLabelWithStyle(exchange.Fingerprint(card), fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	body := container.NewVBox(
		widget.NewForm(
			widget.NewFormItem("工会名称", widget.NewLabel(card.Name)),
			widget.NewFormItem("所在地区", widget.NewLabel(catalog.FullName(card.Region))),
			widget.NewFormItem("单位编号", widget.NewLabel(card.OfficeID)),
			widget.NewFormItem("指纹", fp),
		),
		wrapLabel("请给对方打电话，请对方读出其“本单位名片”上的指纹，逐组核对与上面完全一致后再添加。"+
			"不一致说明名片在传送中被替换，请不要添加。"),
	)
	d := dialog.NewCustomConfirm("核对合作方指纹", "指纹一致，添加", "取消",
		container.NewGridWrap(fyne.NewSize(520, 260), body), func(ok bool) {
			if !ok {
				return
			}
			added, err := p.x.eng.pin(card)
			if err != nil {
				p.x.g.showError("未添加合作方", err)
				return
			}
			p.x.refresh()
			p.x.g.showText("已添加合作方", "已添加合作方："+added.Name+"\n指纹："+added.Fingerprint)
		}, p.x.g.win)
	d.Show()
}
