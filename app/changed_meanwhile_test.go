package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/ident"
)

// saveStored saves a change to a stored record from outside the forms,
// as another desktop does: a fresh copy read from the database, with
// change applied.
func saveStored[R data.Record](h *harness, read func(id string) (R, error), id string, change func(R)) {
	h.t.Helper()
	r, err := read(id)
	if err != nil {
		h.t.Fatal(err)
	}
	change(r)
	if err := h.s.Update(r); err != nil {
		h.t.Fatalf("the other clerk's save: %v", err)
	}
}

// editStoredWorker stores w and opens it in the worker form.
func (h *harness) editStoredWorker(w *data.Worker) *workersScreen {
	h.t.Helper()
	w.ConsentDate = data.MakeDate(2026, 11, 1) // the form asks for it
	if err := h.s.Create(w); err != nil {
		h.t.Fatal(err)
	}
	ws := h.openWorkerList()
	ws.openEdit(w.ID)
	h.settle()
	return ws
}

// chooseSide picks a side (theirsWord or yoursWord) for the nth field
// listed in the open dialog.
func (h *harness) chooseSide(word string, nth int) {
	h.t.Helper()
	seen := 0
	for _, o := range h.all() {
		if r, ok := o.(*widget.RadioGroup); ok && len(r.Options) == 1 && r.Options[0] == word {
			if seen == nth {
				r.SetSelected(word)
				h.settle()
				return
			}
			seen++
		}
	}
	h.t.Fatalf("no choice %q number %d in the dialog", word, nth)
}

// A clerk opens a worker; meanwhile another clerk changes the phone; the
// clerk changes the notes and saves. Nothing is overwritten: the dialog
// shows the phone, the other clerk's beside the clerk's (masked), and not
// the notes (only the clerk changed them). Before 保存 a third save
// changes the address: the dialog comes again for the address. Choosing
// 对方 for the phone and keeping the clerk's address stores the other
// phone, the clerk's address and the clerk's notes.
func TestWorkerFormSaveOverAChangeMeanwhileAsksPerField(t *testing.T) {
	h := newHarness(t, true)
	w := testWorker(1, "王秀兰")
	w.Notes = "会做饭"
	w.Address = "和平镇"
	ws := h.editStoredWorker(w)
	saveStored(h, h.s.Worker, w.ID, func(o *data.Worker) { o.Phone = "13993100001" })

	h.typeInto(ws.form.notes, "会做饭，有育婴师证")
	h.typeInto(ws.form.address, "和平镇袁家营村")
	ws.form.doSave()
	h.settle()
	if !h.dialogOpen() {
		t.Fatal("saving over the other clerk's change showed no choice")
	}
	if got := h.w.Canvas().Overlays().Top().MinSize(); got.Width > smallWindow.Width || got.Height > smallWindow.Height {
		t.Errorf("the choice needs %v, more than the %v window", got, smallWindow)
	}
	h.mustShow("电话")
	h.mustShow(ident.MaskPhone("13993100001")) // 对方保存的值
	h.mustShow(ident.MaskPhone(w.Phone))       // 您填写的值
	if h.shows("13993100001") {
		t.Error("the dialog shows the full phone number")
	}
	if h.shows("备注") || h.shows("地址") {
		t.Error("the dialog lists a field only this clerk changed")
	}
	stored, _ := h.s.Worker(w.ID)
	if stored.Notes != "会做饭" || stored.Phone != "13993100001" {
		t.Fatalf("the refused save wrote: notes %q phone %q", stored.Notes, stored.Phone)
	}

	h.chooseSide(theirsWord, 0) // the phone: 对方
	saveStored(h, h.s.Worker, w.ID, func(o *data.Worker) { o.Address = "城关镇" })
	h.tap("保存")
	if !h.dialogOpen() {
		t.Fatal("a second change meanwhile was saved over without asking")
	}
	h.mustShow("地址")
	h.mustShow("城关镇")
	h.mustShow("和平镇袁家营村")
	h.tap("保存") // the address: 您填写的值, the default
	if h.dialogOpen() || ws.form != nil {
		t.Fatal("the merged save did not go in and close the form")
	}
	stored, _ = h.s.Worker(w.ID)
	if stored.Phone != "13993100001" || stored.Notes != "会做饭，有育婴师证" || stored.Address != "和平镇袁家营村" {
		t.Errorf("stored phone %q notes %q address %q; want the other clerk's phone, the clerk's notes and address",
			stored.Phone, stored.Notes, stored.Address)
	}
}

// Esc on the choice writes nothing and leaves the form open with what
// the clerk typed and a line saying it is not saved yet.
func TestChangedMeanwhileEscKeepsTheForm(t *testing.T) {
	h := newHarness(t, true)
	w := testWorker(2, "张建国")
	ws := h.editStoredWorker(w)
	saveStored(h, h.s.Worker, w.ID, func(o *data.Worker) { o.Notes = "已联系" })
	h.typeInto(ws.form.notes, "电话未接通")
	ws.form.doSave()
	h.settle()
	if !h.dialogOpen() {
		t.Fatal("no choice shown")
	}
	h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.settle()
	if h.dialogOpen() || ws.form == nil {
		t.Fatal("Esc did not close the choice back to the form")
	}
	if ws.form.notes.Text != "电话未接通" {
		t.Errorf("the form's notes = %q, want what the clerk typed", ws.form.notes.Text)
	}
	h.mustShow("尚未保存")
	if stored, _ := h.s.Worker(w.ID); stored.Notes != "已联系" {
		t.Errorf("Esc wrote notes %q", stored.Notes)
	}
}

// The employer and demand forms save the same way. An employer: the
// other clerk changed the contact, this clerk the notes; 保存 with the
// default (您填写的值) keeps this clerk's contact. A demand: the other
// clerk raised the headcount, this clerk changed the title; choosing 对方
// keeps the new headcount and the clerk's title.
func TestEmployerAndDemandFormsAskOnAChangeMeanwhile(t *testing.T) {
	h := newHarness(t, true)
	d := h.matchDemand("MA1XY2K1", "南京悦家家政服务有限公司", func(d *data.Demand) { d.Headcount = 10 })
	saveStored(h, h.s.Employer, d.EmployerID, func(e *data.Employer) { e.Contact = "陈经理" })
	es := h.openEmployers()

	es.openEmployer(d.EmployerID)
	h.settle()
	saveStored(h, h.s.Employer, d.EmployerID, func(o *data.Employer) { o.Contact = "周主任" })
	ef := es.form.(*employerForm)
	h.typeInto(ef.notes, "已建会，愿意接收脱贫劳动力")
	ef.doSave()
	h.settle()
	if !h.dialogOpen() {
		t.Fatal("the employer form saved over the other clerk's contact without asking")
	}
	h.mustShow("联系人")
	h.mustShow("周主任")
	h.mustShow("陈经理")
	h.tap("保存")
	if stored, _ := h.s.Employer(d.EmployerID); stored.Contact != "陈经理" || stored.Notes != "已建会，愿意接收脱贫劳动力" {
		t.Errorf("employer stored contact %q notes %q, want the clerk's both", stored.Contact, stored.Notes)
	}

	es.openDemand(d.ID)
	h.settle()
	saveStored(h, h.s.Demand, d.ID, func(o *data.Demand) { o.Headcount = 12 })
	df := es.form.(*demandForm)
	h.typeInto(df.title, "住家保姆（可带孩子）")
	df.doSave()
	h.settle()
	if !h.dialogOpen() {
		t.Fatalf("the demand form saved over the other clerk's headcount without asking: %s", df.fm.summary.Text)
	}
	h.mustShow("招聘人数")
	h.chooseSide(theirsWord, 0)
	h.tap("保存")
	if stored, _ := h.s.Demand(d.ID); stored.Headcount != 12 || stored.Title != "住家保姆（可带孩子）" {
		t.Errorf("demand stored headcount %d title %q, want 12 and the clerk's title", stored.Headcount, stored.Title)
	}
}
