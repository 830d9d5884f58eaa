package data

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"duikou/data/catalog"
	"duikou/data/ident"
)

// The rules on this page need nothing but the record itself (and, for the
// dated records, today and where the change came from): lengths, number
// checksums, enums, catalog codes, the order of dates. They normalise as
// they check (trimmed text, canonical numbers, defaults), so a record that
// passes is the record that is stored. The rules that need the database
// (no second live worker with one ID number, the employer of a demand
// exists, the headcount) run in the storage package after these.

// Rules is what a dated record's checks need besides the record.
type Rules struct {
	// Today fills empty stage and due dates; dates after it are refused.
	Today Date
	// Remote is set for a change that arrived from a partner office: its
	// clock may run ahead of ours, so "after today" is not refused.
	Remote bool
}

func cleanText(s string) string { return strings.TrimSpace(s) }

// text is one free-text field for checkTexts.
type text struct {
	field, label, value string
	multiline           bool // notes may hold line breaks and tabs
}

// checkTexts refuses control characters and bidirectional overrides in
// free text: invisible, they make a name print or sort as something else
// (U+202E turns "王某exe.doc" around), and a NUL cuts it short elsewhere.
func checkTexts(rec string, texts ...text) error {
	for _, t := range texts {
		if reason := ident.TextCharReason(t.value, t.multiline); reason != "" {
			return NewFieldError(rec, t.field, t.label, reason)
		}
	}
	return nil
}

// CheckLen refuses text longer than max characters.
func CheckLen(rec, field, label, v string, max int) error {
	if utf8.RuneCountInString(v) > max {
		return NewFieldError(rec, field, label, fmt.Sprintf("不能超过%d个字", max))
	}
	return nil
}

// checkName trims a record's Name and requires it, at most max
// characters; label is what the clerk calls it (姓名, 单位名称).
func checkName(rec, label string, name *string, max int) error {
	*name = cleanText(*name)
	if *name == "" {
		return NewFieldError(rec, "Name", label, "不能为空")
	}
	return CheckLen(rec, "Name", label, *name, max)
}

// checkCounty requires a known county-level region code.
func checkCounty(rec, field, label, code string) error {
	if code == "" {
		return NewFieldError(rec, field, label, "不能为空，请选到区县")
	}
	r, ok := catalog.RegionByCode(code)
	if !ok {
		return NewFieldError(rec, field, label, fmt.Sprintf("行政区划代码%s不存在", code))
	}
	if !r.CountyLevel() { // a county, or a city with no counties (东莞, 嘉峪关 ...)
		return NewFieldError(rec, field, label, fmt.Sprintf("“%s”不是区县，请选到区县一级", catalog.FullName(code)))
	}
	return nil
}

func checkOccupation(rec, field, label, key string) error {
	if _, ok := catalog.OccupationByKey(key); !ok {
		if key == "" {
			return NewFieldError(rec, field, label, "不能为空")
		}
		return NewFieldError(rec, field, label, fmt.Sprintf("工种“%s”不在工种目录中", key))
	}
	return nil
}

func checkLevel(rec, field, label string, l catalog.SkillLevel) error {
	if l < catalog.LevelNone || l > catalog.Level1 {
		return NewFieldError(rec, field, label, fmt.Sprintf("技能等级%d无效", l))
	}
	return nil
}

// Validate checks and normalises a worker: ID number checked (birth date
// and sex derived from it), phone normalised, regions and 工种 from the
// catalogs, enums known, lengths kept.
func (w *Worker) Validate() error {
	const rec = "劳动者"
	if err := checkName(rec, "姓名", &w.Name, 32); err != nil {
		return err
	}
	if err := checkTexts(rec, text{"Name", "姓名", w.Name, false}, text{"Address", "详细住址", w.Address, false},
		text{"Notes", "备注", w.Notes, true}); err != nil {
		return err
	}
	id, err := ident.ParseID(w.IDNumber)
	if err != nil {
		return NewFieldError(rec, "IDNumber", "身份证号", err.Error())
	}
	w.IDNumber = id.Number
	if w.Phone = cleanText(w.Phone); w.Phone != "" {
		p, err := ident.NormalizePhone(w.Phone)
		if err != nil {
			return NewFieldError(rec, "Phone", "联系电话", err.Error())
		}
		w.Phone = p
	}
	if err := checkCounty(rec, "HukouRegion", "户籍地", w.HukouRegion); err != nil {
		return err
	}
	if w.Poverty == "" {
		w.Poverty = PovertyGeneral
	}
	if !ValidCode(Poverties, string(w.Poverty)) {
		return NewFieldError(rec, "Poverty", "脱贫状态", fmt.Sprintf("“%s”无效", w.Poverty))
	}
	if w.Education != "" && !ValidCode(Educations, string(w.Education)) {
		return NewFieldError(rec, "Education", "文化程度", fmt.Sprintf("“%s”无效", w.Education))
	}
	if w.Status == "" {
		w.Status = WorkerIdle
	}
	if !ValidCode(WorkerStatuses, string(w.Status)) {
		return NewFieldError(rec, "Status", "状态", fmt.Sprintf("“%s”无效", w.Status))
	}
	for i, s := range w.Skills {
		if err := checkOccupation(rec, "Skills", fmt.Sprintf("第%d项技能的工种", i+1), s.Occupation); err != nil {
			return err
		}
		if err := checkLevel(rec, "Skills", fmt.Sprintf("第%d项技能的等级", i+1), s.Level); err != nil {
			return err
		}
		if err := checkTexts(rec, text{"Skills", fmt.Sprintf("第%d项技能的证书编号", i+1), s.CertNo, false}); err != nil {
			return err
		}
	}
	for i, tr := range w.Trainings {
		n := i + 1
		if err := checkTexts(rec, text{"Trainings", fmt.Sprintf("第%d项培训的课程", n), tr.Course, false},
			text{"Trainings", fmt.Sprintf("第%d项培训的机构", n), tr.Provider, false},
			text{"Trainings", fmt.Sprintf("第%d项培训的证书", n), tr.Certificate, false}); err != nil {
			return err
		}
	}
	for _, code := range w.DesiredRegions {
		if _, ok := catalog.RegionByCode(code); !ok {
			return NewFieldError(rec, "DesiredRegions", "意向地区", fmt.Sprintf("行政区划代码%s不存在", code))
		}
	}
	for _, key := range w.DesiredOccupations {
		if err := checkOccupation(rec, "DesiredOccupations", "意向工种", key); err != nil {
			return err
		}
	}
	if w.ExpectedWage < 0 {
		return NewFieldError(rec, "ExpectedWage", "期望月薪", "不能为负数")
	}
	if err := CheckLen(rec, "Address", "详细住址", w.Address, 200); err != nil {
		return err
	}
	if err := CheckLen(rec, "Notes", "备注", w.Notes, 1000); err != nil {
		return err
	}
	w.Derive(id.Sex, DateOf(id.Birth))
	return nil
}

// Validate checks and normalises an employer: name, credit code (GB 32100
// check character), county, lengths.
func (e *Employer) Validate() error {
	const rec = "用工单位"
	if err := checkName(rec, "单位名称", &e.Name, 100); err != nil {
		return err
	}
	if err := checkTexts(rec, text{"Name", "单位名称", e.Name, false}, text{"Address", "地址", e.Address, false},
		text{"Contact", "联系人", e.Contact, false}, text{"ContactPhone", "联系电话", e.ContactPhone, false},
		text{"Industry", "行业", e.Industry, false}, text{"Notes", "备注", e.Notes, true}); err != nil {
		return err
	}
	code, err := ident.NormalizeCreditCode(e.CreditCode)
	if err != nil {
		return NewFieldError(rec, "CreditCode", "统一社会信用代码", err.Error())
	}
	e.CreditCode = code
	if err := checkCounty(rec, "Region", "所在地", e.Region); err != nil {
		return err
	}
	e.ContactPhone = cleanText(e.ContactPhone)
	return CheckLen(rec, "Address", "地址", e.Address, 200)
}

// Validate checks and normalises a demand: an employer named, a known
// 工种, a positive headcount, a county, ranges the right way round (and no
// one under 16), known enums, a validity period that does not end before
// it starts.
func (d *Demand) Validate() error {
	const rec = "用工需求"
	if d.EmployerID == "" {
		return NewFieldError(rec, "EmployerID", "用工单位", "不能为空")
	}
	if err := checkOccupation(rec, "Occupation", "工种", d.Occupation); err != nil {
		return err
	}
	d.Title = cleanText(d.Title)
	if err := checkTexts(rec, text{"Title", "岗位名称", d.Title, false}, text{"Notes", "备注", d.Notes, true}); err != nil {
		return err
	}
	switch {
	case d.Headcount < 0:
		return NewFieldError(rec, "Headcount", "招聘人数", "不能为负数")
	case d.Headcount == 0:
		return NewFieldError(rec, "Headcount", "招聘人数", "须大于0")
	}
	if err := checkCounty(rec, "WorkRegion", "工作地点", d.WorkRegion); err != nil {
		return err
	}
	switch {
	case d.WageMin < 0 || d.WageMax < 0:
		return NewFieldError(rec, "WageMin", "工资范围", "不能为负数")
	case d.WageMax > 0 && d.WageMin > d.WageMax:
		return NewFieldError(rec, "WageMin", "工资范围", fmt.Sprintf("下限%s元高于上限%s元", d.WageMin, d.WageMax))
	}
	switch {
	case d.AgeMin < 0 || d.AgeMax < 0:
		return NewFieldError(rec, "AgeMin", "年龄范围", "不能为负数")
	case d.AgeMin > 0 && d.AgeMin < 16:
		return NewFieldError(rec, "AgeMin", "年龄范围", "下限不能低于16岁（禁止使用童工）")
	case d.AgeMax > 0 && d.AgeMin > d.AgeMax:
		return NewFieldError(rec, "AgeMin", "年龄范围", fmt.Sprintf("下限%d岁高于上限%d岁", d.AgeMin, d.AgeMax))
	}
	if d.SexRequirement < AnySex || d.SexRequirement > FemaleOnly {
		return NewFieldError(rec, "SexRequirement", "性别要求", "无效")
	}
	if err := checkLevel(rec, "MinLevel", "最低技能等级", d.MinLevel); err != nil {
		return err
	}
	if d.ContractMonths < 0 {
		return NewFieldError(rec, "ContractMonths", "合同期限", "不能为负数")
	}
	if !d.ValidFrom.IsZero() && !d.ValidUntil.IsZero() && d.ValidUntil.Before(d.ValidFrom) {
		return NewFieldError(rec, "ValidUntil", "有效期", fmt.Sprintf("截止日期%s早于开始日期%s", d.ValidUntil, d.ValidFrom))
	}
	if d.Status == "" {
		d.Status = DemandOpen
	}
	if !ValidCode(DemandStatuses, string(d.Status)) {
		return NewFieldError(rec, "Status", "状态", fmt.Sprintf("“%s”无效", d.Status))
	}
	return nil
}

// Validate checks and normalises a follow-up: known kind, status and
// method, no negative amount, a due date (today if none), a done date
// when done and not after today.
func (f *FollowUp) Validate(r Rules) error {
	const rec = "跟踪服务"
	if f.PlacementID != nil && *f.PlacementID == "" {
		f.PlacementID = nil
	}
	if !ValidCode(FollowUpKinds, string(f.Kind)) {
		return NewFieldError(rec, "Kind", "类别", fmt.Sprintf("“%s”无效", f.Kind))
	}
	if f.Status == "" {
		f.Status = FollowUpOpen
	}
	if !ValidCode(FollowUpStatuses, string(f.Status)) {
		return NewFieldError(rec, "Status", "状态", fmt.Sprintf("“%s”无效", f.Status))
	}
	if f.Method != "" && !ValidCode(Methods, f.Method) {
		return NewFieldError(rec, "Method", "方式", fmt.Sprintf("“%s”无效", f.Method))
	}
	if f.Amount < 0 {
		return NewFieldError(rec, "Amount", "金额", "不能为负数")
	}
	if err := checkTexts(rec, text{"Outcome", "结果", f.Outcome, true}, text{"HandledBy", "经办人", f.HandledBy, false},
		text{"Notes", "备注", f.Notes, true}); err != nil {
		return err
	}
	if f.DueOn.IsZero() {
		f.DueOn = r.Today
	}
	if f.Status == FollowUpDone && f.DoneOn.IsZero() {
		f.DoneOn = r.Today
	}
	if !r.Remote && !f.DoneOn.IsZero() && f.DoneOn.After(r.Today) {
		return NewFieldError(rec, "DoneOn", "完成日期", fmt.Sprintf("%s晚于今天", f.DoneOn))
	}
	return nil
}

// OwnedBy reports whether office owns the case (我方负责 when office is
// this installation).
func (f *FollowUp) OwnedBy(office string) bool { return f.ResponsibleOffice == office }

// Overdue reports whether the item is open past its due date on today.
func (f *FollowUp) Overdue(today Date) bool {
	return f.Status == FollowUpOpen && !f.DueOn.IsZero() && f.DueOn.Before(today)
}

// Describe is a one-line masked summary for the audit log.
func (w *Worker) Describe() string {
	return fmt.Sprintf("劳动者 %s %s", w.Name, ident.MaskID(w.IDNumber))
}

// Describe is a one-line summary for the audit log.
func (e *Employer) Describe() string { return fmt.Sprintf("用工单位 %s %s", e.Name, e.CreditCode) }

// Describe is a one-line summary for the audit log.
func (d *Demand) Describe() string { return fmt.Sprintf("用工需求 %s %d人", d.Title, d.Headcount) }

// Describe is a one-line summary for the audit log.
func (p *Placement) Describe() string { return fmt.Sprintf("就业安置（%s）", p.Stage.Label()) }

// Describe is a one-line summary for the audit log.
func (f *FollowUp) Describe() string { return "跟踪服务 " + f.Kind.Label() }
