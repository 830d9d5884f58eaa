package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
)

// openWorkerList goes to 劳动者 and waits for the list.
func (h *harness) openWorkerList() *workersScreen {
	h.goTo(screenWorkers)
	return h.g.workers
}

// wantWorkers fails the test unless the database holds n workers when.
func (h *harness) wantWorkers(n int64, when string) {
	h.t.Helper()
	got, err := h.s.CountWorkers(data.WorkerFilter{})
	if err != nil || got != n {
		h.t.Fatalf("%d workers stored %s (%v), want %d", got, when, err, n)
	}
}

// pickRegion chooses a region in a region field through its chooser,
// by searching for query and taking the first result.
func (h *harness) pickRegion(f *regionField, query string) {
	h.t.Helper()
	test.Tap(f.button)
	if !h.dialogOpen() || f.chooser == nil {
		h.t.Fatal("the region chooser did not open")
	}
	test.Type(f.chooser.search, query)
	if len(f.chooser.results) == 0 {
		h.t.Fatalf("searching regions for %q found nothing", query)
	}
	f.chooser.resultList.Select(0)
	h.settle()
}

// pickOcc chooses an occupation through its chooser by searching.
func (h *harness) pickOcc(open func(), chooser func() *occChooser, query string) {
	h.t.Helper()
	open()
	c := chooser()
	if c == nil || !h.dialogOpen() {
		h.t.Fatal("the occupation chooser did not open")
	}
	test.Type(c.search, query)
	if len(c.results) == 0 {
		h.t.Fatalf("searching occupations for %q found nothing", query)
	}
	c.resultList.Select(0)
	h.settle()
}

func TestWorkerCreateValidateEditDelete(t *testing.T) {
	h := newHarness(t, true)
	ws := h.openWorkerList()
	h.mustShow("共 0 人")

	h.tap("登记劳动者")
	f := ws.form
	if f == nil {
		t.Fatal("登记劳动者 did not open the form")
	}

	// Saving an empty form is refused, naming the first field and why.
	h.tap("保存")
	h.mustShow("未保存：姓名——不能为空")
	h.wantWorkers(0, "after saving an empty form")

	h.typeInto(f.name, "王秀兰")
	if h.shows("姓名——不能为空") && f.fm.byKey["Name"].err != "" {
		t.Fatal("the name error stayed after typing a name")
	}

	// A wrong check digit is refused with its reason as it is typed and
	// again on save.
	id := validID(7)
	bad := withWrongCheck(id)
	h.typeInto(f.idNumber, bad[:10])
	h.mustShow("已输入10位，还差8位")
	h.typeInto(f.idNumber, bad)
	want := "校验不通过（通常是有一位抄错或相邻两位颠倒），请对照证件"
	if got := f.fm.byKey["IDNumber"].err; !strings.Contains(got, want) || strings.Contains(got, "应为") {
		t.Fatalf("ID error while typing = %q, want it to contain %q and not name a digit to type", got, want)
	}
	h.tap("保存")
	h.mustShow("未保存：身份证号——身份证号" + want)
	h.wantWorkers(0, "after saving an invalid ID number")

	// The right number fills birth date, sex and the household county.
	h.typeInto(f.idNumber, id)
	if f.fm.byKey["IDNumber"].err != "" {
		t.Fatalf("valid ID refused: %s", f.fm.byKey["IDNumber"].err)
	}
	if f.birth.Text != "1990-03-14" || f.sex.Text != "女" {
		t.Fatalf("birth/sex from the ID = %q/%q", f.birth.Text, f.sex.Text)
	}
	if f.hukou.code != "620123" {
		t.Fatalf("household county from the ID = %q, want 620123", f.hukou.code)
	}

	// A bad phone is refused with its reason.
	h.typeInto(f.phone, "12345678901")
	if f.fm.byKey["Phone"].err == "" {
		t.Fatal("phone 12345678901 was accepted")
	}
	h.tap("保存")
	h.mustShow("未保存：联系电话")
	// A fixed line with its area code is a 联系电话 too, and the banner
	// goes once the field is right.
	h.typeInto(f.phone, "0931-8123456")
	if err := f.fm.byKey["Phone"].err; err != "" {
		t.Fatalf("landline refused: %s", err)
	}
	if h.shows("未保存：联系电话") {
		t.Fatal("the banner about the phone stayed after it was fixed")
	}
	h.typeInto(f.phone, "138 9311 2345")

	// Skills, desired regions and occupations through their choosers.
	test.Tap(f.skills.add)
	if c := f.skills.rows[0].occ.chooser; c == nil || !h.dialogOpen() {
		t.Fatal("添加技能 did not open the occupation chooser")
	}
	c := f.skills.rows[0].occ.chooser
	test.Type(c.search, "保姆")
	c.resultList.Select(0)
	h.settle()
	f.skills.rows[0].level.SetSelected(catalog.Level4.Label())
	test.Tap(f.desiredRegions.add)
	test.Type(f.desiredRegions.chooser.search, "南京市")
	f.desiredRegions.chooser.resultList.Select(0) // a city: the any-level chooser takes it
	h.settle()
	h.pickOcc(func() { test.Tap(f.desiredOccs.add) }, func() *occChooser { return f.desiredOccs.chooser }, "育婴")
	h.typeInto(f.wage, "5,500")
	f.consent.SetChecked(true)
	if f.consentDate.Text != "2026-11-22" {
		t.Fatalf("consent date not filled with today: %q", f.consentDate.Text)
	}

	h.tap("保存")
	if ws.form != nil {
		t.Fatalf("save refused: %s", f.fm.summary.Text)
	}
	h.mustShow("已保存劳动者“王秀兰”")
	h.mustShow("共 1 人")
	if got := ws.table.cellText(0, 0); got != "王秀兰" {
		t.Fatalf("first row name = %q", got)
	}
	if got := ws.table.cellText(0, 8); got != "138****2345" {
		t.Fatalf("phone in the list = %q, want it masked", got)
	}
	if got := ws.table.cellText(0, 6); got != "南京市" {
		t.Fatalf("desired regions in the list = %q", got)
	}
	w, err := h.s.FindWorkerByIDNumber(id)
	if err != nil || w == nil {
		t.Fatalf("saved worker not found: %v", err)
	}
	if w.Sex != data.Female || w.Skills[0].Occupation != "housekeeper" || w.Skills[0].Level != catalog.Level4 ||
		w.ExpectedWage != data.Yuan(5500) || w.Phone != "13893112345" || !w.Consent || w.DesiredOccupations[0] != "nanny" {
		t.Fatalf("saved worker = %+v", w)
	}

	// Edit: the form shows the number masked; a new name is saved.
	ws.table.table.Select(tableCell(0, 0))
	h.settle()
	f = ws.form
	if f == nil || f.idNumber.Text != ident.MaskID(id) {
		t.Fatal("tapping the row did not open the worker with the masked ID number")
	}
	h.typeInto(f.name, "王秀英")
	h.tap("保存")
	if got := ws.table.cellText(0, 0); got != "王秀英" {
		t.Fatalf("after the edit the list says %q", got)
	}

	// Delete asks first; 取消 keeps the worker, 删除 tombstones it.
	ws.table.table.Select(tableCell(0, 0))
	h.settle()
	h.tap("删除")
	if !h.dialogOpen() {
		t.Fatal("删除 did not ask for confirmation")
	}
	h.tap("取消")
	h.wantWorkers(1, "after cancelling the confirmation to delete")
	h.tap("删除")
	h.tap("删除") // the dialog's button
	h.mustShow("共 0 人")
	if _, err := h.s.Worker(w.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted worker still loads: %v", err)
	}
	log, _ := h.s.AuditLog(5)
	if log[0].Action != data.ActDelete || !strings.Contains(log[0].Summary, ident.MaskID(id)) {
		t.Fatalf("last audit entry = %+v, want the masked delete", log[0])
	}
}

func TestWorkerDuplicateIDIsRefusedAsTyped(t *testing.T) {
	h := newHarness(t, true)
	existing := testWorker(3, "张三")
	if err := h.s.Create(existing); err != nil {
		t.Fatal(err)
	}
	ws := h.openWorkerList()
	ws.openNew()
	h.settle()
	h.typeInto(ws.form.idNumber, existing.IDNumber)
	if got := ws.form.fm.byKey["IDNumber"].err; !strings.Contains(got, "已登记为劳动者“张三”") {
		t.Fatalf("duplicate ID message = %q", got)
	}
}

func TestWorkerFormCancelAsksWhenChanged(t *testing.T) {
	h := newHarness(t, true)
	ws := h.openWorkerList()
	ws.openNew()
	h.settle()
	h.tap("取消") // nothing typed: straight back
	if ws.form != nil {
		t.Fatal("取消 on an untouched form did not close it")
	}
	ws.openNew()
	h.typeInto(ws.form.name, "李四")
	h.tap("取消")
	if ws.form == nil || !h.dialogOpen() {
		t.Fatal("取消 with unsaved input closed the form without asking")
	}
	h.tap("放弃修改")
	if ws.form != nil {
		t.Fatal("放弃修改 did not close the form")
	}
}
