package app

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/width"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
)

// workerForm adds or edits one worker: every field of the design, each
// checked as the clerk types (the ID number's check digit, the birth date
// and sex read from it, the phone), and the Store's verdict placed next to
// the field it concerns when a save is refused.
type workerForm struct {
	s    *workersScreen
	g    *GUI
	orig *data.Worker // nil for a new worker
	fm   *form

	name, idNumber, phone, address *textEntry
	birth, sex                     *widget.Label
	hukou                          *regionField
	education, poverty, status     *widget.Select
	skills                         *skillsEditor
	trainings                      *trainingsEditor
	desiredRegions                 *regionListField
	desiredOccs                    *occListField
	wage, available                *textEntry
	consent                        *escCheck
	consentDate                    *textEntry
	notes                          *textEntry
	registered                     *textEntry // 登记日期

	// idShown and phoneShown mask a stored worker's 身份证号 and 联系电话
	// until the clerk taps 显示 (reveal_field.go).
	idShown, phoneShown *revealField

	dirty bool
	built fyne.CanvasObject
}

func newWorkerForm(s *workersScreen, w *data.Worker) *workerForm {
	g := s.g
	f := &workerForm{s: s, g: g, orig: w, fm: newForm()}
	f.name = newTextEntry("如：王秀兰")
	f.idNumber = newTextEntry("18位公民身份号码")
	f.phone = newTextEntry("手机号，或带区号的固定电话")
	f.idShown = f.revealable(f.idNumber, "身份证号")
	f.phoneShown = f.revealable(f.phone, "联系电话")
	f.address = newTextEntry("乡镇、村、组")
	f.birth = widget.NewLabel("由身份证号自动填写")
	f.birth.Importance = widget.LowImportance
	f.sex = widget.NewLabel("由身份证号自动填写")
	f.sex.Importance = widget.LowImportance
	f.hukou = newRegionField(g.win, true, false, "请选择户籍所在区县", s.g.officeRegion)
	f.education = widget.NewSelect(labelsOf(data.Educations), nil)
	f.education.PlaceHolder = "请选择"
	f.poverty = widget.NewSelect(labelsOf(data.Poverties), nil)
	f.poverty.PlaceHolder = "请选择"
	f.status = widget.NewSelect(labelsOf(data.WorkerStatuses), nil)
	f.status.PlaceHolder = "请选择"
	f.skills = newSkillsEditor(g.win)
	f.trainings = newTrainingsEditor()
	f.desiredRegions = newRegionListField(g.win, f.partnerStart)
	f.desiredOccs = newOccListField(g.win)
	f.wage = newTextEntry("如：5000")
	f.available = newTextEntry("如：2026-03-01")
	f.consent = newCheck("本人同意共享给对口合作的工会", nil)
	f.consentDate = newTextEntry("同意日期，如：2026-01-15")
	f.notes = newMultiLineEntry("其他需要说明的情况")
	f.registered = newTextEntry("如：2026-01-15")

	f.addFields()
	f.load(w)
	f.watch()
	f.build()
	return f
}

// revealable masks e for a stored worker; 显示 is audited under the
// field's name and the worker's masked ID number.
func (f *workerForm) revealable(e *textEntry, field string) *revealField {
	r := newRevealField(e)
	r.reveal = func() error {
		return f.s.st.AuditReveal(data.TableWorkers, f.orig.ID,
			"在劳动者表单中显示"+field+"："+f.orig.Name+"（"+ident.MaskID(f.orig.IDNumber)+"）")
	}
	r.onError = func(err error) { f.g.showError("无法显示"+field, err) }
	return r
}

// partnerStart opens the desired-region chooser at the office's province.
func (f *workerForm) partnerStart() string {
	if o := f.s.st.Office(); o != nil {
		if chain := catalog.Chain(o.Region); len(chain) > 0 {
			return chain[0].Code
		}
	}
	return ""
}

func (f *workerForm) addFields() {
	fm := f.fm
	fm.add(newFormField("Name", "姓名", true, f.name)).check = filledAtMost(f.name, 32)
	id := fm.add(newFormField("IDNumber", "身份证号", true, f.idShown.view()))
	id.focus = f.idNumber
	id.check = f.checkID
	fm.add(newFormField("Birth", "出生日期", false, f.birth))
	fm.add(newFormField("Sex", "性别", false, f.sex))
	phone := fm.add(newFormField("Phone", "联系电话", false, f.phoneShown.view()))
	phone.focus = f.phone
	phone.check = func() string {
		if strings.TrimSpace(f.phoneShown.value()) == "" {
			return ""
		}
		if _, err := ident.NormalizePhone(f.phoneShown.value()); err != nil {
			return err.Error()
		}
		return ""
	}
	fm.addPicked("HukouRegion", "户籍地", f.hukou, "请选择户籍所在的区县")
	fm.add(newFormField("Address", "详细住址", false, f.address)).check = atMost(f.address, 200, false)
	fm.add(newFormField("Education", "文化程度", false, f.education))
	fm.add(newFormField("Poverty", "脱贫状态", true, f.poverty))
	fm.add(newFormField("Status", "状态", true, f.status))
	skills := fm.add(newFormField("Skills", "技能", false, f.skills))
	skills.focus = nil
	skills.check = f.skills.check
	trainings := fm.add(newFormField("Trainings", "培训经历", false, f.trainings))
	trainings.focus = nil
	trainings.check = f.trainings.check
	dr := fm.add(newFormField("DesiredRegions", "意向地区", false, f.desiredRegions))
	dr.focus = f.desiredRegions.add
	do := fm.add(newFormField("DesiredOccupations", "意向工种", false, f.desiredOccs))
	do.focus = f.desiredOccs.add
	fm.add(newFormField("ExpectedWage", "期望月薪（元）", false, f.wage)).check = func() string {
		_, msg := parseYuanText(f.wage.Text)
		return msg
	}
	fm.add(newFormField("AvailableFrom", "可到岗日期", false, f.available)).check = func() string {
		_, msg := parseDateText(f.available.Text)
		return msg
	}
	fm.add(newFormField("Consent", "信息共享", false, f.consent))
	fm.add(newFormField("ConsentDate", "同意日期", false, f.consentDate)).check = func() string {
		d, msg := parseDateText(f.consentDate.Text)
		if msg != "" {
			return msg
		}
		if f.consent.Checked && d.IsZero() {
			return "请填写本人同意共享的日期"
		}
		return ""
	}
	fm.add(newFormField("RegisteredOn", "登记日期", true, f.registered)).check = f.checkRegistered
	fm.add(newFormField("Notes", "备注", false, f.notes)).check = atMost(f.notes, 1000, false)
}

// load fills the inputs from w (a new worker gets the defaults).
func (f *workerForm) load(w *data.Worker) {
	if w == nil {
		f.poverty.SetSelected(data.PovertyGeneral.Label())
		f.status.SetSelected(data.WorkerIdle.Label())
		f.skills.setSkills(nil)
		f.registered.SetText(f.s.st.Today().String())
		return
	}
	f.name.SetText(w.Name)
	f.idShown.hide(w.IDNumber, ident.MaskID(w.IDNumber))
	f.phoneShown.hide(w.Phone, ident.MaskPhone(w.Phone))
	f.hukou.set(w.HukouRegion, false)
	f.address.SetText(w.Address)
	if l := labelForCode(data.Educations, string(w.Education)); l != "" {
		f.education.SetSelected(l)
	}
	f.poverty.SetSelected(w.Poverty.Label())
	f.status.SetSelected(w.Status.Label())
	f.skills.setSkills(w.Skills)
	f.trainings.setTrainings(w.Trainings)
	f.desiredRegions.set(w.DesiredRegions)
	f.desiredOccs.set(w.DesiredOccupations)
	f.wage.SetText(yuanText(w.ExpectedWage))
	f.available.SetText(w.AvailableFrom.String())
	f.consent.SetChecked(w.Consent)
	f.consentDate.SetText(w.ConsentDate.String())
	f.notes.SetText(w.Notes)
	f.registered.SetText(w.RegisteredOn.String())
	f.idChanged(w.IDNumber)
}

// watch connects the inputs to their checks, so verdicts show as the
// clerk types, and marks the form changed.
func (f *workerForm) watch() {
	fm := f.fm
	touch := func() { f.dirty = true }
	onText := func(e *textEntry, key string, also func(string)) {
		e.OnChanged = func(s string) {
			touch()
			if also != nil {
				also(s)
				return
			}
			fm.byKey[key].revalidate()
		}
	}
	onText(f.name, "Name", nil)
	onText(f.idNumber, "IDNumber", f.idChanged)
	onText(f.phone, "Phone", f.phoneChanged)
	onText(f.address, "Address", nil)
	onText(f.wage, "ExpectedWage", nil)
	onText(f.available, "AvailableFrom", nil)
	onText(f.consentDate, "ConsentDate", nil)
	onText(f.notes, "Notes", nil)
	onText(f.registered, "RegisteredOn", nil)
	f.hukou.onChanged = func(string) { touch(); fm.byKey["HukouRegion"].revalidate() }
	f.education.OnChanged = func(string) { touch() }
	f.poverty.OnChanged = func(string) { touch() }
	f.status.OnChanged = func(string) { touch() }
	f.skills.onChanged = func() { touch(); fm.byKey["Skills"].revalidate() }
	f.trainings.onChanged = func() { touch(); fm.byKey["Trainings"].revalidate() }
	f.desiredRegions.onChanged = touch
	f.desiredOccs.onChanged = touch
	f.consent.OnChanged = func(on bool) {
		touch()
		if on && strings.TrimSpace(f.consentDate.Text) == "" {
			f.consentDate.SetText(f.s.st.Today().String())
		}
		fm.byKey["ConsentDate"].revalidate()
	}
}

// checkRegistered: the 登记日期 the 统计报表 counts the worker by is
// required and not after today.
func (f *workerForm) checkRegistered() string {
	d, msg := parseDateText(f.registered.Text)
	switch {
	case msg != "":
		return msg
	case d.IsZero():
		return "不能为空"
	case d.After(f.s.st.Today()):
		return "不能晚于今天"
	}
	return ""
}

// idDigits is what the clerk typed in the ID box, as ident will read it:
// no spaces, half-width, upper case.
func idDigits(s string) string {
	s = width.Narrow.String(s)
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, s))
}

// checkID is the ID number's verdict for a save.
func (f *workerForm) checkID() string {
	t := idDigits(f.idShown.value())
	if t == "" {
		return "不能为空"
	}
	id, err := ident.ParseID(t)
	if err != nil {
		return err.Error()
	}
	if dup, err := f.s.st.FindWorkerByIDNumber(id.Number); err == nil && dup != nil && (f.orig == nil || dup.ID != f.orig.ID) {
		return fmt.Sprintf("已登记为劳动者“%s”，请勿重复登记", dup.Name)
	}
	return ""
}

// idChanged reads the ID number as it is typed: progress while it is
// short, the reason as soon as it cannot be right, and when it is
// complete the birth date and sex (and the household county, if empty).
func (f *workerForm) idChanged(s string) {
	field := f.fm.byKey["IDNumber"]
	t := idDigits(s)
	f.birth.Importance, f.sex.Importance = widget.LowImportance, widget.LowImportance
	f.birth.SetText("由身份证号自动填写")
	f.sex.SetText("由身份证号自动填写")
	switch {
	case t == "":
		field.setHint("")
		return
	case len(t) < 18 && allDigits(t):
		if len(t) == 15 {
			if _, err := ident.ParseID(t); err == nil {
				break // a valid first-generation number; read it below
			}
		}
		field.setHint(fmt.Sprintf("已输入%d位，还差%d位", len(t), 18-len(t)))
		return
	}
	id, err := ident.ParseID(t)
	if err != nil {
		field.setError(err.Error())
		return
	}
	f.birth.Importance, f.sex.Importance = widget.MediumImportance, widget.MediumImportance
	f.birth.SetText(id.Birth.Format("2006-01-02"))
	f.sex.SetText(id.Sex.Label())
	if msg := f.checkID(); msg != "" {
		field.setError(msg)
		return
	}
	age := id.AgeOn(f.s.st.Today().Time())
	hint := fmt.Sprintf("校验通过：%s，%d岁", id.Sex.Label(), age)
	if len(t) == 15 {
		hint += "，15位旧号码将保存为18位：" + id.Number
	}
	if f.hukou.code == "" {
		if r, ok := catalog.RegionByCode(id.Region); ok && r.CountyLevel() {
			f.hukou.set(id.Region, true)
			hint += "；户籍地已按身份证号填为" + r.FullName() + "，如有迁移请修改"
		}
	}
	field.setOK(hint)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// phoneChanged shows progress until the number can be complete (eleven
// digits for a mobile, ten for a fixed line with its area code), then the
// verdict.
func (f *workerForm) phoneChanged(s string) {
	field := f.fm.byKey["Phone"]
	t := idDigits(s)
	switch {
	case t == "" || !allDigits(t):
	case t[0] == '0' && len(t) < 10:
		field.setHint(fmt.Sprintf("已输入%d位，固定电话为区号加7～8位号码", len(t)))
		return
	case t[0] != '0' && len(t) < 11:
		field.setHint(fmt.Sprintf("已输入%d位，手机号为11位", len(t)))
		return
	}
	if field.revalidate() == "" {
		field.setHint("")
	}
}

func (f *workerForm) build() {
	fm := f.fm
	k := fm.byKey
	var del func()
	if f.orig != nil {
		del = f.doDelete
	}

	basic := section("基本信息", "", fm.grid(k["Name"], k["IDNumber"], k["Birth"], k["Sex"], k["Phone"],
		k["HukouRegion"], k["Address"], k["Education"], k["Poverty"], k["Status"], k["RegisteredOn"]))
	wish := section("求职意向", "", fm.grid(k["DesiredRegions"], k["DesiredOccupations"], k["ExpectedWage"],
		k["AvailableFrom"]))
	skills := section("技能与培训", "", fm.grid(k["Skills"], k["Trainings"]))
	consent := section("信息共享与备注", "登记信息须经本人同意才共享（个人信息保护法）", fm.grid(k["Consent"], k["ConsentDate"], k["Notes"]))
	// Two columns where they fit; one on a 1,024-pixel screen, where the
	// skill lines need the width.
	cols := newFlowGrid(
		container.NewVBox(basic, consent),
		container.NewVBox(wish, skills))
	f.built = formPage(fm, cols, f.doSave, f.doCancel, del)
}

func (f *workerForm) view() fyne.CanvasObject { return f.built }

func (f *workerForm) shown() {
	if f.orig == nil {
		f.g.setHeading("劳动者 › 登记新劳动者")
	} else {
		f.g.setHeading("劳动者 › " + f.orig.Name + "（" + ident.MaskID(f.orig.IDNumber) + "）")
	}
	f.g.setActions(actions{Save: f.doSave, Cancel: f.doCancel})
	f.g.focus(f.name)
}

// worker builds the record from the inputs (after checkAll passed).
func (f *workerForm) worker() *data.Worker {
	w := &data.Worker{}
	if f.orig != nil {
		*w = *f.orig
	}
	w.Name = strings.TrimSpace(f.name.Text)
	w.IDNumber = idDigits(f.idShown.value())
	w.Phone = strings.TrimSpace(f.phoneShown.value())
	if p, err := ident.NormalizePhone(w.Phone); err == nil {
		w.Phone = p
	}
	w.HukouRegion = f.hukou.code
	w.Address = strings.TrimSpace(f.address.Text)
	w.Education = data.Education(codeForLabel(data.Educations, f.education.Selected))
	w.Poverty = data.Poverty(codeForLabel(data.Poverties, f.poverty.Selected))
	w.Status = data.WorkerStatus(codeForLabel(data.WorkerStatuses, f.status.Selected))
	w.Skills = f.skills.skills()
	w.Trainings = f.trainings.trainings()
	w.DesiredRegions = append([]string(nil), f.desiredRegions.keys...)
	w.DesiredOccupations = append([]string(nil), f.desiredOccs.keys...)
	w.ExpectedWage, _ = parseYuanText(f.wage.Text)
	w.AvailableFrom, _ = parseDateText(f.available.Text)
	w.Consent = f.consent.Checked
	w.ConsentDate, _ = parseDateText(f.consentDate.Text)
	w.Notes = strings.TrimSpace(f.notes.Text)
	w.RegisteredOn, _ = parseDateText(f.registered.Text)
	return w
}

func (f *workerForm) doSave() {
	saveForm(f.fm, f.g, f.s.st, openedAs(f.orig), f.worker, func(w *data.Worker) {
		f.s.closeForm()
		f.s.say(fmt.Sprintf("已保存劳动者“%s”", w.Name))
	})
}

func (f *workerForm) doCancel() {
	f.g.leaveForm(f.dirty, f.s.closeForm)
}

func (f *workerForm) doDelete() {
	w := f.orig
	f.g.deleteRecord(f.s.st, "删除劳动者",
		fmt.Sprintf("确定删除劳动者“%s”（%s）吗？删除后列表中不再显示，与合作方交换数据时对方也会删除。", w.Name, ident.MaskID(w.IDNumber)),
		&data.Worker{Synced: data.Synced{ID: w.ID}}, func() {
			f.s.closeForm()
			f.s.say(fmt.Sprintf("已删除劳动者“%s”", w.Name))
		})
}
