package app

import "testing"

// Every screen fits the default window (1,240 × 700, which a 1,366 × 768
// laptop screen holds): a screen wider than that pushes the window past
// the edge of such a screen and cuts off its right-hand side.
func TestEveryScreenFitsTheDefaultWindow(t *testing.T) {
	h := newHarness(t, true)
	for i := 1; i <= 30; i++ {
		if err := h.s.Create(testWorker(i, "劳动者")); err != nil {
			t.Fatal(err)
		}
	}
	for i, sc := range h.g.screens {
		h.g.navigate(i)
		h.settle()
		if w := h.w.Content().MinSize().Width; w > defaultWindowSize.Width {
			t.Errorf("%s needs %.0f pixels, wider than the default window's %.0f", sc.title, w, defaultWindowSize.Width)
		}
	}
}
