package app

import (
	"testing"

	"duikou/data"
)

// Another desktop restored the office's database from a backup (its
// notice, data.Change.Replaced, which the Store hears from the server):
// the clerk is told, and the worker form being filled in stays open with
// what was typed.
func TestARestoreElsewhereIsToldAndKeepsTheForm(t *testing.T) {
	h := newHarness(t, true)
	ws := h.editStoredWorker(testWorker(1, "王秀兰"))
	h.typeInto(ws.form.notes, "电话未接通")
	h.g.dataChanged(data.Change{Replaced: true})
	h.settle()
	h.mustShow("数据库已从备份恢复")
	h.mustShow("备份之后录入的记录已不在库中")
	h.tap("确定")
	if ws.form == nil || ws.form.notes.Text != "电话未接通" {
		t.Fatal("the form being filled in was closed or lost what was typed")
	}
}
