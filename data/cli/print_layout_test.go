package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"duikou/data/report"
)

// closingMarks may not begin a printed line (GB/T 15834 practice).
const closingMarks = "，。、；：？！）」』】》"

// Every print of the demo, read back with pdftotext -layout, has no line
// beginning with closing punctuation, and no cell either (a run of spaces
// separates the cells of a layout line).
func TestNoPrintedLineStartsWithClosingPunctuation(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not on PATH (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	makeDemo(t, db, "--workers", "400")
	cells := regexp.MustCompile(`\s{2,}`)
	check := func(name, pdf string, args []string) {
		t.Helper()
		if code, _, errOut := runCLI(args...); code != ExitOK {
			t.Fatalf("%v: %s", args, errOut)
		}
		out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(out), "\n") {
			for _, cell := range cells.Split(strings.TrimSpace(line), -1) {
				if r := []rune(cell); len(r) > 0 && strings.ContainsRune(closingMarks, r[0]) {
					t.Errorf("%s line %d: a cell starts with %q:\n%s", name, n+1, string(r[0]), line)
				}
			}
		}
	}
	printed := 0
	for _, l := range report.Lists {
		for _, full := range []bool{false, true} {
			pdf := filepath.Join(dir, string(l)+".pdf")
			args := []string{"print", string(l), "--db", db, "-o", pdf}
			if full {
				args = append(args, "--full-ids")
			}
			if l == report.Relief { // signed for one period's payments
				args = append(args, "--from", "2020-01-01", "--to", "2026-12-06")
			}
			check(string(l), pdf, args)
			printed++
		}
	}
	if printed != 2*len(report.Lists) {
		t.Fatalf("printed %d lists", printed)
	}
	// The subsidy forms and the 统计报表 are prints too.
	rules := filepath.Join(dir, "规则.xlsx")
	if code, _, errOut := runCLI("subsidy", "--template", "-o", rules); code != ExitOK {
		t.Fatalf("subsidy template: %s", errOut)
	}
	for _, form := range []string{"公示名单", "签领表"} {
		pdf := filepath.Join(dir, form+".pdf")
		check(form, pdf, []string{"subsidy", "--rules", rules, "--db", db, "--pdf", form, "-o", pdf})
	}
	pdf := filepath.Join(dir, "report.pdf")
	check("统计报表", pdf, []string{"report", "monthly", "--month", "2026-11", "--db", db, "-o", pdf})
}
