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
	comingPlacements = comingSoon{
		icon:    theme.IconNameConfirm,
		summary: "就业安置：记录每位劳动者从推荐到上岗的每一步（即将推出）",
		points: []string{
			"已推荐 → 已面试 → 已录用 → 已上岗 → 已离职或已返乡，每步记日期",
			"劳动合同签订情况、社会保险和工伤保险，以及负责跟进的工会",
			"打印推荐名单（A4 横向，含经办人、审核人签字栏），发车前交给带队人员",
			"上岗后自动安排 7 天、30 天、90 天回访",
		},
	}
	comingFollowUps = comingSoon{
		icon:    theme.IconNameHistory,
		summary: "跟踪服务：回访、送温暖慰问和维权求助的台账（即将推出）",
		points: []string{
			"到期和逾期的回访排在首页最前面，电话、上门、微信都可记录",
			"欠薪、劳动争议、工伤求助：登记金额和处理结果，移交合作方工会",
			"送温暖慰问、心理健康、技能培训、困难帮扶、疗休养",
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
