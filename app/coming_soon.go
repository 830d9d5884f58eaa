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
	comingExchange = comingSoon{
		icon:    theme.IconNameMailSend,
		summary: "数据交换：与对口合作的工会互传劳动者和用工需求（即将推出）",
		points: []string{
			"导出给合作方的数据文件：签名并加密，可用U盘、邮件或微信传送",
			"导入对方的文件前先预览，导入前自动备份，同一文件导入两次不会重复",
			"双方同时修改同一条记录时，不会悄悄丢掉任何一方填写的内容",
			"只交换本人同意共享的劳动者信息（个人信息保护法）",
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
