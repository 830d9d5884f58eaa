package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/ident"
)

// industries are offered in the industry box; the clerk may type another.
var industries = []string{"家政服务", "养老服务", "制造业", "电子信息", "纺织服装", "建筑业", "装饰装修",
	"交通运输与物流", "餐饮住宿", "批发零售", "物业管理", "保安服务", "农林牧渔", "互联网平台", "其他"}

// employerForm adds or edits one employer, checking the unified social
// credit code (GB 32100) as it is typed.
type employerForm struct {
	s    *employersScreen
	g    *GUI
	orig *data.Employer
	fm   *form

	name, code, address, contact, phone, notes *textEntry
	region                                     *regionField
	industry                                   *widget.SelectEntry
	union                                      *escCheck
	dirty                                      bool
	built                                      fyne.CanvasObject
}

func newEmployerForm(s *employersScreen, e *data.Employer) *employerForm {
	g := s.g
	f := &employerForm{s: s, g: g, orig: e, fm: newForm()}
	f.name = newTextEntry("营业执照上的单位名称")
	f.code = newTextEntry("18位统一社会信用代码")
	f.region = newRegionField(g.win, true, false, "请选择单位所在区县", s.g.officeRegion)
	f.address = newTextEntry("街道、门牌号")
	f.contact = newTextEntry("联系人姓名")
	f.phone = newTextEntry("手机或座机，如 025-52345678")
	f.industry = widget.NewSelectEntry(industries)
	f.industry.PlaceHolder = "选择或填写"
	f.union = newCheck("本单位已建立工会", nil)
	f.notes = newMultiLineEntry("其他需要说明的情况")

	fm := f.fm
	fm.add(newFormField("Name", "单位名称", true, f.name)).check = filledAtMost(f.name, 100)
	fm.add(newFormField("CreditCode", "统一社会信用代码", true, f.code)).check = func() string {
		if _, err := ident.NormalizeCreditCode(f.code.Text); err != nil {
			return err.Error()
		}
		return ""
	}
	rf := fm.addPicked("Region", "所在地", f.region, "请选择单位所在的区县")
	fm.add(newFormField("Address", "地址", false, f.address)).check = atMost(f.address, 200, false)
	fm.add(newFormField("Contact", "联系人", false, f.contact)).check = atMost(f.contact, 32, true)
	fm.add(newFormField("ContactPhone", "联系电话", false, f.phone)).check = func() string {
		p := strings.TrimSpace(f.phone.Text)
		if len(p) > 20 {
			return "不能超过20个字符"
		}
		for _, r := range p {
			if !strings.ContainsRune("0123456789-+() 转", r) {
				return fmt.Sprintf("含有不应出现的字符“%c”", r)
			}
		}
		return ""
	}
	fm.add(newFormField("Industry", "行业", false, f.industry))
	fm.add(newFormField("HasUnion", "工会", false, f.union))
	fm.add(newFormField("Notes", "备注", false, f.notes)).check = atMost(f.notes, 1000, false)

	if e != nil {
		f.name.SetText(e.Name)
		f.code.SetText(e.CreditCode)
		f.region.set(e.Region, false)
		f.address.SetText(e.Address)
		f.contact.SetText(e.Contact)
		f.phone.SetText(e.ContactPhone)
		f.industry.SetText(e.Industry)
		f.union.SetChecked(e.HasUnion)
		f.notes.SetText(e.Notes)
	}
	touch := func() { f.dirty = true }
	for key, en := range map[string]*textEntry{"Name": f.name, "Address": f.address, "Contact": f.contact,
		"ContactPhone": f.phone, "Notes": f.notes} {
		field := fm.byKey[key]
		en.OnChanged = func(string) { touch(); field.revalidate() }
	}
	f.code.OnChanged = f.codeChanged
	f.region.onChanged = func(string) { touch(); rf.revalidate() }
	f.industry.OnChanged = func(string) { touch() }
	f.union.OnChanged = func(bool) { touch() }

	k := fm.byKey
	card := section("单位信息", "", fm.grid(k["Name"], k["CreditCode"], k["Region"], k["Address"],
		k["Contact"], k["ContactPhone"], k["Industry"], k["HasUnion"], k["Notes"]))
	// Deleting an employer is the screen's (删除单位 beside its details).
	f.built = formPage(fm, container.NewGridWithColumns(2, card, layout.NewSpacer()), f.doSave, f.doCancel, nil)
	return f
}

// codeChanged shows progress until 18 characters, then the verdict.
func (f *employerForm) codeChanged(s string) {
	f.dirty = true
	field := f.fm.byKey["CreditCode"]
	t := idDigits(s)
	if t != "" && len([]rune(t)) < 18 {
		field.setHint(fmt.Sprintf("已输入%d位，还差%d位", len([]rune(t)), 18-len([]rune(t))))
		return
	}
	if field.revalidate() == "" && t != "" {
		field.setOK("校验通过")
	} else if t == "" {
		field.setHint("")
	}
}

func (f *employerForm) view() fyne.CanvasObject { return f.built }

func (f *employerForm) shown() {
	if f.orig == nil {
		f.g.setHeading("用工单位与需求 › 新增用工单位")
	} else {
		f.g.setHeading("用工单位与需求 › " + f.orig.Name)
	}
	f.g.setActions(actions{Save: f.doSave, Cancel: f.doCancel})
	f.g.focus(f.name)
}

func (f *employerForm) doSave() {
	saveForm(f.fm, f.g, f.s.st, openedAs(f.orig), f.employer, func(e *data.Employer) {
		f.s.closeForm(e.ID)
		f.s.say(fmt.Sprintf("已保存用工单位“%s”", e.Name))
	})
}

// employer is the record as the form holds it: a copy of the one opened
// (nil: a new one) with the form's fields.
func (f *employerForm) employer() *data.Employer {
	e := &data.Employer{}
	if f.orig != nil {
		*e = *f.orig
	}
	e.Name = strings.TrimSpace(f.name.Text)
	e.CreditCode = f.code.Text
	e.Region = f.region.code
	e.Address = strings.TrimSpace(f.address.Text)
	e.Contact = strings.TrimSpace(f.contact.Text)
	e.ContactPhone = strings.TrimSpace(f.phone.Text)
	e.Industry = strings.TrimSpace(f.industry.Text)
	e.HasUnion = f.union.Checked
	e.Notes = strings.TrimSpace(f.notes.Text)
	return e
}

func (f *employerForm) doCancel() {
	id := ""
	if f.orig != nil {
		id = f.orig.ID
	}
	f.g.leaveForm(f.dirty, func() { f.s.closeForm(id) })
}
