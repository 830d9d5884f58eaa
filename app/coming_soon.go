package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// comingSoon describes a screen whose feature is not built yet, so the
// clerk sees what will be there instead of a blank page.
type comingSoon struct {
	icon    fyne.ThemeIconName // resolved when shown: the theme exists only once the app does
	summary string
	points  []string
}

var (
	comingMatch = comingSoon{
		icon:    theme.IconNameSearch,
		summary: "匹配推荐：按工种、技能和地点为用工需求推荐劳动者（即将推出）",
		points: []string{
			"选一条用工需求，列出最合适的劳动者：同工种优先，相近工种也会列出并注明相关程度",
			"逐项说明匹配与不足：技能等级、意向地区、期望工资、到岗时间、性别和年龄要求",
			"分为“强匹配”和“可考虑”两档，一百万劳动者中也能即时给出结果",
			"招聘会分配：多条需求、多名劳动者一次排定，每人只推荐一次，总体最合适",
		},
	}
)

type comingSoonScreen struct {
	g     *GUI
	c     comingSoon
	built fyne.CanvasObject
}

func newComingSoon(g *GUI, c comingSoon) *comingSoonScreen { return &comingSoonScreen{g: g, c: c} }

func (s *comingSoonScreen) view() fyne.CanvasObject {
	if s.built != nil {
		return s.built
	}
	icon := widget.NewIcon(theme.Icon(s.c.icon))
	summary := widget.NewLabelWithStyle(s.c.summary, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	summary.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, p := range s.c.points {
		l := widget.NewLabel("• " + p)
		l.Wrapping = fyne.TextWrapWord
		list.Add(l)
	}
	note := widget.NewLabel("这一功能正在开发中，完成后会出现在这里；现在可以先在“劳动者”和“用工单位与需求”中登记数据。")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	card := widget.NewCard("", "", container.NewVBox(
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(48, 48), icon), nil, summary),
		widget.NewSeparator(), list, widget.NewSeparator(), note))
	s.built = container.NewVBox(card)
	return s.built
}

func (s *comingSoonScreen) shown() {}
