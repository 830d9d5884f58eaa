package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"duikou/data"
)

// An opened worker shows 身份证号 and 联系电话 masked and read-only; 显示
// writes a reveal to the audit log (with masked numbers only) and then
// shows the number, without marking the form changed. Saving a masked
// form keeps the stored numbers.
func TestWorkerFormMasksIDAndPhoneUntilShown(t *testing.T) {
	h := newHarness(t, true)
	w := testWorker(5, "汪晓桂")
	w.ConsentDate = data.MakeDate(2026, 11, 1)
	if err := h.s.Create(w); err != nil {
		t.Fatal(err)
	}
	ws := h.openWorkerList()
	ws.table.table.Select(tableCell(0, 0))
	h.settle()
	f := ws.form
	if f == nil {
		t.Fatal("the worker did not open")
	}
	// testWorker(5) is 620123 1975-06-06 …, phone 13800000005.
	maskedID := w.IDNumber[:6] + "********" + w.IDNumber[14:]
	if f.idNumber.Text != maskedID || !f.idNumber.Disabled() {
		t.Fatalf("ID shows %q (disabled %v), want %q read-only", f.idNumber.Text, f.idNumber.Disabled(), maskedID)
	}
	if f.phone.Text != "138****0005" || !f.phone.Disabled() {
		t.Fatalf("phone shows %q", f.phone.Text)
	}
	if n := reveals(t, h); n != 0 {
		t.Fatalf("%d reveals before 显示", n)
	}

	// Saving with the numbers masked keeps them.
	h.typeInto(f.name, "汪晓桂英")
	h.tap("保存")
	if got, _ := h.s.Worker(w.ID); got.IDNumber != w.IDNumber || got.Phone != w.Phone || got.Name != "汪晓桂英" {
		t.Fatalf("after a masked save: %q %q %q", got.Name, got.IDNumber, got.Phone)
	}

	ws.table.table.Select(tableCell(0, 0))
	h.settle()
	f = ws.form
	test.Tap(f.idShown.show)
	if f.idNumber.Text != w.IDNumber || f.idNumber.Disabled() || f.idShown.show.Visible() {
		t.Fatalf("after 显示 the ID shows %q", f.idNumber.Text)
	}
	if f.dirty {
		t.Error("显示 marked the form changed")
	}
	if f.phone.Text != "138****0005" {
		t.Error("显示 beside the ID number showed the phone too")
	}
	log, err := h.s.AuditLog(1)
	if err != nil || len(log) != 1 {
		t.Fatal(err)
	}
	e := log[0]
	if e.Action != data.ActReveal || e.RowID != w.ID || e.Clerk != "李娟" ||
		!strings.Contains(e.Summary, "身份证号") || !strings.Contains(e.Summary, maskedID) || strings.Contains(e.Summary, w.IDNumber) {
		t.Fatalf("audit entry %+v", e)
	}
	test.Tap(f.phoneShown.show)
	if f.phone.Text != w.Phone || reveals(t, h) != 2 {
		t.Fatalf("after 显示 the phone shows %q, %d reveals", f.phone.Text, reveals(t, h))
	}
}

// reveals counts the reveal entries in the audit log.
func reveals(t *testing.T, h *harness) int {
	t.Helper()
	log, err := h.s.AuditLog(100)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log {
		if e.Action == data.ActReveal {
			n++
		}
	}
	return n
}
