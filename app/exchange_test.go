package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/demo"
	"duikou/data/exchange"
	"duikou/data/storage"
)

// Exchange tab indices.
const (
	tabPartners = iota
	tabExport
	tabImport
	tabConflicts
	tabHistory
)

// partnerHarness opens a second GUI, for a receiving office, in h's app.
func partnerHarness(t *testing.T, h *harness) *harness {
	t.Helper()
	s := openStore(t)
	if _, err := s.SetupOffice("南京市江宁区总工会", "320115", data.RoleReceiving, "陈静"); err != nil {
		t.Fatal(err)
	}
	return harnessOn(t, h.g.app, s)
}

// harnessOn opens a GUI on s in the app a.
func harnessOn(t *testing.T, a fyne.App, s *storage.Store) *harness {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	q := &uiQueue{}
	g := newGUI(a, w, s, Options{}, q.do)
	w.Resize(fyne.NewSize(1280, 720))
	b := &harness{t: t, g: g, s: s, w: w, queue: q}
	b.settle()
	return b
}

// exchangeOn opens the 数据交换 screen on tab i, with the file dialogs
// replaced by the given path.
func exchangeOn(h *harness, tab int, path string) *exchangeScreen {
	h.t.Helper()
	h.goTo(screenExchange)
	x := h.g.screens[screenExchange].scr.(*exchangeScreen)
	h.g.files = &fileHooks{
		pickOpen: func(_ string, _ []string, then func(string)) { then(path) },
		pickSave: func(_, _ string, _ []string, then func(string)) { then(path) },
	}
	x.tabs.SelectIndex(tab)
	h.settle()
	return x
}

// exportFrom exports from h's GUI to its only partner into path.
func exportFrom(t *testing.T, h *harness, path string) {
	t.Helper()
	x := exchangeOn(h, tabExport, path)
	if x.export.to.Selected == "" {
		t.Fatalf("no partner selected to export to; options %v", x.export.to.Options)
	}
	h.mustShow("对方尚未确认收到的变更")
	h.tap("导出交换文件…")
	h.mustShow("已导出交换文件：" + path)
}

// importInto previews path in h's GUI and confirms it.
func importInto(t *testing.T, h *harness, path string) {
	t.Helper()
	exchangeOn(h, tabImport, path)
	h.tap("选择交换文件…")
	h.mustShow("预览（未写入数据库）")
	h.tap("确认导入")
	h.mustShow("已导入来自")
	h.mustShow("导入前的备份")
}

// fingerprintOf is h's office fingerprint.
func fingerprintOf(t *testing.T, h *harness) string {
	fp, err := exchange.OfficeFingerprint(h.s)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

// state is what a refused file must leave untouched.
func state(t *testing.T, s *storage.Store) [3]int64 {
	t.Helper()
	n, err := s.CountWorkers(data.WorkerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	log, _ := s.AuditLog(1)
	ps, _ := s.Partners()
	in, _ := s.BundleHistory(ps[0].ID, "in", 1000)
	return [3]int64{n, log[0].ID, int64(len(in))}
}

// Two offices exchange through the screen: cards, export, preview and
// confirm; a second import is a no-op, a tampered file is refused with
// nothing changed, and a conflict is resolved in the list and travels back.
func TestExchangeScreenBetweenTwoOffices(t *testing.T) {
	a := newHarness(t, true)
	b := partnerHarness(t, a)
	dir := t.TempDir()

	// A exports its card; B adds it after checking the fingerprint.
	cardA := filepath.Join(dir, "card-a.json")
	exchangeOn(a, tabPartners, cardA)
	a.mustShow(fingerprintOf(t, a))
	a.mustShow("还没有合作方")
	exchangeOn(a, tabExport, cardA)
	a.mustShow("还没有可以发送的合作方")
	exchangeOn(a, tabPartners, cardA)
	a.tap("导出名片…")
	a.mustShow("已导出本单位名片")
	a.tap("确定")
	exchangeOn(b, tabPartners, cardA)
	b.tap("添加合作方…")
	b.mustShow("请给对方打电话")
	b.mustShow(fingerprintOf(t, a))
	b.tap("指纹一致，添加")
	b.mustShow("已添加合作方：榆中县总工会")
	b.tap("确定")
	b.mustShow("榆中县总工会")
	cardB, _ := exchange.CardOf(b.s)
	if _, err := exchange.Pin(a.s, cardB); err != nil {
		t.Fatal(err)
	}

	w := testWorker(1, "张秀英")
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	f1 := filepath.Join(dir, "a-1.duikou")
	exportFrom(t, a, f1)
	a.mustShow("记录 1 条（劳动者 1）")
	importInto(t, b, f1)
	b.mustShow("新增 1 条")
	if got, err := b.s.Worker(w.ID); err != nil || got.Name != "张秀英" {
		t.Fatalf("B after import: %+v %v", got, err)
	}

	// The same file again: already imported, nothing changed.
	before := state(t, b.s)
	exchangeOn(b, tabImport, f1)
	b.tap("选择交换文件…")
	b.mustShow("已导入过，未作任何更改")
	if state(t, b.s) != before {
		t.Fatal("the second import changed B")
	}

	// A tampered file is refused with its message; no 确认导入.
	w.Notes = "已联系"
	if err := a.s.Update(w); err != nil {
		t.Fatal(err)
	}
	f2 := filepath.Join(dir, "a-2.duikou")
	exportFrom(t, a, f2)
	raw, _ := os.ReadFile(f2)
	raw[len(raw)/2] ^= 0x01
	bad := filepath.Join(dir, "a-2-bad.duikou")
	os.WriteFile(bad, raw, 0o644)
	exchangeOn(b, tabImport, bad)
	b.tap("选择交换文件…")
	b.mustShow(exchange.ErrCorrupt.Error())
	b.mustShow("数据库未作任何更改")
	if bt := findButton(b, "确认导入"); bt != nil && bt.Visible() {
		t.Fatal("a refused file offers 确认导入")
	}
	if state(t, b.s) != before {
		t.Fatal("the tampered file changed B")
	}

	// Both change the same field: B imports A's edit, sees one conflict
	// with both values, and takes the value that lost.
	importInto(t, b, f2)
	saveStored(a, a.s.Worker, w.ID, func(wa *data.Worker) { wa.Notes = "兰州：已订车票" })
	saveStored(b, b.s.Worker, w.ID, func(wb *data.Worker) { wb.Notes = "江宁：已安排宿舍" })
	f3 := filepath.Join(dir, "a-3.duikou")
	exportFrom(t, a, f3)
	importInto(t, b, f3)
	b.mustShow("冲突 1 处")
	x := exchangeOn(b, tabConflicts, "")
	if x.conflict.tab.Text != "冲突（1）" {
		t.Fatalf("tab says %q", x.conflict.tab.Text)
	}
	b.mustShow("兰州：已订车票")
	b.mustShow("江宁：已安排宿舍")
	b.mustShow("备注")
	cur, _ := b.s.Worker(w.ID)
	other := "兰州：已订车票"
	choice := "用对方的"
	if cur.Notes == other {
		other, choice = "江宁：已安排宿舍", "用本单位的"
	}
	b.tap(choice)
	b.mustShow("没有待处理的冲突")
	if got, _ := b.s.Worker(w.ID); got.Notes != other {
		t.Fatalf("after resolving, B's notes %q, want %q", got.Notes, other)
	}

	// The resolution travels back to A with B's next file.
	f4 := filepath.Join(dir, "b-1.duikou")
	exportFrom(t, b, f4)
	importInto(t, a, f4)
	if got, _ := a.s.Worker(w.ID); got.Notes != other {
		t.Fatalf("A's notes %q, want %q", got.Notes, other)
	}
	if n, _ := a.s.CountOpenConflicts(); n != 0 {
		t.Fatalf("A still has %d open conflicts", n)
	}

	// History lists the files both ways; the partner list their dates.
	exchangeOn(a, tabHistory, "")
	a.mustShow("a-3.duikou")
	a.mustShow("b-1.duikou")
	a.mustShow("收到")
}

// The two demo offices (duikou demo, then demo --partner-of) exchange
// both ways through the screen at once, and each second import is a no-op.
func TestDemoOfficesExchangeBothWaysInTheGUI(t *testing.T) {
	dir := t.TempDir()
	sa, err := demo.Create(filepath.Join(dir, "lanzhou.db"), demo.Options{Workers: 60, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sa.Close() })
	sb, err := demo.CreatePartner(filepath.Join(dir, "nanjing.db"), sa, 3)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	a := harnessOn(t, test.NewTempApp(t), sa)
	b := harnessOn(t, a.g.app, sb)
	exchangeOn(a, tabPartners, "")
	a.mustShow(demo.PartnerName)
	exchangeOn(b, tabPartners, "")
	b.mustShow(demo.OfficeName)

	ab, ba := filepath.Join(dir, "a-b.duikou"), filepath.Join(dir, "b-a.duikou")
	exportFrom(t, a, ab)
	exportFrom(t, b, ba)
	for _, step := range []struct {
		h    *harness
		file string
	}{{b, ab}, {a, ba}} {
		importInto(t, step.h, step.file)
		exchangeOn(step.h, tabImport, step.file)
		step.h.tap("选择交换文件…")
		step.h.mustShow("已导入过，未作任何更改")
	}
	if n, _ := sb.CountWorkers(data.WorkerFilter{}); n == 0 {
		t.Fatal("no workers reached Nanjing")
	}
	na, _ := sa.CountEmployers(data.EmployerFilter{})
	nb, _ := sb.CountEmployers(data.EmployerFilter{})
	if na != nb || na <= 55 {
		t.Fatalf("employers: Lanzhou %d, Nanjing %d", na, nb)
	}
	exchangeOn(a, tabHistory, "")
	a.mustShow("a-b.duikou")
	a.mustShow("b-a.duikou")
}

// findButton is the visible button with this text, or nil.
func findButton(h *harness, text string) *widget.Button {
	for _, o := range h.all() {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

// The real file dialogs open (they must be sized after Show) with our
// titles and Fyne's words in Chinese.
func TestExchangeFileDialogsOpenInChinese(t *testing.T) {
	h := newHarness(t, true)
	h.goTo(screenExchange)
	x := h.g.screens[screenExchange].scr.(*exchangeScreen)
	x.tabs.SelectIndex(tabImport)
	h.settle()
	h.tap("选择交换文件…")
	if !h.dialogOpen() {
		t.Fatal("no file dialog")
	}
	h.mustShow("选择合作方发来的交换文件")
	h.mustShow("上一级")
	h.mustShow("主目录")
	for _, english := range []string{"Parent", "Cancel", "Open", "Home"} {
		if findButton(h, english) != nil || h.shows(english) {
			t.Errorf("the file dialog shows %q", english)
		}
	}
	h.tap("取消")
	h.tap("导出名片…")
	h.mustShow("导出本单位名片")
	h.tap("取消")
}
