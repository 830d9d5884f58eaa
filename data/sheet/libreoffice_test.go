package sheet

import (
	"context"
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duikou/data/ident"
)

// libreOffice finds the program; in CI (CI=true) it must be there.
func libreOffice(t *testing.T) string {
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("libreoffice is not on PATH; CI installs libreoffice-calc for this test")
		}
		t.Skip("libreoffice is not on PATH (apt-get install libreoffice-calc)")
	}
	return lo
}

// convertToCSV has LibreOffice Calc open an xlsx and save it as UTF-8 CSV,
// as a clerk's spreadsheet program would read our export.
func convertToCSV(t *testing.T, lo, xlsx string) [][]string {
	t.Helper()
	dir := t.TempDir()
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation="+profile, "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	name := strings.TrimSuffix(filepath.Base(xlsx), filepath.Ext(xlsx)) + ".csv"
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("libreoffice wrote no CSV: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestLibreOfficeRoundTrip(t *testing.T) {
	lo := libreOffice(t)
	s := newStore(t)
	r := populate(t, s, 8)
	dir := t.TempDir()

	// Masked placements: LibreOffice reads the labels, dates and masks.
	placements := filepath.Join(dir, "placements.xlsx")
	if _, err := Export(s, Placements, placements, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	rows := convertToCSV(t, lo, placements)
	if len(rows) != 1+len(r.placements) || rows[0][0] != "姓名" || rows[0][9] != "阶段" {
		t.Fatalf("LibreOffice read %d rows, header %v", len(rows), rows[0])
	}
	if rows[1][0] != r.workers[0].Name || rows[1][2] != ident.MaskID(r.workers[0].IDNumber) ||
		rows[1][9] != "已上岗" || rows[1][13] != "2026-04-05" {
		t.Fatalf("first placement as LibreOffice reads it: %v", rows[1])
	}

	// Full numbers: what LibreOffice saves from our workbook imports into
	// another office with every worker and nothing refused.
	workers := filepath.Join(dir, "workers.xlsx")
	if _, err := Export(s, Workers, workers, ExportOptions{FullIDs: true}); err != nil {
		t.Fatal(err)
	}
	rows = convertToCSV(t, lo, workers)
	all := flatten(rows)
	for _, w := range r.workers {
		if !strings.Contains(all, w.Name) || !strings.Contains(all, w.IDNumber) {
			t.Fatalf("LibreOffice lost %s %s:\n%s", w.Name, w.IDNumber, all)
		}
	}
	back := filepath.Join(dir, "back.csv")
	f, _ := os.Create(back)
	csv.NewWriter(f).WriteAll(rows)
	f.Close()
	other := newStore(t)
	rep, err := Import(other, Workers, back, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != len(r.workers) || rep.Refused != 0 || len(rep.Ignored) != 0 {
		t.Fatalf("re-import of LibreOffice's CSV:\n%s", rep.Text())
	}
}
