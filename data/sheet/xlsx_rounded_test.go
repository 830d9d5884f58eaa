package sheet

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"duikou/data/ident"
)

// roundedID is 620102200306239808 as a float64 holds it: what Excel keeps
// of the number typed into a General cell. Its check digit happens to be
// right, so only the cell's type tells that digits were lost.
const roundedID = 620102200306239744

// roundedWorkbook is a roster with numbers where text belongs: row 2 has
// the rounded ID number as a numeric cell, row 3 a phone as a number (11
// digits: exact, fine), row 4 a phone column holding a number above 2^53,
// and row 5 the same 18 digits as row 2, typed as text.
func roundedWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	rows := [][]any{
		{"姓名", "身份证号", "联系电话", "户籍地"},
		{"王秀兰", int64(roundedID), "13893112345", "榆中县"},
		{"李建国", idNumber(3, false), int64(13993154321), "榆中县"},
		{"张丽", idNumber(5, true), int64(138931123451389311), "榆中县"},
		{"赵小军", "620102200306239744", "13893112346", "榆中县"},
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXRoundedNumbersAreRefused: a numeric cell above 2^53 in the ID
// number or phone column is refused with the row and column named, even
// when the rounded number passes the check digit; the same digits typed as
// text are an ID number like any other.
func TestXLSXRoundedNumbersAreRefused(t *testing.T) {
	if _, err := ident.ParseID("620102200306239744"); err != nil {
		t.Fatalf("the rounded number no longer passes the check digit, so the test proves less: %v", err)
	}
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := os.WriteFile(path, roundedWorkbook(t), 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{
		{Row: 2, Column: "身份证号", Reason: "Excel 已把身份证号存成数字，末几位已丢失，请把该列设为文本后重新录入"},
		{Row: 4, Column: "联系电话", Reason: "Excel 已把电话号码存成数字，末几位已丢失，请把该列设为文本后重新录入"},
	}
	if rep.New != 2 || !reflect.DeepEqual(rep.Problems, want) {
		t.Fatalf("%s\nproblems %+v", rep.Text(), rep.Problems)
	}
}

// TestXLSXReadersReportRoundedNumbers: the fast reader and excelize's
// both say which cells are numbers above 2^53, and only those.
func TestXLSXReadersReportRoundedNumbers(t *testing.T) {
	b := roundedWorkbook(t)
	for _, useFast := range []bool{true, false} {
		tb, err := openXLSX("x.xlsx", bytesFile{bytes.NewReader(b)}, int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		xt := tb.(*xlsxTable)
		if !useFast {
			xt.fast = nil
		}
		it, err := xt.rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		got := map[int][]int{}
		for {
			_, row, err := it.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if l := it.(lossyReporter).lossyColumns(); len(l) > 0 {
				got[row] = append([]int(nil), l...)
			}
		}
		it.close()
		tb.close()
		if want := map[int][]int{2: {1}, 4: {2}}; !reflect.DeepEqual(got, want) {
			t.Fatalf("fast %v: rounded cells %v, want %v", useFast, got, want)
		}
	}
}
