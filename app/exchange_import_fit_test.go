package app

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"duikou/data"
	"duikou/data/exchange"
)

// A preview with every note under the counts (a withdrawal and a
// conflict) keeps 确认导入 in sight below it, in a 1,024 × 700 window and
// in one a clerk made shorter, where the preview has to scroll: the
// clerk must not have to scroll to find the button that imports the file.
func TestImportPreviewKeepsConfirmInSight(t *testing.T) {
	a, b := pairedOffices(t)
	dir := t.TempDir()
	w, v := testWorker(11, "李春梅"), testWorker(12, "王桂兰")
	for _, r := range []*data.Worker{w, v} {
		if err := a.s.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	f1 := filepath.Join(dir, "a-1.duikou")
	exportFrom(t, a, f1)
	importInto(t, b, f1)

	// A registers more (an employer, its demand, placements and a
	// follow-up: every kind of record in the counts), withdraws one
	// worker's consent and changes the other's notes; B changes the same
	// notes meanwhile.
	a.seedPlacements()
	saveStored(a, a.s.Worker, w.ID, func(wa *data.Worker) { wa.Consent = false })
	saveStored(a, a.s.Worker, v.ID, func(va *data.Worker) { va.Notes = "兰州：已订车票" })
	saveStored(b, b.s.Worker, v.ID, func(vb *data.Worker) { vb.Notes = "江宁：已安排宿舍" })
	// The name the export suggests, with both offices in it.
	at := time.Date(2026, 11, 30, 16, 5, 0, 0, time.Local)
	f2 := filepath.Join(dir, exchange.FileName("榆中县总工会", "南京市江宁区总工会", at))
	exportFrom(t, a, f2)

	x := exchangeOn(b, tabImport, f2)
	b.tap("选择交换文件…")
	b.mustShow("撤回共享同意")
	b.mustShow("双方同时修改")
	for _, c := range []struct {
		height  float32
		scrolls bool
	}{{700, false}, {640, true}} {
		b.w.Resize(fyne.NewSize(1024, c.height))
		b.settle()
		what := fmt.Sprintf("导入 in a 1024 × %.0f window", c.height)
		preview := scrollIn(t, x.imp.view)
		if scrolls := preview.Content.MinSize().Height > preview.Size().Height; scrolls != c.scrolls {
			t.Fatalf("%s: the preview (%.0f pixels) in its %.0f scrolls: %v, want %v", what,
				preview.Content.MinSize().Height, preview.Size().Height, scrolls, c.scrolls)
		}
		b.endsInside("确认导入", b.button("确认导入"), x.imp.view, what)
	}
}
