package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"duikou/data"
	"duikou/data/storage"
)

// seedWorkers writes n workers: every third is 已就业, every fourth a
// 脱贫户, every fifth from 定西市安定区 (621102), every seventh a 电工.
func seedWorkers(t testing.TB, s *storage.Store, n int) {
	t.Helper()
	err := s.WriteBulk(func(tx *storage.Tx) error {
		for i := 1; i <= n; i++ {
			w := testWorker(i, fmt.Sprintf("劳动者%04d", i))
			if i%3 == 0 {
				w.Status = data.WorkerEmployed
			}
			if i%4 == 0 {
				w.Poverty = data.PovertyLifted
			}
			if i%5 == 0 {
				w.HukouRegion = "621102"
			}
			if i%7 == 0 {
				w.Skills[0].Occupation = "electrician"
			}
			if err := tx.Create(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWorkerListFiltersAndCounts(t *testing.T) {
	h := newHarness(t, true)
	seedWorkers(t, h.s, 60)
	ws := h.openWorkerList()
	h.mustShow("共 60 人")

	// Typing narrows the list at each keystroke.
	test.Type(ws.search, "劳动者001")
	h.settle()
	h.mustShow("符合条件的 10 人") // 0010..0019
	test.Type(ws.search, "5")
	h.settle()
	h.mustShow("符合条件的 1 人")
	if got := ws.table.cellText(0, 0); got != "劳动者0015" {
		t.Fatalf("the one match is %q", got)
	}
	ws.search.SetText("")
	h.settle()
	h.mustShow("共 60 人")

	// A phone number typed in part finds its worker.
	test.Type(ws.search, "13800000042")
	h.settle()
	if ws.rows.length() != 1 || ws.table.cellText(0, 0) != "劳动者0042" {
		t.Fatalf("phone search found %d rows, first %q", ws.rows.length(), ws.table.cellText(0, 0))
	}
	ws.search.SetText("")

	ws.status.SetSelected(data.WorkerEmployed.Label())
	h.settle()
	h.mustShow("符合条件的 20 人")
	ws.poverty.SetSelected(data.PovertyLifted.Label())
	h.settle()
	h.mustShow("符合条件的 5 人") // multiples of 12
	ws.status.SetSelectedIndex(0)
	ws.poverty.SetSelectedIndex(0)

	// The county filter through the region chooser.
	h.pickRegion(ws.region, "安定区")
	if ws.region.code != "621102" {
		t.Fatalf("picked %q, want 621102", ws.region.code)
	}
	h.mustShow("符合条件的 12 人")
	test.Tap(ws.region.clear)
	h.settle()
	h.mustShow("共 60 人")

	// The 工种 filter through the occupation chooser.
	h.pickOcc(func() { test.Tap(ws.occ.button) }, func() *occChooser { return ws.occ.chooser }, "电工")
	if ws.occ.code != "electrician" {
		t.Fatalf("picked 工种 %q", ws.occ.code)
	}
	h.mustShow("符合条件的 8 人")
	test.Tap(ws.occ.clear)
	h.settle()

	// Tapping 姓名 sorts by name, again reverses.
	ws.table.sortBy(0)
	h.settle()
	if first := ws.table.cellText(0, 0); first != "劳动者0001" {
		t.Fatalf("ascending by name starts with %q", first)
	}
	ws.table.sortBy(0)
	h.settle()
	if first := ws.table.cellText(0, 0); first != "劳动者0060" {
		t.Fatalf("descending by name starts with %q", first)
	}
	// 年龄 ascending means the youngest first (latest birth date).
	ws.table.sortBy(2)
	h.settle()
	a, b := ws.table.cellText(0, 2), ws.table.cellText(59, 2)
	if a > b {
		t.Fatalf("age ascending: first %s, last %s", a, b)
	}
}

func TestWorkerHeaderTapSorts(t *testing.T) {
	h := newHarness(t, true)
	seedWorkers(t, h.s, 5)
	ws := h.openWorkerList()
	// The header cells are buttons made by the table; tapping 姓名 sorts.
	h.tap("姓名")
	if ws.table.sortCol != 0 || ws.table.cellText(0, 0) != "劳动者0001" {
		t.Fatalf("after tapping 姓名: sort column %d, first row %q", ws.table.sortCol, ws.table.cellText(0, 0))
	}
	h.tap("姓名 ▲")
	if ws.table.cellText(0, 0) != "劳动者0005" {
		t.Fatalf("tapping 姓名 again should reverse; first row %q", ws.table.cellText(0, 0))
	}
}

// TestPagedRowsReadDeepPages scrolls to rows beyond the first page (by
// offset and by keyset) and checks them against the Store's order.
func TestPagedRowsReadDeepPages(t *testing.T) {
	h := newHarness(t, true)
	seedWorkers(t, h.s, 3*rowsPageSize+17)
	ws := h.openWorkerList()
	ws.table.sortBy(0) // by name: 劳动者0001 first
	h.settle()
	for _, i := range []int{rowsPageSize + 3, 3 * rowsPageSize, 2*rowsPageSize + 5, 3*rowsPageSize + 16} {
		if _, ok := ws.rows.row(i); ok {
			continue
		}
		h.settle()
		w, ok := ws.rows.row(i)
		if !ok {
			t.Fatalf("row %d did not load", i)
		}
		if want := fmt.Sprintf("劳动者%04d", i+1); w.Name != want {
			t.Fatalf("row %d is %s, want %s", i, w.Name, want)
		}
	}
	if _, ok := ws.rows.row(3*rowsPageSize + 17); ok {
		t.Fatal("a row past the end loaded")
	}
}

// A worker written before the list was ever shown (an import, another
// screen) must not disturb the list that is not built yet.
func TestWorkerWrittenBeforeListShown(t *testing.T) {
	h := newHarness(t, true)
	if err := h.s.Create(testWorker(1, "王五")); err != nil {
		t.Fatal(err)
	}
	h.settle()
	ws := h.openWorkerList()
	h.mustShow("共 1 人")
	if ws.table.cellText(0, 0) != "王五" {
		t.Fatalf("first row %q", ws.table.cellText(0, 0))
	}
}
