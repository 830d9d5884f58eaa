package app

import (
	"path/filepath"
	"strings"
	"testing"

	"duikou/data/exchange"
)

// A worker withdraws consent at the sending office: the receiving clerk's
// preview says the worker's personal data will be erased, and after
// 确认导入 it is.
func TestExchangePreviewNamesAWithdrawal(t *testing.T) {
	a, b := pairedOffices(t)
	dir := t.TempDir()
	w := testWorker(3, "李春梅")
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	f1 := filepath.Join(dir, "a-1.duikou")
	exportFrom(t, a, f1)
	importInto(t, b, f1)

	w.Consent = false
	if err := a.s.Update(w); err != nil {
		t.Fatal(err)
	}
	f2 := filepath.Join(dir, "a-2.duikou")
	exportFrom(t, a, f2)
	exchangeOn(b, tabImport, f2)
	b.tap("选择交换文件…")
	b.mustShow("1 名劳动者已由登记单位撤回共享同意")
	b.tap("确认导入")
	b.mustShow("已导入来自")
	got, err := b.s.Worker(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Consent || got.IDNumber != "" || got.Phone != "" || !strings.Contains(got.Name, "已撤回同意") {
		t.Fatalf("B's copy after the withdrawal: consent %v, id %q, phone %q, name %q",
			got.Consent, got.IDNumber, got.Phone, got.Name)
	}
}

// pairedOffices is a sending office (a) and a receiving one (b), each
// with the other's card pinned, as after both added the other as 合作方.
func pairedOffices(t *testing.T) (a, b *harness) {
	t.Helper()
	a = newHarness(t, true)
	b = partnerHarness(t, a)
	cardA, _ := exchange.CardOf(a.s)
	cardB, _ := exchange.CardOf(b.s)
	if _, err := exchange.Pin(a.s, cardB); err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.Pin(b.s, cardA); err != nil {
		t.Fatal(err)
	}
	return a, b
}
