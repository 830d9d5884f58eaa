package app

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// testNow is the tests' clock: 2026-11-22 10:00 Beijing time.
var testNow = time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)

// uiQueue stands in for fyne.Do: background loops post their results here
// and the test goroutine runs them in settle, as the app's UI thread would.
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

func (q *uiQueue) do(fn func()) {
	q.mu.Lock()
	q.fns = append(q.fns, fn)
	q.mu.Unlock()
}

func (q *uiQueue) drain() bool {
	q.mu.Lock()
	fns := q.fns
	q.fns = nil
	q.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
	return len(fns) > 0
}

// harness is a GUI on a temporary database in a test window.
type harness struct {
	t     *testing.T
	g     *GUI
	s     *storage.Store
	loc   string // where s is, for another desktop to open
	w     fyne.Window
	queue *uiQueue
}

// openStore opens a fresh database on the test clock: a file, or a
// PostgreSQL database when DUIKOU_TEST_POSTGRES names a server
// (data/storage/testdb), with its automatic backups in the test's folder.
func openStore(t testing.TB) *storage.Store {
	t.Helper()
	s, _ := openStoreAt(t)
	return s
}

// openStoreAt is openStore with the database's location, for a second
// desktop to open.
func openStoreAt(t testing.TB) (*storage.Store, string) {
	t.Helper()
	loc := testdb.Location(t)
	s, err := storage.OpenWith(loc, testStoreOptions(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, loc
}

// testStoreOptions are the tests' Store options: the clock, and the
// automatic backups in the test's folder on PostgreSQL.
func testStoreOptions(t testing.TB) storage.Options {
	return storage.Options{Now: func() time.Time { return testNow }, BackupDir: testdb.BackupDir(t)}
}

// newHarness opens the GUI; with setup the office is registered first
// (榆中县总工会, a sending office), so the main window shows.
func newHarness(t *testing.T, setup bool) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	s, loc := openStoreAt(t)
	if setup {
		if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewTempWindow(t, nil)
	q := &uiQueue{}
	g := newGUI(a, w, s, Options{}, q.do)
	w.Resize(fyne.NewSize(1280, 720))
	h := &harness{t: t, g: g, s: s, loc: loc, w: w, queue: q}
	h.settle()
	return h
}

// settle runs the background work to the end: it waits for every query
// loop and runs what they posted to the UI, until nothing is left.
func (h *harness) settle() {
	h.t.Helper()
	for round := 0; ; round++ {
		for _, r := range h.g.runners {
			r.waitIdle()
		}
		// Applying results redraws tables, which may ask for more
		// pages: go round until nothing new was posted.
		if !h.queue.drain() {
			return
		}
		// A UI that never settles posts again every round. Rounds are
		// counted, not seconds: a job may rightly take long (the key
		// export's scrypt takes seconds on a busy machine), and a clock
		// would fail a test for the machine's load, not the UI's loop.
		if round == maxSettleRounds {
			h.t.Fatalf("the UI did not settle: it posted new work %d rounds running", maxSettleRounds)
		}
	}
}

// maxSettleRounds is far more rounds of results than any screen asks
// for (a table's pages come one round each).
const maxSettleRounds = 1000

// all lists the objects a clerk can reach: those of the open dialog if
// there is one (it covers the window), else the window's.
func (h *harness) all() []fyne.CanvasObject {
	if top := h.w.Canvas().Overlays().Top(); top != nil {
		return test.LaidOutObjects(top)
	}
	return test.LaidOutObjects(h.w.Content())
}

// goTo shows screen i (screenWorkers ...) and lets it load.
func (h *harness) goTo(i int) {
	h.g.navigate(i)
	h.settle()
}

// button finds a visible button by its text.
func (h *harness) button(text string) *widget.Button {
	h.t.Helper()
	return onScreen(h, fmt.Sprintf("button %q", text), func(b *widget.Button) bool { return b.Text == text })
}

// onScreen is the first visible W on screen (in the open dialog if any)
// that match takes; the test fails, naming what, when there is none.
func onScreen[W fyne.CanvasObject](h *harness, what string, match func(W) bool) W {
	h.t.Helper()
	for _, o := range h.all() {
		if w, ok := o.(W); ok && w.Visible() && match(w) {
			return w
		}
	}
	h.t.Fatalf("no %s on screen", what)
	var none W
	return none
}

// tap taps the button with this text and lets the UI settle.
func (h *harness) tap(text string) {
	h.t.Helper()
	b := h.button(text)
	if b.Disabled() {
		h.t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
	h.settle()
}

// typeInto replaces the text of an entry as a clerk would: select all,
// then type.
func (h *harness) typeInto(e *textEntry, text string) {
	h.t.Helper()
	e.SetText("")
	test.Type(e, text)
	h.settle()
}

// dialogOpen reports whether a dialog is showing.
func (h *harness) dialogOpen() bool { return h.w.Canvas().Overlays().Top() != nil }

// shows reports whether some label on screen contains text.
func (h *harness) shows(text string) bool {
	for _, o := range h.all() {
		switch l := o.(type) {
		case *widget.Label:
			if l.Visible() && strings.Contains(l.Text, text) {
				return true
			}
		case *cjkLabel:
			if l.Visible() && strings.Contains(l.source, text) {
				return true
			}
		}
	}
	return false
}

func (h *harness) mustShow(text string) {
	h.t.Helper()
	if !h.shows(text) {
		h.t.Fatalf("nothing on screen says %q", text)
	}
}

// testWorker is a valid worker born in 1990 + seq%30 in 榆中县.
func testWorker(seq int, name string) *data.Worker {
	birth := time.Date(1970+seq%30, time.Month(1+seq%12), 1+seq%28, 0, 0, 0, 0, time.UTC)
	return &data.Worker{
		Name:        name,
		IDNumber:    ident.MakeID("620123", birth, seq, seq%2 == 0),
		Phone:       fmt.Sprintf("138%08d", seq),
		HukouRegion: "620123",
		Skills:      []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4}},
		Consent:     true,
	}
}

// validID is a valid ID number of a woman born on 1990-03-14 in 榆中县.
func validID(seq int) string {
	return ident.MakeID("620123", time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC), seq, true)
}

// withWrongCheck changes the check character of a valid ID number.
func withWrongCheck(id string) string {
	last := id[17]
	wrong := byte('0')
	if last == '0' {
		wrong = '1'
	}
	return id[:17] + string(wrong)
}

// testCreditCode is a valid enterprise credit code in 江宁区.
func testCreditCode(body8 string) string { return ident.MakeCompanyCode("320115", body8) }

func tableCell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

// needPdftotext skips the test where poppler's pdftotext is missing, as
// on a developer's machine; CI installs it, so there the test fails.
func needPdftotext(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not on PATH; CI installs poppler-utils")
		}
		t.Skip("pdftotext is not on PATH (apt-get install poppler-utils)")
	}
}

// printedText is the PDF at path read back by pdftotext, with the white
// space taken out (a table cell's Chinese breaks anywhere).
func printedText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// openWorkbook opens the workbook at path (an export the test made); it is
// closed when the test ends.
func openWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetRows are the rows of f's sheet, header first.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// readRows are the rows of one sheet of the workbook at path.
func readRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	return sheetRows(t, openWorkbook(t, path), sheet)
}
