package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/assets"
	"duikou/data"
)

// setupScreen is the first-run set-up: which union runs this copy, where,
// in which role, and who the clerk is (for the audit log).
type setupScreen struct {
	g      *GUI
	st     OfficeStore
	fm     *form
	name   *textEntry
	region *regionField
	role   *widget.RadioGroup
	clerk  *textEntry
	start  *widget.Button
	built  fyne.CanvasObject
}

func newSetupScreen(g *GUI, st OfficeStore) *setupScreen {
	s := &setupScreen{g: g, st: st, fm: newForm()}
	s.name = newTextEntry("如：榆中县总工会")
	s.region = newRegionField(g.win, false, false, "请选择本单位所在地区", nil)
	s.role = widget.NewRadioGroup(labelsOf(data.OfficeRoles), nil)
	s.role.Horizontal = false
	s.clerk = newTextEntry("您的姓名，写入操作日志")

	nameF := s.fm.add(newFormField("Name", "工会名称", true, s.name))
	nameF.check = filled(s.name, "请填写本单位工会的全称")
	s.name.OnChanged = func(string) { nameF.revalidate() }
	regionF := s.fm.addPicked("Region", "所在地区", s.region, "请选择所在地区（县级工会选到区县，市级工会选到市）")
	s.region.onChanged = func(string) { regionF.revalidate() }
	roleF := s.fm.add(newFormField("Role", "本单位角色", true, s.role))
	roleF.check = func() string {
		if s.role.Selected == "" {
			return "请选择输出地、输入地或双向"
		}
		return ""
	}
	s.role.OnChanged = func(string) { roleF.revalidate() }
	clerkF := s.fm.add(newFormField("ClerkName", "经办人", true, s.clerk))
	clerkF.check = filled(s.clerk, "请填写经办人姓名")
	s.clerk.OnChanged = func(string) { clerkF.revalidate() }
	s.start = widget.NewButton("开始使用", s.save)
	s.start.Importance = widget.HighImportance

	title := widget.NewLabelWithStyle("欢迎使用"+AppName, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := wrapLabel("第一次使用，请先登记本单位。输出地工会登记外出务工的劳动者，输入地工会收集用工单位的用工需求；" +
		"两地交换数据时，对方会看到这里填写的工会名称和地区。")
	logo := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(72, 72))
	// The form scrolls and 开始使用 stays below it, so error messages
	// under the fields never push the button out of a small window.
	fields := container.NewVBox(container.NewCenter(logo), title, intro,
		s.fm.grid(nameF, regionF, roleF, clerkF), s.fm.summary)
	s.built = withWidth(640, scrollAboveFooter(fields,
		widget.NewSeparator(), container.NewHBox(layout.NewSpacer(), s.start)))
	return s
}

func (s *setupScreen) view() fyne.CanvasObject { return s.built }

func (s *setupScreen) shown() {
	s.g.setActions(actions{Save: s.save})
	s.g.focus(s.name)
}

func (s *setupScreen) save() {
	if !s.fm.checkAll() {
		return
	}
	role := data.OfficeRole(codeForLabel(data.OfficeRoles, s.role.Selected))
	if _, err := s.st.SetupOffice(s.name.Text, s.region.code, role, s.clerk.Text); err != nil {
		s.fm.refuseError(err)
		return
	}
	s.g.setup = nil
	s.g.showMain()
}
