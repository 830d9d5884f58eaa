package sheet

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"duikou/data"
	"duikou/data/storage"
)

// The fuzz targets feed arbitrary bytes through the whole import preview
// (file sniffing, decoding, header search, row parsing and the Store's
// validation inside a rolled-back transaction). Seed corpora live under
// testdata/fuzz/FuzzImportCSV and testdata/fuzz/FuzzImportXLSX; run
// `go test -fuzz FuzzImportCSV ./data/sheet/` to search further.

type bytesFile struct{ *bytes.Reader }

func (bytesFile) Close() error { return nil }

// previewBytes is Preview on a file's content rather than a path.
func previewBytes(s *storage.Store, kind Kind, name string, b []byte) (*Report, error) {
	rk, err := kindOf(kind)
	if err != nil {
		return nil, err
	}
	head := b[:min(len(b), 512)]
	t, err := openContent(name, head, bytesFile{bytes.NewReader(b)}, int64(len(b)))
	if err != nil {
		return nil, err
	}
	defer t.close()
	src, err := findSource(kind, rk, name, t)
	if err != nil {
		return nil, err
	}
	defer src.it.close()
	return src.run(s, true, Skip, nil)
}

// checkPreview asserts what holds for any input: only file errors are
// returned, every row is accounted for exactly once, problems point at
// rows below the header, and nothing is written.
func checkPreview(t *testing.T, s *storage.Store, rep *Report, err error) {
	if err != nil {
		if _, ok := AsFileError(err); !ok {
			t.Fatalf("not a file error: %v", err)
		}
		return
	}
	if rep.New+rep.Refused+len(rep.Duplicates) != rep.Rows {
		t.Fatalf("rows %d != new %d + refused %d + duplicates %d", rep.Rows, rep.New, rep.Refused, len(rep.Duplicates))
	}
	for _, p := range rep.Problems {
		if p.Row <= rep.HeaderRow || p.Reason == "" {
			t.Fatalf("problem %+v with header at row %d", p, rep.HeaderRow)
		}
	}
	if n, _ := s.CountWorkers(data.WorkerFilter{}); n != 0 {
		t.Fatalf("a preview wrote %d workers", n)
	}
	if n, _ := s.CountEmployers(data.EmployerFilter{}); n != 1 {
		t.Fatalf("a preview changed the employers: %d", n)
	}
}

func fuzzStore(f testing.TB) *storage.Store {
	s := newStore(f)
	addEmployer(f, s, "南京悦家家政服务有限公司", "MA1XY2K1")
	return s
}

func FuzzImportCSV(f *testing.F) {
	s := fuzzStore(f)
	id := idNumber(1, true)
	f.Add([]byte("姓名,身份证号,户籍地\n王秀兰," + id + ",榆中县\n"))
	f.Add([]byte("\ufeff标题\n姓名\t身份证号码\t户籍所在地\t联系电话\n王秀兰\t" + id + "\t甘肃省兰州市榆中县\t13893112345\n"))
	f.Add([]byte("用工单位,工种,招聘人数,工作地点\n南京悦家家政服务有限公司,家政服务员,20,江宁区\n"))
	f.Add([]byte("单位名称,统一社会信用代码,所在地\n\"某公司\n分部\",91320115MA1XY2K154,江宁区\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, k := range []Kind{Workers, Employers, Demands} {
			rep, err := previewBytes(s, k, "名单.csv", b)
			checkPreview(t, s, rep, err)
		}
	})
}

func FuzzImportXLSX(f *testing.F) {
	s := fuzzStore(f)
	for _, k := range []Kind{Workers, Demands} {
		path := f.TempDir() + "/" + string(k) + ".xlsx"
		if err := WriteTemplate(k, path); err != nil {
			f.Fatal(err)
		}
		f.Add(readAll(f, path))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := previewBytes(s, Workers, "名单.xlsx", b)
		checkPreview(t, s, rep, err)
	})
}

func readAll(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCSVDecodingEdgeCases(t *testing.T) {
	s := fuzzStore(t)
	id := idNumber(2, false)
	cases := []struct {
		name string
		text string
		want int // new rows
	}{
		{"utf16", "\xff\xfe" + utf16le("姓名\t身份证号\t户籍地\r\n李建国\t"+id+"\t榆中县\r\n"), 1},
		{"quoted newline in notes", "姓名,身份证号,户籍地,备注\n李建国," + id + ",榆中县,\"第一行\n第二行\"\n", 1},
		{"short rows", "姓名,身份证号,户籍地,备注\n李建国," + id + ",榆中县\n", 1},
		{"tab padded id", "姓名,身份证号,户籍地\n李建国,\t" + id + ",榆中县\n", 1},
	}
	for _, c := range cases {
		rep, err := previewBytes(s, Workers, c.name+".csv", []byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if rep.New != c.want {
			t.Fatalf("%s: %s", c.name, rep.Text())
		}
	}
	// Bytes that are neither UTF-8 nor GB18030 show as a garbled-cell problem.
	gbk := func(s string) string {
		b, _ := simplifiedchinese.GB18030.NewEncoder().String(s)
		return b
	}
	rep, err := previewBytes(s, Workers, "bad.csv", []byte(gbk("姓名,身份证号,户籍地\n王")+"\x81\x20,"+id+","+gbk("榆中县\n")))
	if err != nil || rep.Refused != 1 || !strings.Contains(rep.Problems[0].Reason, "乱码") {
		t.Fatalf("%v %s", err, rep.Text())
	}
}

func utf16le(s string) string {
	var b []byte
	for _, r := range s {
		if r > 0xFFFF {
			panic("BMP only")
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}
