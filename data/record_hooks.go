package data

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"duikou/data/catalog"
	"duikou/data/ident"
)

// recordHooks is what each synced record type tells the generic write
// path: how to normalise and check itself, and how to describe itself in
// the audit log (masked).
type recordHooks interface {
	Record
	// prepare normalises and validates the record before it is written;
	// old is the stored row for an update, nil for a create.
	prepare(tx *Tx, old Record) error
	// beforeDelete refuses a delete that would orphan live work.
	beforeDelete(tx *Tx) error
	// describe is a one-line masked summary for the audit log.
	describe() string
}

func cleanText(s string) string { return strings.TrimSpace(s) }

func checkLen(rec, field, label, v string, max int) error {
	if utf8.RuneCountInString(v) > max {
		return fieldErr(rec, field, label, fmt.Sprintf("不能超过%d个字", max))
	}
	return nil
}

// checkCounty requires a known county-level region code.
func checkCounty(rec, field, label, code string) error {
	if code == "" {
		return fieldErr(rec, field, label, "不能为空，请选到区县")
	}
	r, ok := catalog.RegionByCode(code)
	if !ok {
		return fieldErr(rec, field, label, fmt.Sprintf("行政区划代码%s不存在", code))
	}
	if !r.CountyLevel() { // a county, or a city with no counties (东莞, 嘉峪关 ...)
		return fieldErr(rec, field, label, fmt.Sprintf("“%s”不是区县，请选到区县一级", catalog.FullName(code)))
	}
	return nil
}

func checkOccupation(rec, field, label, key string) error {
	if _, ok := catalog.OccupationByKey(key); !ok {
		if key == "" {
			return fieldErr(rec, field, label, "不能为空")
		}
		return fieldErr(rec, field, label, fmt.Sprintf("工种“%s”不在工种目录中", key))
	}
	return nil
}

func checkLevel(rec, field, label string, l catalog.SkillLevel) error {
	if l < catalog.LevelNone || l > catalog.Level1 {
		return fieldErr(rec, field, label, fmt.Sprintf("技能等级%d无效", l))
	}
	return nil
}

// prepare for a worker: ID number checked (birth date and sex derived),
// phone normalised, regions and 工种 from the catalogs, no second live
// worker with the same ID number.
func (w *Worker) prepare(tx *Tx, old Record) error {
	const rec = "劳动者"
	if o, ok := old.(*Worker); ok && !tx.remote && isHusk(o) {
		return errHusk(o)
	}
	w.Name = cleanText(w.Name)
	if w.Name == "" {
		return fieldErr(rec, "Name", "姓名", "不能为空")
	}
	if err := checkLen(rec, "Name", "姓名", w.Name, 32); err != nil {
		return err
	}
	id, err := ident.ParseID(w.IDNumber)
	if err != nil {
		return fieldErr(rec, "IDNumber", "身份证号", err.Error())
	}
	w.IDNumber = id.Number
	if w.Phone = cleanText(w.Phone); w.Phone != "" {
		p, err := ident.NormalizePhone(w.Phone)
		if err != nil {
			return fieldErr(rec, "Phone", "联系电话", err.Error())
		}
		w.Phone = p
	}
	if err := checkCounty(rec, "HukouRegion", "户籍地", w.HukouRegion); err != nil {
		return err
	}
	if w.Poverty == "" {
		w.Poverty = PovertyGeneral
	}
	if !validCode(Poverties, string(w.Poverty)) {
		return fieldErr(rec, "Poverty", "脱贫状态", fmt.Sprintf("“%s”无效", w.Poverty))
	}
	if w.Education != "" && !validCode(Educations, string(w.Education)) {
		return fieldErr(rec, "Education", "文化程度", fmt.Sprintf("“%s”无效", w.Education))
	}
	if w.Status == "" {
		w.Status = WorkerIdle
	}
	if !validCode(WorkerStatuses, string(w.Status)) {
		return fieldErr(rec, "Status", "状态", fmt.Sprintf("“%s”无效", w.Status))
	}
	for i, s := range w.Skills {
		if err := checkOccupation(rec, "Skills", fmt.Sprintf("第%d项技能的工种", i+1), s.Occupation); err != nil {
			return err
		}
		if err := checkLevel(rec, "Skills", fmt.Sprintf("第%d项技能的等级", i+1), s.Level); err != nil {
			return err
		}
	}
	for _, code := range w.DesiredRegions {
		if _, ok := catalog.RegionByCode(code); !ok {
			return fieldErr(rec, "DesiredRegions", "意向地区", fmt.Sprintf("行政区划代码%s不存在", code))
		}
	}
	for _, key := range w.DesiredOccupations {
		if err := checkOccupation(rec, "DesiredOccupations", "意向工种", key); err != nil {
			return err
		}
	}
	if w.ExpectedWage < 0 {
		return fieldErr(rec, "ExpectedWage", "期望月薪", "不能为负数")
	}
	if err := checkLen(rec, "Address", "详细住址", w.Address, 200); err != nil {
		return err
	}
	if err := checkLen(rec, "Notes", "备注", w.Notes, 1000); err != nil {
		return err
	}
	w.derive(Sex(id.Sex), DateOf(id.Birth))
	if tx.remote {
		return nil // the same person registered at two offices is listed, not refused
	}
	name, err := tx.liveNamed("workers", "id_number", w.IDNumber, old)
	if err != nil {
		return err
	}
	if name != nil {
		return fieldErr(rec, "IDNumber", "身份证号", fmt.Sprintf("已登记为劳动者“%s”，请勿重复登记", *name))
	}
	return nil
}

// liveNamed is the name of another live row of table whose column holds
// value (not old itself), or nil: the duplicate check of a unique number,
// run once per row by an import, so through a compiled statement.
func (tx *Tx) liveNamed(table, column, value string, old Record) (*string, error) {
	query := "SELECT name FROM " + table + " WHERE " + column + " = ? AND deleted = ?"
	args := []any{value, false}
	if old != nil {
		query += " AND id <> ?"
		args = append(args, old.synced().ID)
	}
	var name string
	found, err := tx.lookup(query+" LIMIT 1", args, &name)
	if err != nil || !found {
		return nil, err
	}
	return &name, nil
}

// A worker with a placement still under way cannot be deleted.
func (w *Worker) beforeDelete(tx *Tx) error {
	var n int64
	if err := tx.db.Model(&Placement{}).Where("worker_id = ? AND deleted = ? AND stage IN ?", w.ID, false,
		[]Stage{StageReferred, StageInterviewed, StageHired, StageStarted}).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("劳动者“%s”有%d条进行中的就业安置，请先结束安置再删除", w.Name, n)
	}
	return nil
}

func (w *Worker) describe() string {
	return fmt.Sprintf("劳动者 %s %s", w.Name, ident.MaskID(w.IDNumber))
}

func (e *Employer) prepare(tx *Tx, old Record) error {
	const rec = "用工单位"
	e.Name = cleanText(e.Name)
	if e.Name == "" {
		return fieldErr(rec, "Name", "单位名称", "不能为空")
	}
	if err := checkLen(rec, "Name", "单位名称", e.Name, 100); err != nil {
		return err
	}
	code, err := ident.NormalizeCreditCode(e.CreditCode)
	if err != nil {
		return fieldErr(rec, "CreditCode", "统一社会信用代码", err.Error())
	}
	e.CreditCode = code
	if err := checkCounty(rec, "Region", "所在地", e.Region); err != nil {
		return err
	}
	e.ContactPhone = cleanText(e.ContactPhone)
	if err := checkLen(rec, "Address", "地址", e.Address, 200); err != nil {
		return err
	}
	if tx.remote {
		return nil
	}
	name, err := tx.liveNamed("employers", "credit_code", e.CreditCode, old)
	if err != nil {
		return err
	}
	if name != nil {
		return fieldErr(rec, "CreditCode", "统一社会信用代码", fmt.Sprintf("已登记为“%s”", *name))
	}
	return nil
}

// An employer with live demands cannot be deleted.
func (e *Employer) beforeDelete(tx *Tx) error {
	var n int64
	if err := tx.db.Model(&Demand{}).Where("employer_id = ? AND deleted = ?", e.ID, false).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("用工单位“%s”还有%d条用工需求，请先删除这些需求", e.Name, n)
	}
	return nil
}

func (e *Employer) describe() string { return fmt.Sprintf("用工单位 %s %s", e.Name, e.CreditCode) }

func (d *Demand) prepare(tx *Tx, old Record) error {
	const rec = "用工需求"
	var emp Employer
	if d.EmployerID == "" {
		return fieldErr(rec, "EmployerID", "用工单位", "不能为空")
	}
	if err := tx.load(&emp, d.EmployerID); err != nil {
		return fieldErr(rec, "EmployerID", "用工单位", "所选用工单位不存在或已删除")
	}
	if err := checkOccupation(rec, "Occupation", "工种", d.Occupation); err != nil {
		return err
	}
	d.Title = cleanText(d.Title)
	switch {
	case d.Headcount < 0:
		return fieldErr(rec, "Headcount", "招聘人数", "不能为负数")
	case d.Headcount == 0:
		return fieldErr(rec, "Headcount", "招聘人数", "须大于0")
	}
	if err := checkCounty(rec, "WorkRegion", "工作地点", d.WorkRegion); err != nil {
		return err
	}
	switch {
	case d.WageMin < 0 || d.WageMax < 0:
		return fieldErr(rec, "WageMin", "工资范围", "不能为负数")
	case d.WageMax > 0 && d.WageMin > d.WageMax:
		return fieldErr(rec, "WageMin", "工资范围", fmt.Sprintf("下限%s元高于上限%s元", d.WageMin, d.WageMax))
	}
	switch {
	case d.AgeMin < 0 || d.AgeMax < 0:
		return fieldErr(rec, "AgeMin", "年龄范围", "不能为负数")
	case d.AgeMin > 0 && d.AgeMin < 16:
		return fieldErr(rec, "AgeMin", "年龄范围", "下限不能低于16岁（禁止使用童工）")
	case d.AgeMax > 0 && d.AgeMin > d.AgeMax:
		return fieldErr(rec, "AgeMin", "年龄范围", fmt.Sprintf("下限%d岁高于上限%d岁", d.AgeMin, d.AgeMax))
	}
	if d.SexRequirement < AnySex || d.SexRequirement > FemaleOnly {
		return fieldErr(rec, "SexRequirement", "性别要求", "无效")
	}
	if err := checkLevel(rec, "MinLevel", "最低技能等级", d.MinLevel); err != nil {
		return err
	}
	if d.ContractMonths < 0 {
		return fieldErr(rec, "ContractMonths", "合同期限", "不能为负数")
	}
	if !d.ValidFrom.IsZero() && !d.ValidUntil.IsZero() && d.ValidUntil.Before(d.ValidFrom) {
		return fieldErr(rec, "ValidUntil", "有效期", fmt.Sprintf("截止日期%s早于开始日期%s", d.ValidUntil, d.ValidFrom))
	}
	if d.Status == "" {
		d.Status = DemandOpen
	}
	if !validCode(DemandStatuses, string(d.Status)) {
		return fieldErr(rec, "Status", "状态", fmt.Sprintf("“%s”无效", d.Status))
	}
	if old != nil {
		d.Filled = old.(*Demand).Filled // derived from placements, never from the form
	}
	return nil
}

// A demand with placements under way cannot be deleted.
func (d *Demand) beforeDelete(tx *Tx) error {
	var n int64
	if err := tx.db.Model(&Placement{}).Where("demand_id = ? AND deleted = ? AND stage IN ?", d.ID, false,
		[]Stage{StageReferred, StageInterviewed, StageHired, StageStarted}).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("该用工需求有%d条进行中的就业安置，请先结束安置再删除", n)
	}
	return nil
}

func (d *Demand) describe() string {
	return fmt.Sprintf("用工需求 %s %d人", d.Title, d.Headcount)
}

func (p *Placement) beforeDelete(tx *Tx) error { return nil }

func (f *FollowUp) prepare(tx *Tx, old Record) error {
	const rec = "跟踪服务"
	if err := f.checkOwnerEdit(tx, old); err != nil {
		return err
	}
	var w Worker
	if err := tx.load(&w, f.WorkerID); err != nil {
		return fieldErr(rec, "WorkerID", "劳动者", "所选劳动者不存在或已删除")
	}
	if f.PlacementID != nil && *f.PlacementID == "" {
		f.PlacementID = nil
	}
	if f.PlacementID != nil {
		var p Placement
		if err := tx.load(&p, *f.PlacementID); err != nil {
			return fieldErr(rec, "PlacementID", "就业安置", "所选就业安置不存在或已删除")
		}
	}
	if !validCode(FollowUpKinds, string(f.Kind)) {
		return fieldErr(rec, "Kind", "类别", fmt.Sprintf("“%s”无效", f.Kind))
	}
	if f.Status == "" {
		f.Status = FollowUpOpen
	}
	if !validCode(FollowUpStatuses, string(f.Status)) {
		return fieldErr(rec, "Status", "状态", fmt.Sprintf("“%s”无效", f.Status))
	}
	if f.Method != "" && !validCode(Methods, f.Method) {
		return fieldErr(rec, "Method", "方式", fmt.Sprintf("“%s”无效", f.Method))
	}
	if f.Amount < 0 {
		return fieldErr(rec, "Amount", "金额", "不能为负数")
	}
	if f.DueOn.IsZero() {
		f.DueOn = tx.s.today()
	}
	if f.Status == FollowUpDone && f.DoneOn.IsZero() {
		f.DoneOn = tx.s.today()
	}
	if !tx.remote && !f.DoneOn.IsZero() && f.DoneOn.After(tx.s.today()) {
		return fieldErr(rec, "DoneOn", "完成日期", fmt.Sprintf("%s晚于今天", f.DoneOn))
	}
	if f.ResponsibleOffice == "" {
		f.ResponsibleOffice = tx.ResponsibleFor(f.Kind)
	}
	return nil
}

func (f *FollowUp) beforeDelete(tx *Tx) error { return nil }

func (f *FollowUp) describe() string { return "跟踪服务 " + f.Kind.Label() }
