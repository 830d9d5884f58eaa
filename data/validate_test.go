package data

import (
	"strings"
	"testing"
	"time"

	"duikou/data/catalog"
	"duikou/data/ident"
)

// These tests open no database: every rule here is a record's own.

func worker() *Worker {
	return &Worker{
		Name:           " 王秀兰 ",
		IDNumber:       ident.MakeID("620123", time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC), 1, true),
		Phone:          "138 9311 2345",
		HukouRegion:    "620123",
		Skills:         []Skill{{Occupation: "housekeeper", Level: catalog.Level4}},
		DesiredRegions: []string{"320100"},
		ExpectedWage:   Yuan(5000),
	}
}

func employer() *Employer {
	return &Employer{Name: "南京悦家家政服务有限公司", CreditCode: ident.MakeCompanyCode("320115", "MA1XY2K1"), Region: "320115"}
}

func demand() *Demand {
	return &Demand{EmployerID: "e1", Occupation: "housekeeper", Title: "住家保姆", Headcount: 3, WorkRegion: "320115",
		WageMin: Yuan(5000), WageMax: Yuan(7000), AgeMin: 20, AgeMax: 50}
}

// wantField asserts err is a FieldError on field whose reason contains part.
func wantField(t *testing.T, err error, field, part string) {
	t.Helper()
	fe, ok := AsFieldError(err)
	if !ok {
		t.Fatalf("want a FieldError on %s, got %v", field, err)
	}
	if fe.Field != field || !strings.Contains(fe.Error(), part) {
		t.Fatalf("want %s containing %q, got %s: %v", field, part, fe.Field, fe)
	}
}

// refusal is one edit that makes a valid record invalid, and the field
// and words the refusal must name.
type refusal[R any] struct {
	name  string
	edit  func(R)
	field string
	part  string
}

// wantRefusals checks each case on a fresh valid record, a subtest each.
func wantRefusals[R any](t *testing.T, valid func() R, validate func(R) error, cases []refusal[R]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := valid()
			c.edit(r)
			wantField(t, validate(r), c.field, c.part)
		})
	}
}

func TestWorkerValidateNormalisesAndDerives(t *testing.T) {
	w := worker()
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	if w.Name != "王秀兰" || w.Phone != "13893112345" {
		t.Errorf("not normalised: name %q phone %q", w.Name, w.Phone)
	}
	if w.Sex != Female || w.Birth != MakeDate(1990, 3, 14) || w.MainOcc != "housekeeper" || w.OccKeys != "|housekeeper|" {
		t.Errorf("derived columns: sex %v birth %v main %q keys %q", w.Sex, w.Birth, w.MainOcc, w.OccKeys)
	}
	if w.Poverty != PovertyGeneral || w.Status != WorkerIdle {
		t.Errorf("defaults: poverty %q status %q", w.Poverty, w.Status)
	}
}

func TestWorkerValidateRefuses(t *testing.T) {
	wantRefusals(t, worker, (*Worker).Validate, []refusal[*Worker]{
		{"no name", func(w *Worker) { w.Name = "  " }, "Name", "不能为空"},
		{"long name", func(w *Worker) { w.Name = strings.Repeat("王", 33) }, "Name", "32"},
		{"bad check digit", func(w *Worker) { w.IDNumber = w.IDNumber[:17] + "X" }, "IDNumber", ""},
		{"bad phone", func(w *Worker) { w.Phone = "12345" }, "Phone", ""},
		{"no county", func(w *Worker) { w.HukouRegion = "" }, "HukouRegion", "请选到区县"},
		{"unknown region", func(w *Worker) { w.HukouRegion = "999999" }, "HukouRegion", "不存在"},
		{"province, not county", func(w *Worker) { w.HukouRegion = "620000" }, "HukouRegion", "不是区县"},
		{"poverty", func(w *Worker) { w.Poverty = "rich" }, "Poverty", "无效"},
		{"education", func(w *Worker) { w.Education = "phd?" }, "Education", "无效"},
		{"status", func(w *Worker) { w.Status = "flying" }, "Status", "无效"},
		{"skill 工种", func(w *Worker) { w.Skills[0].Occupation = "astronaut" }, "Skills", "不在工种目录中"},
		{"skill level", func(w *Worker) { w.Skills[0].Level = 9 }, "Skills", "无效"},
		{"wish region", func(w *Worker) { w.DesiredRegions = []string{"990000"} }, "DesiredRegions", "不存在"},
		{"wish 工种", func(w *Worker) { w.DesiredOccupations = []string{""} }, "DesiredOccupations", "不能为空"},
		{"negative wage", func(w *Worker) { w.ExpectedWage = -1 }, "ExpectedWage", "负数"},
		{"long address", func(w *Worker) { w.Address = strings.Repeat("路", 201) }, "Address", "200"},
		{"long notes", func(w *Worker) { w.Notes = strings.Repeat("注", 1001) }, "Notes", "1000"},
		{"NUL in name", func(w *Worker) { w.Name = "王\x00秀兰" }, "Name", "控制字符"},
		{"bidi override in name", func(w *Worker) { w.Name = "王秀兰\u202Eexe.doc" }, "Name", "U+202E"},
		{"bidi isolate in address", func(w *Worker) { w.Address = "榆中县\u2066城关镇" }, "Address", "U+2066"},
		{"NUL in a skill's certificate", func(w *Worker) { w.Skills[0].CertNo = "GZ\x002026" }, "Skills", "第1项技能的证书编号"},
		{"bidi override in a training", func(w *Worker) {
			w.Trainings = []Training{{Course: "育婴员\u202E培训"}}
		}, "Trainings", "U+202E"},
	})
}

func TestEmployerValidate(t *testing.T) {
	e := employer()
	e.CreditCode = strings.ToLower(e.CreditCode)
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	if e.CreditCode != strings.ToUpper(e.CreditCode) {
		t.Errorf("credit code not normalised: %s", e.CreditCode)
	}
	for _, c := range []struct {
		edit  func(*Employer)
		field string
	}{
		{func(e *Employer) { e.Name = "" }, "Name"},
		{func(e *Employer) { e.Name = strings.Repeat("厂", 101) }, "Name"},
		{func(e *Employer) { e.CreditCode = e.CreditCode[:17] + "0" }, "CreditCode"},
		{func(e *Employer) { e.Region = "320100" }, "Region"},
		{func(e *Employer) { e.Address = strings.Repeat("路", 201) }, "Address"},
	} {
		e := employer()
		c.edit(e)
		wantField(t, e.Validate(), c.field, "")
	}
}

func TestDemandValidate(t *testing.T) {
	d := demand()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if d.Status != DemandOpen {
		t.Errorf("status default %q", d.Status)
	}
	wantRefusals(t, demand, (*Demand).Validate, []refusal[*Demand]{
		{"no employer", func(d *Demand) { d.EmployerID = "" }, "EmployerID", "不能为空"},
		{"工种", func(d *Demand) { d.Occupation = "x" }, "Occupation", "不在工种目录中"},
		{"zero headcount", func(d *Demand) { d.Headcount = 0 }, "Headcount", "须大于0"},
		{"negative headcount", func(d *Demand) { d.Headcount = -2 }, "Headcount", "负数"},
		{"place", func(d *Demand) { d.WorkRegion = "" }, "WorkRegion", "区县"},
		{"wage reversed", func(d *Demand) { d.WageMin, d.WageMax = Yuan(8000), Yuan(6000) }, "WageMin", "高于上限"},
		{"negative wage", func(d *Demand) { d.WageMin = -1 }, "WageMin", "负数"},
		{"child labour", func(d *Demand) { d.AgeMin = 15 }, "AgeMin", "童工"},
		{"age reversed", func(d *Demand) { d.AgeMin, d.AgeMax = 50, 30 }, "AgeMin", "高于上限"},
		{"sex", func(d *Demand) { d.SexRequirement = 7 }, "SexRequirement", "无效"},
		{"level", func(d *Demand) { d.MinLevel = -1 }, "MinLevel", "无效"},
		{"contract", func(d *Demand) { d.ContractMonths = -1 }, "ContractMonths", "负数"},
		{"validity reversed", func(d *Demand) { d.ValidFrom, d.ValidUntil = MakeDate(2026, 12, 1), MakeDate(2026, 11, 1) }, "ValidUntil", "早于"},
		{"status", func(d *Demand) { d.Status = "x" }, "Status", "无效"},
	})
}

func TestPlacementPath(t *testing.T) {
	today := MakeDate(2026, 12, 6)
	local := Rules{Today: today}
	p := &Placement{}
	if err := p.Validate(local, nil); err != nil {
		t.Fatal(err)
	}
	if p.Stage != StageReferred || p.ReferredOn != today {
		t.Fatalf("a new placement is referred today: %v %v", p.Stage, p.ReferredOn)
	}
	prev := *p
	started := prev
	started.Stage = StageStarted
	wantField(t, started.Validate(local, &prev), "HiredOn", "未录用不能上岗")

	hired := prev
	hired.Stage, hired.HiredOn = StageHired, today.AddDays(1)
	wantField(t, hired.Validate(local, &prev), "HiredOn", "晚于今天")
	hired.HiredOn = today.AddDays(1)
	if err := hired.Validate(Rules{Today: today, Remote: true}, &prev); err != nil {
		t.Errorf("a partner's clock may run ahead: %v", err)
	}
	hired.HiredOn = today.AddDays(-3)
	wantField(t, hired.Validate(local, &prev), "HiredOn", "早于推荐日期")

	hired.HiredOn = today
	if err := hired.Validate(local, &prev); err != nil {
		t.Fatal(err)
	}
	back := hired
	back.Stage = StageInterviewed
	wantField(t, back.Validate(local, &hired), "Stage", "阶段不能倒退")

	left := hired
	left.Stage = StageLeft
	wantField(t, left.Validate(local, &hired), "StartedOn", "未上岗不能离职")

	returned := hired
	returned.Stage = StageReturned
	wantField(t, returned.Validate(local, &hired), "CloseReason", "请选择结束原因")
	returned.CloseReason = CloseReasons[0].Code
	if err := returned.Validate(local, &hired); err != nil || returned.EndedOn != today {
		t.Fatalf("returned: %v, ended %v", err, returned.EndedOn)
	}
	again := returned
	again.Stage = StageStarted
	wantField(t, again.Validate(local, &returned), "Stage", "已结束")

	contract := hired
	contract.ContractSigned = true
	wantField(t, contract.Validate(local, &hired), "ContractDate", "请填写签订日期")
	contract.ContractDate = today.AddDays(-1)
	wantField(t, contract.Validate(local, &hired), "ContractDate", "早于录用日期")

	bad := prev
	bad.Stage = "x"
	wantField(t, bad.Validate(local, nil), "Stage", "无效")
}

func TestFollowUpValidate(t *testing.T) {
	today := MakeDate(2026, 12, 6)
	empty := ""
	f := &FollowUp{Kind: KindCheckIn, Status: FollowUpDone, PlacementID: &empty}
	if err := f.Validate(Rules{Today: today}); err != nil {
		t.Fatal(err)
	}
	if f.DueOn != today || f.DoneOn != today || f.PlacementID != nil {
		t.Errorf("defaults: due %v done %v placement %v", f.DueOn, f.DoneOn, f.PlacementID)
	}
	for _, c := range []struct {
		edit  func(*FollowUp)
		field string
	}{
		{func(f *FollowUp) { f.Kind = "x" }, "Kind"},
		{func(f *FollowUp) { f.Status = "x" }, "Status"},
		{func(f *FollowUp) { f.Method = "fax" }, "Method"},
		{func(f *FollowUp) { f.Amount = -1 }, "Amount"},
		{func(f *FollowUp) { f.DoneOn = today.AddDays(1) }, "DoneOn"},
	} {
		f := &FollowUp{Kind: KindCheckIn}
		c.edit(f)
		wantField(t, f.Validate(Rules{Today: today}), c.field, "")
	}
	multi := &FollowUp{Kind: KindCheckIn, Outcome: "已联系\n工资已发"}
	if err := multi.Validate(Rules{Today: today}); err != nil {
		t.Errorf("a line break in a result is text, not a control character: %v", err)
	}
	ahead := &FollowUp{Kind: KindCheckIn, DoneOn: today.AddDays(1)}
	if err := ahead.Validate(Rules{Today: today, Remote: true}); err != nil {
		t.Errorf("a partner's done date ahead of our clock is kept: %v", err)
	}
	if !(&FollowUp{Status: FollowUpOpen, DueOn: today.AddDays(-1)}).Overdue(today) {
		t.Error("open and due yesterday is overdue")
	}
}
