package sheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/subsidy"
)

// The template reads back through ReadLines and ParseRules as the 崇信县
// table, and a GBK CSV of the same rows reads the same.
func TestSubsidyTemplateAndGBKCSVReadBack(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "规则.xlsx")
	if err := WriteSubsidyTemplate(xlsx); err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("崇信县一次性交通补贴标准\r\n" + strings.Join(subsidy.Headers, ",") + "\r\n")
	for _, r := range subsidyExample {
		csv.WriteString(strings.Join(r, ",") + "\r\n")
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(dir, "规则.csv")
	if err := os.WriteFile(csvPath, gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{xlsx, csvPath} {
		lines, err := ReadLines(path)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := subsidy.ParseRules(lines)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.Dest.Label()+" "+r.Amount.String())
		}
		if strings.Join(got, "，") != "陕西省 400，宁夏回族自治区 400，跨省 600，省内跨市 300，市内跨县 200" {
			t.Errorf("%s: %v", filepath.Base(path), got)
		}
	}
}

func sampleRoster() *subsidy.Roster {
	id := ident.MakeID("620823", data.MakeDate(1988, 6, 1).Time(), 3, true)
	w1 := &subsidy.Worker{ID: "w1", Name: "马秀英", IDNumber: id, HukouRegion: "620823"}
	w2 := &subsidy.Worker{ID: "w2", Name: "李强", IDNumber: ident.MakeID("620823", data.MakeDate(1990, 1, 2).Time(), 5, false), HukouRegion: "620823"}
	p := &subsidy.Placement{ID: "p1", Start: data.MakeDate(2026, 3, 1), WorkRegion: "610113", Employer: "西安某物业公司"}
	rule := &subsidy.Rule{Program: "一次性交通补贴", Dest: subsidy.Destination{Province: "61"}, Amount: data.Yuan(400)}
	return &subsidy.Roster{Program: "一次性交通补贴", AsOf: data.MakeDate(2026, 12, 31), Total: data.Yuan(400),
		Eligible: []subsidy.Entry{{Worker: w1, Placement: p, Rule: rule, Months: 9}},
		Excluded: []subsidy.Exclusion{{Worker: w2, Reason: subsidy.ReasonShort, Detail: "2026-11-01 上岗，至 2026-12-31 务工 1 个月，需满 3 个月"}}}
}

// LibreOffice opens the roster as a clerk's spreadsheet would, with the
// masked ID as text and the amounts as numbers.
func TestRosterOpensInLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	path := filepath.Join(t.TempDir(), "申报花名册.xlsx")
	r := sampleRoster()
	if err := WriteRoster(r, path, false); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex, _ := f.GetRows(ExcludedSheet)
	f.Close()
	if len(ex) != 2 || ex[1][1] != "李强" || ex[1][4] != "月数不足" || !strings.Contains(ex[1][5], "需满 3 个月") {
		t.Errorf("excluded sheet %q", ex)
	}
	rows := convertToCSV(t, lo, path)
	if len(rows) != 3 {
		t.Fatalf("LibreOffice read %d rows: %q", len(rows), rows)
	}
	want := []string{"1", "马秀英", ident.MaskID(r.Eligible[0].Worker.IDNumber), "甘肃省平凉市崇信县", "西安某物业公司", "陕西省西安市雁塔区",
		"2026-03-01", "9", "陕西省", "400"}
	if strings.Join(rows[1], "|") != strings.Join(want, "|") {
		t.Errorf("row %q\nwant %q", rows[1], want)
	}
	if rows[2][0] != "合计" || rows[2][9] != "400" {
		t.Errorf("total row %q", rows[2])
	}
}
