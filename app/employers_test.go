package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"duikou/data"
)

func (h *harness) openEmployers() *employersScreen {
	h.goTo(screenEmployers)
	return h.g.employers
}

func TestEmployerAndDemandThroughTheForms(t *testing.T) {
	h := newHarness(t, true)
	es := h.openEmployers()
	h.mustShow("共 0 家")

	// A new employer: the credit code is checked as typed and on save.
	h.tap("新增用工单位")
	ef, ok := es.form.(*employerForm)
	if !ok {
		t.Fatal("新增用工单位 did not open the employer form")
	}
	h.typeInto(ef.name, "南京悦家家政服务有限公司")
	code := testCreditCode("MA1XY2K1")
	bad := code[:17] + "0"
	if code[17] == '0' {
		bad = code[:17] + "1"
	}
	h.typeInto(ef.code, bad[:9])
	h.mustShow("已输入9位，还差9位")
	h.typeInto(ef.code, bad)
	if got := ef.fm.byKey["CreditCode"].err; !strings.Contains(got, "校验位错误（第18位应为"+code[17:]+"）") {
		t.Fatalf("credit code error = %q", got)
	}
	h.tap("保存")
	h.mustShow("未保存：统一社会信用代码——统一社会信用代码校验位错误")
	h.typeInto(ef.code, strings.ToLower(code))
	h.mustShow("校验通过")
	h.tap("保存")
	h.mustShow("未保存：所在地——请选择单位所在的区县")
	h.pickRegion(ef.region, "江宁区")
	ef.union.SetChecked(true)
	h.tap("保存")
	if es.form != nil {
		t.Fatalf("employer not saved: %s", ef.fm.summary.Text)
	}
	h.mustShow("共 1 家")
	if es.selected == nil || es.selected.CreditCode != code || es.selected.Region != "320115" || !es.selected.HasUnion {
		t.Fatalf("selected employer after save = %+v", es.selected)
	}
	h.mustShow("统一社会信用代码：" + code)

	// A demand under it: each range and count is checked as typed.
	h.tap("新增用工需求")
	df, ok := es.form.(*demandForm)
	if !ok {
		t.Fatal("新增用工需求 did not open the demand form")
	}
	if df.region.code != "320115" {
		t.Fatalf("work place should start at the employer's county, got %q", df.region.code)
	}
	h.typeInto(df.headcount, "0")
	if got := df.fm.byKey["Headcount"].err; got != "须大于0" {
		t.Fatalf("headcount 0: %q", got)
	}
	h.typeInto(df.wageMin, "8000")
	h.typeInto(df.wageMax, "6000")
	if got := df.fm.byKey["WageMin"].err; got != "下限8000元高于上限6000元" {
		t.Fatalf("wage range error = %q", got)
	}
	h.typeInto(df.ageMin, "15")
	if got := df.fm.byKey["AgeMin"].err; !strings.Contains(got, "不能低于16岁") {
		t.Fatalf("age error = %q", got)
	}
	h.typeInto(df.validUntil, "2026-13-01")
	if got := df.fm.byKey["ValidUntil"].err; !strings.Contains(got, "截止日期") {
		t.Fatalf("bad date error = %q", got)
	}
	h.tap("保存")
	h.mustShow("未保存：工种——请选择工种")
	if n, _ := h.s.CountDemands(data.DemandFilter{}); n != 0 {
		t.Fatal("an invalid demand was saved")
	}
	h.pickOcc(func() { test.Tap(df.occ.button) }, func() *occChooser { return df.occ.chooser }, "保姆")
	if df.title.Text != "家政服务员" {
		t.Fatalf("title not proposed from the 工种: %q", df.title.Text)
	}
	h.tap("保存")
	h.mustShow("未保存：招聘人数——须大于0")
	h.typeInto(df.headcount, "12")
	h.typeInto(df.wageMax, "9000")
	h.typeInto(df.ageMin, "18")
	h.typeInto(df.ageMax, "50")
	h.typeInto(df.validUntil, "2027-02-28")
	df.sex.SetSelected(data.FemaleOnly.Label())
	df.board.SetChecked(true)
	df.lodging.SetChecked(true)
	h.tap("保存")
	if es.form != nil {
		t.Fatalf("demand not saved: %s", df.fm.summary.Text)
	}
	h.mustShow("已保存用工需求“家政服务员”")
	if es.empDemRows.length() != 1 || es.empDemands.cellText(0, 2) != "0/12" || es.empDemands.cellText(0, 3) != "8000–9000元" {
		t.Fatalf("employer's demands: %d rows, first %q %q", es.empDemRows.length(),
			es.empDemands.cellText(0, 2), es.empDemands.cellText(0, 3))
	}
	ds, _, _ := h.s.ListDemands(data.DemandFilter{}, data.Page{})
	d := ds[0]
	if d.SexRequirement != data.FemaleOnly || !d.Board || !d.Lodging || d.AgeMin != 18 || d.AgeMax != 50 ||
		d.ValidUntil != data.MakeDate(2027, 2, 28) || d.Occupation != "housekeeper" {
		t.Fatalf("saved demand = %+v", d)
	}

	// The employer cannot be deleted while it has a demand.
	h.tap("删除单位")
	h.tap("删除")
	h.mustShow("还有1条用工需求")
	h.tap("确定")

	// The all-demands tab lists it with its employer; edit, then delete.
	es.tabs.SelectIndex(1)
	h.settle()
	if es.allRows.length() != 1 || es.allTable.cellText(0, 0) != "南京悦家家政服务有限公司" {
		t.Fatalf("all demands: %d rows, employer %q", es.allRows.length(), es.allTable.cellText(0, 0))
	}
	h.mustShow("共 1 条需求，招聘 12 人，已招 0 人")
	es.allTable.table.Select(tableCell(0, 1))
	h.settle()
	df, ok = es.form.(*demandForm)
	if !ok || df.headcount.Text != "12" {
		t.Fatal("tapping the demand did not open it")
	}
	h.typeInto(df.headcount, "20")
	h.tap("保存")
	if got := es.allTable.cellText(0, 3); got != "0/20" {
		t.Fatalf("after the edit the list says %q", got)
	}
	es.allTable.table.Select(tableCell(0, 1))
	h.settle()
	h.tap("删除")
	h.tap("删除")
	if n, _ := h.s.CountDemands(data.DemandFilter{}); n != 0 {
		t.Fatal("the demand was not deleted")
	}
	if _, err := h.s.Demand(d.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted demand still loads: %v", err)
	}

	// Now the employer goes, after confirmation.
	es.tabs.SelectIndex(0)
	h.settle()
	h.tap("删除单位")
	h.tap("删除")
	h.mustShow("已删除用工单位")
	h.mustShow("共 0 家")
}

func TestEmployerWrittenBeforeScreenShown(t *testing.T) {
	h := newHarness(t, true)
	e := &data.Employer{Name: "南京华宇精密机械有限公司", CreditCode: testCreditCode("MA1XY2K2"), Region: "320115"}
	if err := h.s.Create(e); err != nil {
		t.Fatal(err)
	}
	h.settle()
	es := h.openEmployers()
	h.mustShow("共 1 家")
	if es.selected == nil || es.selected.ID != e.ID {
		t.Fatal("the only employer should be selected on the right")
	}
}
