package sheet

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"duikou/data"
)

func TestCSVTextGuardsFormulaStarts(t *testing.T) {
	for in, want := range map[string]string{
		"-2+3+cmd|' /C calc'!A0": "\t-2+3+cmd|' /C calc'!A0",
		"=1+1":                   "\t=1+1",
		"+86 13893112345":        "\t+86 13893112345",
		"@SUM(A1)":               "\t@SUM(A1)",
		"-5":                     "\t-5",
		"\t=1+1":                 "\t=1+1",
		"\r\n=1+1":               "\t=1+1",
		"  =1+1":                 "\t=1+1",
		"\tabc":                  "\tabc",
		"620102200306239808":     "\t620102200306239808",
		"城关镇 -3 号":               "城关镇 -3 号",
		"王秀兰":                    "王秀兰",
		"":                       "",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVFormulaGuardRoundTrips: a value that would run as a formula
// (the classic -2+3+cmd|' /C calc'!A0, which a leading minus used to let
// through) goes out guarded by a tab, and an import of the file brings it
// back as typed, as it does a leading-minus text.
func TestCSVFormulaGuardRoundTrips(t *testing.T) {
	const attack = "-2+3+cmd|' /C calc'!A0"
	s := newStore(t)
	r := populate(t, s, 3)
	typed := map[int]struct{ address, notes string }{
		0: {"城关镇兴隆村", attack},
		1: {"-3号院", "=HYPERLINK(\"http://x\")"},
		2: {"城关镇", "@备注 -5"},
	}
	for i, v := range typed {
		w := r.workers[i]
		w.Address, w.Notes = v.address, v.notes
		if err := s.Update(w); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "劳动者.csv")
	if _, err := Export(s, Workers, path, ExportOptions{FullIDs: true}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	notes := -1
	for i, h := range rows[0] {
		if h == "备注" {
			notes = i
		}
	}
	found := false
	for _, row := range rows[1:] {
		for _, cell := range row {
			if len(cell) > 0 && bytes.IndexByte([]byte("=+-@\r"), cell[0]) >= 0 {
				t.Fatalf("an unguarded formula start in %q (row %q)", cell, row)
			}
		}
		if row[notes] == "\t"+attack {
			found = true
		}
	}
	if !found {
		t.Fatalf("the attack is not in the 备注 column, guarded:\n%s", b)
	}

	other := newStore(t)
	rep, err := Import(other, Workers, path, Update, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 3 || rep.Refused != 0 {
		t.Fatalf("%s", rep.Text())
	}
	for i, v := range typed {
		got, _, err := other.ListWorkers(data.WorkerFilter{Text: r.workers[i].IDNumber}, data.Page{})
		if err != nil || len(got) != 1 {
			t.Fatalf("worker %d: %v", i, err)
		}
		if got[0].Address != v.address || got[0].Notes != v.notes {
			t.Fatalf("worker %d came back as %q / %q, not %q / %q", i, got[0].Address, got[0].Notes, v.address, v.notes)
		}
	}
}
