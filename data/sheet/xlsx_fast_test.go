package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// sheetRows reads every sheet of a workbook with the fast reader and with
// excelize's Rows, as xlsxTable did before; -1 rows when a reader failed.
func sheetRows(t testing.TB, b []byte) (fast, slow map[string][][]string) {
	t.Helper()
	read := func(useFast bool) map[string][][]string {
		tb, err := openXLSX("x.xlsx", bytesFile{bytes.NewReader(b)}, int64(len(b)))
		if err != nil {
			return nil
		}
		defer tb.close()
		xt := tb.(*xlsxTable)
		if !useFast {
			xt.fast = nil
		} else if xt.fast == nil {
			t.Fatal("the fast reader did not take the workbook")
		}
		out := map[string][][]string{}
		for _, sh := range xt.sheets() {
			it, err := xt.rows(sh)
			if err != nil {
				out[sh] = [][]string{{"error"}}
				continue
			}
			var rows [][]string
			for {
				cells, row, err := it.next()
				if err != nil {
					if err.Error() != "EOF" {
						rows = append(rows, []string{"error"})
					}
					break
				}
				if row != len(rows)+1 {
					t.Fatalf("row %d after %d rows", row, len(rows))
				}
				rows = append(rows, append([]string{}, cells...))
			}
			it.close()
			// Trailing empty rows are the same data either way.
			for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
				rows = rows[:len(rows)-1]
			}
			out[sh] = rows
		}
		return out
	}
	return read(true), read(false)
}

func sameRows(t *testing.T, name string, b []byte) {
	t.Helper()
	fast, slow := sheetRows(t, b)
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%s: the readers differ\nfast: %q\nexcelize: %q", name, fast, slow)
	}
}

// TestFastXLSXReadsAsExcelize compares the fast reader with excelize's on
// workbooks with everything a roster may hold: shared and inline strings,
// rich text with phonetic runs, characters XML escapes, line breaks,
// _x000D_ escapes, numbers, dates, booleans, formulas, gaps between rows
// and cells, several sheets, and the import templates.
func TestFastXLSXReadsAsExcelize(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "榆中县花名册 <2026> & “春季”")
	f.SetCellStr("Sheet1", "C3", "第一行\r\n第二行\n第三行")
	f.SetCellStr("Sheet1", "D3", "  前后空格  ")
	f.SetCellValue("Sheet1", "B5", 6.20123199003141e17)
	f.SetCellValue("Sheet1", "C5", 13893112345)
	f.SetCellValue("Sheet1", "D5", 5500.5)
	f.SetCellValue("Sheet1", "E5", true)
	f.SetCellValue("Sheet1", "F5", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	f.SetCellFormula("Sheet1", "G5", "C5*2")
	f.SetCellFormula("Sheet1", "H5", "A1")
	f.SetCellValue("Sheet1", "H5", "公式值")
	f.SetCellRichText("Sheet1", "A7", []excelize.RichTextRun{{Text: "王"}, {Text: "秀兰", Font: &excelize.Font{Bold: true}}})
	f.SetCellStr("Sheet1", "A8", "a_x000D_b _x005F_x0041_ tab\there")
	f.SetCellStr("Sheet1", "Z9", "far right")
	// Longer than the scanner's 64 KB buffer, in a shared and an inline
	// string: Excel allows 32,767 characters, 96 KB of Chinese in UTF-8.
	long := strings.Repeat("甘肃省兰州市榆中县城关镇&<>", 32767/15)
	f.SetCellStr("Sheet1", "B10", long)
	f.NewSheet("第二页")
	f.SetCellStr("第二页", "B2", "另一张表")
	sw, _ := f.NewSheet("流式")
	_ = sw
	stream, err := f.NewStreamWriter("流式")
	if err != nil {
		t.Fatal(err)
	}
	stream.SetRow("A1", []any{"姓名", "身份证号", "电话"})
	stream.SetRow("A3", []any{"李建国", "620123199003141234", 13993154321})
	stream.SetRow("B4", []any{excelize.Cell{Formula: "1+1"}, "x & y < z"})
	stream.SetRow("A5", []any{long})
	stream.Flush()
	path := filepath.Join(dir, "mixed.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	sameRows(t, "mixed", readAll(t, path))

	for _, k := range []Kind{Workers, Employers, Demands} {
		p := filepath.Join(dir, string(k)+".xlsx")
		if err := WriteTemplate(k, p); err != nil {
			t.Fatal(err)
		}
		sameRows(t, string(k), readAll(t, p))
	}
	// The fuzz corpus: damaged and odd workbooks found by fuzzing.
	corpus, _ := filepath.Glob("testdata/fuzz/FuzzImportXLSX/*")
	for _, c := range corpus {
		b := fuzzCorpusBytes(t, c)
		if b == nil {
			continue
		}
		fast, slow := sheetRows(t, b)
		if fast != nil && slow != nil && !reflect.DeepEqual(fast, slow) && !hasError(fast) && !hasError(slow) {
			t.Fatalf("%s: the readers differ\nfast: %q\nexcelize: %q", c, fast, slow)
		}
	}
}

func hasError(m map[string][][]string) bool {
	for _, rows := range m {
		for _, r := range rows {
			if len(r) == 1 && r[0] == "error" {
				return true
			}
		}
	}
	return false
}

// fuzzCorpusBytes reads a "go test fuzz v1" file holding one []byte.
func fuzzCorpusBytes(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "[]byte(")
	if i < 0 {
		return nil
	}
	lit := strings.TrimSpace(s[i+len("[]byte("):])
	lit = strings.TrimSuffix(lit, ")")
	v, err := strconv.Unquote(lit)
	if err != nil {
		return nil
	}
	return []byte(v)
}
