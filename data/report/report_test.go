package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

// pdfText reads a PDF back with poppler's pdftotext in content order
// (-raw), so a name wrapped over two lines of its cell comes out in one
// piece once white space is dropped.
func pdfText(t *testing.T, path string) (pages []string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not on PATH; CI installs poppler-utils")
		}
		t.Skip("pdftotext is not on PATH (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// pdftotext ends each page with a form feed.
	pages = strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	return pages
}

// pageBreak is what lies between the end of one page's table and the
// start of the next one's rows.
var pageBreak = regexp.MustCompile(`第\d+页共\d+页注：身份证号、联系电话已隐去中间部分榆中县总工会` +
	regexp.QuoteMeta(Placements.Title()+"（续）填报单位：榆中县总工会序号姓名性别身份证号联系电话户籍地用工单位岗位/工种工作地点阶段推荐日期上岗日期备注"))

func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestPlacementRosterReadsBackWithEveryNameAndNoFullNumbers(t *testing.T) {
	s := newStore(t)
	ws := fixture(t, s, 60)
	path := filepath.Join(t.TempDir(), "花名册.pdf")
	res, err := Print(s, Placements, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, path)
	if res.Rows != 60 || res.Pages != len(pages) || res.Pages < 3 || len(res.Missing) != 0 {
		t.Fatalf("result %+v, pdftotext found %d pages", res, len(pages))
	}
	all := squash(strings.Join(pages, ""))
	for _, w := range ws {
		if !strings.Contains(all, w.Name) {
			t.Errorf("name %s missing from the printed roster", w.Name)
		}
		if !strings.Contains(all, ident.MaskID(w.IDNumber)) {
			t.Errorf("masked ID of %s missing", w.Name)
		}
		if strings.Contains(all, w.IDNumber) || strings.Contains(all, w.Phone) {
			t.Fatalf("full ID number or phone of %s printed", w.Name)
		}
	}
	for i, p := range pages {
		text := squash(p)
		if want := fmt.Sprintf("第%d页共%d页", i+1, len(pages)); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if !strings.Contains(text, "序号姓名性别身份证号") {
			t.Errorf("page %d lacks the header row", i+1)
		}
		if !strings.Contains(text, "榆中县总工会") {
			t.Errorf("page %d lacks the issuing union", i+1)
		}
	}
	first, last := squash(pages[0]), squash(pages[len(pages)-1])
	if !strings.Contains(first, Placements.Title()) || !strings.Contains(first, "打印日期：2026年11月22日") {
		t.Fatalf("first page heading: %s", first[:200])
	}
	for _, word := range []string{"合计60人，其中已上岗20人", "经办人", "审核人", "单位盖章", "日期", "年月日"} {
		if !strings.Contains(last, word) {
			t.Errorf("last page lacks %q", word)
		}
	}
	// The bundled font goes in as a subset: 10 MB of glyphs would not
	// fit in a file this size.
	if fi, _ := os.Stat(path); fi.Size() > 600<<10 {
		t.Fatalf("PDF is %d bytes: the font was not subset", fi.Size())
	}
	log, _ := s.AuditLog(1)
	if log[0].Action != data.ActPrint || log[0].Count != 60 || !strings.Contains(log[0].Summary, "隐去") {
		t.Fatalf("audit %+v", log[0])
	}
}

func TestFullIDsArePrintedOnlyWhenAskedAndAudited(t *testing.T) {
	s := newStore(t)
	ws := fixture(t, s, 5)
	path := filepath.Join(t.TempDir(), "名册.pdf")
	if _, err := Print(s, Workers, path, Options{FullIDs: true}); err != nil {
		t.Fatal(err)
	}
	all := squash(strings.Join(pdfText(t, path), ""))
	for _, w := range ws {
		if !strings.Contains(all, w.IDNumber) || !strings.Contains(all, w.Phone) {
			t.Fatalf("full numbers of %s not printed", w.Name)
		}
	}
	if !strings.Contains(all, "含完整身份证号") {
		t.Fatal("no warning that the list holds full numbers")
	}
	log, _ := s.AuditLog(1)
	if log[0].Action != data.ActPrint || !strings.Contains(log[0].Summary, "含完整身份证号") {
		t.Fatalf("audit %+v", log[0])
	}
	if strings.Contains(log[0].Summary, ws[0].IDNumber) {
		t.Fatal("the audit entry holds a full ID number")
	}
}

func TestDateRangeFiltersEachList(t *testing.T) {
	s := newStore(t)
	ws := fixture(t, s, 28) // referred on 2026-03-01 .. 2026-03-28, one a day
	dir := t.TempDir()
	r := storage.DateRange{From: data.MakeDate(2026, 3, 10), To: data.MakeDate(2026, 3, 12)}
	path := filepath.Join(dir, "p.pdf")
	res, err := Print(s, Placements, path, Options{Range: r})
	if err != nil {
		t.Fatal(err)
	}
	// Three referred in the range, plus the ten started on 2026-04-05 are
	// outside it.
	if res.Rows != 3 {
		t.Fatalf("%d placements between 03-10 and 03-12", res.Rows)
	}
	all := squash(strings.Join(pdfText(t, path), ""))
	if !strings.Contains(all, "推荐或上岗日期：2026-03-10至2026-03-12") {
		t.Fatal("the range is not printed")
	}
	for i, w := range ws {
		in := i >= 9 && i <= 11
		if strings.Contains(all, ident.MaskID(w.IDNumber)) != in {
			t.Fatalf("worker %d (%s) printed: %v, want %v", i, w.Name, !in, in)
		}
	}
	// Started on 2026-04-05: every third worker.
	res, _ = Print(s, Placements, path, Options{Range: storage.DateRange{From: data.MakeDate(2026, 4, 1)}})
	if res.Rows != 10 {
		t.Fatalf("%d placements from 04-01", res.Rows)
	}
	// Check-ins fall due 7, 30 and 90 days after 2026-04-05.
	res, _ = Print(s, FollowUps, path, Options{Range: storage.DateRange{From: data.MakeDate(2026, 4, 12), To: data.MakeDate(2026, 4, 12)}})
	if res.Rows != 10 {
		t.Fatalf("%d follow-ups due 04-12", res.Rows)
	}
	// Every worker was registered today.
	res, _ = Print(s, Workers, path, Options{Range: storage.DateRange{To: s.Today().AddDays(-1)}})
	if res.Rows != 0 || res.Pages != 1 {
		t.Fatalf("workers registered before today: %+v", res)
	}
}

// TestLongTextWrapsAcrossPagesLosingNothing: a note longer than a page
// continues on the next page, and a name the font lacks a glyph for is
// reported.
func TestLongTextWrapsAcrossPagesLosingNothing(t *testing.T) {
	s := newStore(t)
	ws := fixture(t, s, 3)
	p, _, _ := s.ListPlacements(data.PlacementFilter{WorkerID: ws[1].ID}, data.Page{})
	// Placement notes hold up to 1000 characters: in the 备注 column that
	// is taller than a page.
	note := ""
	for i := 1; ; i++ {
		next := fmt.Sprintf("第%d次回访：工作稳定，宿舍条件良好（四人间），工资按月足额发放；", i)
		if len([]rune(note+next)) > 1000 {
			break
		}
		note += next
	}
	p[0].Notes = note
	if err := s.Update(&p[0]); err != nil {
		t.Fatal(err)
	}
	w := ws[2]
	w.Name = "𠮷祥"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "长.pdf")
	res, err := Print(s, Placements, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 2 {
		t.Fatalf("a %d-character note fitted on %d page", len([]rune(p[0].Notes)), res.Pages)
	}
	if string(res.Missing) != "𠮷" {
		t.Fatalf("missing glyphs %q", string(res.Missing))
	}
	all := squash(strings.Join(pdfText(t, path), ""))
	// Between the note's parts come the page footer and the next page's
	// heading and header row; take those out and the note reads whole.
	all = pageBreak.ReplaceAllString(all, "")
	if !strings.Contains(all, squash(p[0].Notes)) {
		t.Fatal("the long note lost characters")
	}
	if !strings.Contains(all, "□祥") {
		t.Fatal("the missing glyph was not drawn as □")
	}
}

func TestEmptyListStillPrintsAForm(t *testing.T) {
	s := newStore(t)
	var buf bytes.Buffer
	res, err := Write(s, FollowUps, &buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 0 || res.Pages != 1 || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("%+v", res)
	}
}
