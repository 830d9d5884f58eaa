package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// demandForm adds or edits one 用工需求 of an employer: 工种, headcount,
// work place, wage and age ranges, sex, minimum level, board and lodging,
// contract and validity, each checked as the clerk types.
type demandForm struct {
	s        *employersScreen
	g        *GUI
	orig     *data.Demand
	employer *data.Employer // fixed when opened from an employer
	fm       *form

	employers  []data.Employer // choices when no employer is fixed
	empSelect  *widget.Select
	occ        *occField
	title      *textEntry
	headcount  *textEntry
	filled     *widget.Label
	region     *regionField
	wageMin    *textEntry
	wageMax    *textEntry
	ageMin     *textEntry
	ageMax     *textEntry
	sex        *widget.Select
	minLevel   *widget.Select
	board      *escCheck
	lodging    *escCheck
	contract   *textEntry
	validFrom  *textEntry
	validUntil *textEntry
	status     *widget.Select
	notes      *textEntry
	dirty      bool
	built      fyne.CanvasObject
}

var sexRequirementLabels = []string{data.AnySex.Label(), data.MaleOnly.Label(), data.FemaleOnly.Label()}

func newDemandForm(s *employersScreen, d *data.Demand, e *data.Employer) *demandForm {
	g := s.g
	f := &demandForm{s: s, g: g, orig: d, employer: e, fm: newForm()}
	var empInput fyne.CanvasObject
	if e != nil {
		empInput = widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	} else {
		f.employers, _, _ = s.st.ListEmployers(data.EmployerFilter{}, data.Page{Sort: "name", Limit: 1000})
		names := make([]string, len(f.employers))
		for i, em := range f.employers {
			names[i] = em.Name
		}
		f.empSelect = widget.NewSelect(names, nil)
		f.empSelect.PlaceHolder = "请选择用工单位"
		empInput = f.empSelect
	}
	f.occ = newOccField(g.win, false, "请选择工种")
	f.title = newTextEntry("如：住家保姆、流水线普工")
	f.headcount = newTextEntry("人数")
	f.filled = widget.NewLabel("0 人（按已录用、已上岗的就业安置自动统计）")
	f.filled.Importance = widget.LowImportance
	f.region = newRegionField(g.win, true, false, "请选择工作地点所在区县", f.regionStart)
	f.wageMin = newTextEntry("下限，如 4500")
	f.wageMax = newTextEntry("上限，如 6500")
	f.ageMin = newTextEntry("最小，如 18")
	f.ageMax = newTextEntry("最大，如 55")
	f.sex = widget.NewSelect(sexRequirementLabels, nil)
	f.sex.PlaceHolder = "请选择"
	f.minLevel = widget.NewSelect(levelLabels(), nil)
	f.minLevel.PlaceHolder = "请选择"
	f.board = newCheck("包吃", nil)
	f.lodging = newCheck("包住", nil)
	f.contract = newTextEntry("月数，如 12")
	f.validFrom = newTextEntry("开始日期，如 2026-01-01")
	f.validUntil = newTextEntry("截止日期，如 2026-06-30")
	f.status = widget.NewSelect(labelsOf(data.DemandStatuses), nil)
	f.status.PlaceHolder = "请选择"
	f.notes = newMultiLineEntry("岗位要求、工作时间、面试地点等")

	f.addFields(empInput)
	f.load()
	f.watch()
	f.build()
	return f
}

func (f *demandForm) regionStart() string {
	if f.employer != nil {
		return f.employer.Region
	}
	return f.s.g.officeRegion()
}

// between lays out a "from – to" pair.
func between(a, b fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, nil,
		container.NewGridWithColumns(2, a, container.NewBorder(nil, nil, widget.NewLabel("至"), nil, b)))
}

// addRange adds a field of two entries, lo 至 hi. Its check reads each end
// with parse, a bad one's message led by its name (loName, hiName), and
// then the two together with order.
func addRange[T any](fm *form, key, label string, lo, hi *textEntry, parse func(string) (T, string), loName, hiName string, order func(lo, hi T) string) {
	fd := fm.add(newFormField(key, label, false, between(lo, hi)))
	fd.focus = lo
	fd.check = func() string {
		a, msg := parse(lo.Text)
		if msg != "" {
			return loName + msg
		}
		b, msg := parse(hi.Text)
		if msg != "" {
			return hiName + msg
		}
		return order(a, b)
	}
}

func (f *demandForm) addFields(empInput fyne.CanvasObject) {
	fm := f.fm
	emp := fm.add(newFormField("EmployerID", "用工单位", true, empInput))
	emp.check = func() string {
		if f.employer == nil && (f.empSelect == nil || f.empSelect.SelectedIndex() < 0) {
			return "请选择用工单位"
		}
		return ""
	}
	fm.addPicked("Occupation", "工种", f.occ, "请选择工种")
	fm.add(newFormField("Title", "岗位名称", false, f.title)).check = atMost(f.title, 100, false)
	fm.add(newFormField("Headcount", "招聘人数", true, f.headcount)).check = func() string {
		if strings.TrimSpace(f.headcount.Text) == "" {
			return "不能为空"
		}
		n, msg := parseOptionalInt(f.headcount.Text, "招聘人数")
		if msg != "" {
			return msg
		}
		if n == 0 {
			return "须大于0"
		}
		return ""
	}
	fm.add(newFormField("Filled", "已招人数", false, f.filled))
	fm.addPicked("WorkRegion", "工作地点", f.region, "请选择工作地点所在的区县")
	addRange(fm, "WageMin", "月工资（元）", f.wageMin, f.wageMax, parseYuanText, "下限：", "上限：", func(min, max data.Fen) string {
		if max > 0 && min > max {
			return fmt.Sprintf("下限%s元高于上限%s元", min, max)
		}
		return ""
	})
	age := fm.add(newFormField("AgeMin", "年龄要求", false, between(f.ageMin, f.ageMax)))
	age.focus = f.ageMin
	age.check = func() string {
		min, msg := parseOptionalInt(f.ageMin.Text, "年龄下限")
		if msg != "" {
			return msg
		}
		max, msg := parseOptionalInt(f.ageMax.Text, "年龄上限")
		if msg != "" {
			return msg
		}
		switch {
		case min > 0 && min < 16:
			return "下限不能低于16岁（禁止使用童工）"
		case max > 0 && max < 16:
			return "上限不能低于16岁"
		case max > 0 && min > max:
			return fmt.Sprintf("下限%d岁高于上限%d岁", min, max)
		}
		return ""
	}
	fm.add(newFormField("SexRequirement", "性别要求", false, f.sex))
	fm.add(newFormField("MinLevel", "最低技能等级", false, f.minLevel))
	fm.add(newFormField("Board", "食宿", false, container.NewHBox(f.board, f.lodging)))
	fm.add(newFormField("ContractMonths", "合同期限（月）", false, f.contract)).check = func() string {
		_, msg := parseOptionalInt(f.contract.Text, "合同期限")
		return msg
	}
	addRange(fm, "ValidUntil", "有效期", f.validFrom, f.validUntil, parseDateText, "开始日期：", "截止日期：", func(from, until data.Date) string {
		if !from.IsZero() && !until.IsZero() && until.Before(from) {
			return fmt.Sprintf("截止日期%s早于开始日期%s", until, from)
		}
		return ""
	})
	fm.add(newFormField("Status", "状态", true, f.status))
	fm.add(newFormField("Notes", "备注", false, f.notes)).check = atMost(f.notes, 1000, false)
}

func (f *demandForm) load() {
	d := f.orig
	if d == nil {
		f.sex.SetSelected(data.AnySex.Label())
		f.minLevel.SetSelected(levelLabels()[0])
		f.status.SetSelected(data.DemandOpen.Label())
		today := f.s.st.Today()
		f.validFrom.SetText(today.String())
		f.validUntil.SetText(today.AddDays(90).String())
		if f.employer != nil {
			f.region.set(f.employer.Region, false)
		}
		return
	}
	f.occ.set(d.Occupation, false)
	f.title.SetText(d.Title)
	f.headcount.SetText(intText(d.Headcount))
	f.filled.SetText(fmt.Sprintf("%d 人（按已录用、已上岗的就业安置自动统计）", d.Filled))
	f.region.set(d.WorkRegion, false)
	f.wageMin.SetText(yuanText(d.WageMin))
	f.wageMax.SetText(yuanText(d.WageMax))
	f.ageMin.SetText(intText(d.AgeMin))
	f.ageMax.SetText(intText(d.AgeMax))
	f.sex.SetSelected(d.SexRequirement.Label())
	f.minLevel.SetSelected(d.MinLevel.Label())
	f.board.SetChecked(d.Board)
	f.lodging.SetChecked(d.Lodging)
	f.contract.SetText(intText(d.ContractMonths))
	f.validFrom.SetText(d.ValidFrom.String())
	f.validUntil.SetText(d.ValidUntil.String())
	f.status.SetSelected(d.Status.Label())
	f.notes.SetText(d.Notes)
}

func (f *demandForm) watch() {
	fm := f.fm
	touch := func() { f.dirty = true }
	on := func(key string, entries ...*textEntry) {
		field := fm.byKey[key]
		for _, en := range entries {
			en.OnChanged = func(string) { touch(); field.revalidate() }
		}
	}
	on("Title", f.title)
	on("Headcount", f.headcount)
	on("WageMin", f.wageMin, f.wageMax)
	on("AgeMin", f.ageMin, f.ageMax)
	on("ContractMonths", f.contract)
	on("ValidUntil", f.validFrom, f.validUntil)
	on("Notes", f.notes)
	f.occ.onChanged = func(key string) {
		touch()
		fm.byKey["Occupation"].revalidate()
		if strings.TrimSpace(f.title.Text) == "" {
			f.title.SetText(occName(key)) // a sensible title the clerk can change
		}
	}
	f.region.onChanged = func(string) { touch(); fm.byKey["WorkRegion"].revalidate() }
	if f.empSelect != nil {
		f.empSelect.OnChanged = func(string) {
			touch()
			fm.byKey["EmployerID"].revalidate()
			if i := f.empSelect.SelectedIndex(); i >= 0 && f.region.code == "" {
				f.region.set(f.employers[i].Region, false)
			}
		}
	}
	for _, sel := range []*widget.Select{f.sex, f.minLevel, f.status} {
		sel.OnChanged = func(string) { touch() }
	}
	f.board.OnChanged = func(bool) { touch() }
	f.lodging.OnChanged = func(bool) { touch() }
}

func (f *demandForm) build() {
	k := f.fm.byKey
	var del func()
	if f.orig != nil {
		del = f.doDelete
	}
	job := section("岗位", "", f.fm.grid(k["EmployerID"], k["Occupation"], k["Title"], k["Headcount"],
		k["Filled"], k["WorkRegion"], k["Status"], k["ValidUntil"]))
	terms := section("条件与待遇", "", f.fm.grid(k["WageMin"], k["AgeMin"], k["SexRequirement"],
		k["MinLevel"], k["Board"], k["ContractMonths"], k["Notes"]))
	f.built = formPage(f.fm, container.NewGridWithColumns(2, job, terms), f.doSave, f.doCancel, del)
}

func (f *demandForm) view() fyne.CanvasObject { return f.built }

func (f *demandForm) shown() {
	switch {
	case f.orig != nil && f.employer != nil:
		f.g.setHeading("用工需求 › " + f.employer.Name + " · " + orNone(f.orig.Title))
	case f.employer != nil:
		f.g.setHeading("用工需求 › " + f.employer.Name + " · 新增用工需求")
	default:
		f.g.setHeading("用工需求 › 新增用工需求")
	}
	f.g.setActions(actions{Save: f.doSave, Cancel: f.doCancel})
	f.g.focus(f.headcount)
}

func (f *demandForm) employerID() string {
	if f.employer != nil {
		return f.employer.ID
	}
	if f.empSelect != nil {
		if i := f.empSelect.SelectedIndex(); i >= 0 {
			return f.employers[i].ID
		}
	}
	return ""
}

func (f *demandForm) demand() *data.Demand {
	d := &data.Demand{}
	if f.orig != nil {
		*d = *f.orig
		d.Employer = nil
	}
	d.EmployerID = f.employerID()
	d.Occupation = f.occ.code
	d.Title = strings.TrimSpace(f.title.Text)
	d.Headcount, _ = parseOptionalInt(f.headcount.Text, "")
	d.WorkRegion = f.region.code
	d.WageMin, _ = parseYuanText(f.wageMin.Text)
	d.WageMax, _ = parseYuanText(f.wageMax.Text)
	d.AgeMin, _ = parseOptionalInt(f.ageMin.Text, "")
	d.AgeMax, _ = parseOptionalInt(f.ageMax.Text, "")
	d.SexRequirement = data.SexRequirement(f.sex.SelectedIndex())
	d.MinLevel = levelOf(f.minLevel.Selected)
	d.Board, d.Lodging = f.board.Checked, f.lodging.Checked
	d.ContractMonths, _ = parseOptionalInt(f.contract.Text, "")
	d.ValidFrom, _ = parseDateText(f.validFrom.Text)
	d.ValidUntil, _ = parseDateText(f.validUntil.Text)
	d.Status = data.DemandStatus(codeForLabel(data.DemandStatuses, f.status.Selected))
	d.Notes = strings.TrimSpace(f.notes.Text)
	return d
}

func (f *demandForm) doSave() {
	saveForm(f.fm, f.g, f.s.st, openedAs(f.orig), f.demand, func(d *data.Demand) {
		f.s.closeForm(d.EmployerID)
		f.s.say(fmt.Sprintf("已保存用工需求“%s”", orNone(d.Title)))
	})
}

func (f *demandForm) doCancel() {
	id := f.employerID()
	f.g.leaveForm(f.dirty, func() { f.s.closeForm(id) })
}

func (f *demandForm) doDelete() {
	d := f.orig
	f.g.deleteRecord(f.s.st, "删除用工需求",
		fmt.Sprintf("确定删除用工需求“%s”（%d人）吗？删除后列表中不再显示，与合作方交换数据时对方也会删除。", orNone(d.Title), d.Headcount),
		&data.Demand{Synced: data.Synced{ID: d.ID}}, func() {
			f.s.closeForm(d.EmployerID)
			f.s.say(fmt.Sprintf("已删除用工需求“%s”", orNone(d.Title)))
		})
}
