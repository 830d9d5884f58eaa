package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

func sheetWorkersIn(t *testing.T, db string) int64 {
	t.Helper()
	return countIn(t, db, func(s *storage.Store) (int64, error) { return s.CountWorkers(data.WorkerFilter{}) })
}

func sheetRosterID(seq int, female bool) string {
	return ident.MakeID("620123", time.Date(1992, 5, 20, 0, 0, 0, 0, time.UTC), seq, female)
}

// gbkRoster is a roster saved by Excel on Chinese Windows: GBK, a title
// row, two good rows and two bad ones.
func sheetGbkRoster(t *testing.T) string {
	t.Helper()
	bad := sheetRosterID(3, true)
	bad = bad[:17] + map[bool]string{true: "1", false: "0"}[bad[17] == '0']
	text := strings.Join([]string{
		"榆中县外出务工人员花名册,,,",
		"姓名,公民身份号码,手机号码,户籍所在地",
		"王秀兰," + sheetRosterID(1, true) + ",13893112345,兰州市榆中县",
		"李建国," + sheetRosterID(2, false) + ",13993154321,榆中县",
		"张丽," + bad + ",13893100003,榆中县",
		"赵小军," + sheetRosterID(4, false) + ",13893100004,火星县",
	}, "\r\n") + "\r\n"
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "花名册.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportDryRunThenImportThenAgain(t *testing.T) {
	db := sheetNewOfficeDB(t)
	roster := sheetGbkRoster(t)

	code, out, _ := runCLI("import", "workers", roster, "--db", db, "--dry-run")
	if code != ExitRejected || sheetWorkersIn(t, db) != 0 {
		t.Fatalf("dry run: exit %d, %d workers\n%s", code, sheetWorkersIn(t, db), out)
	}
	for _, want := range []string{"可导入2行，有误2行", "第5行 公民身份号码：身份证号校验不通过", "第6行 户籍所在地：未找到地区“火星县”"} {
		if !strings.Contains(out, want) {
			t.Fatalf("dry-run report lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCLI("import", "workers", roster, "--db", db)
	if code != ExitRejected || sheetWorkersIn(t, db) != 2 || !strings.Contains(out, "新增2行") {
		t.Fatalf("import: exit %d, %d workers\n%s", code, sheetWorkersIn(t, db), out)
	}

	code, out, _ = runCLI("import", "workers", roster, "--db", db)
	if code != ExitRejected || sheetWorkersIn(t, db) != 2 || !strings.Contains(out, "新增0行") || !strings.Contains(out, "已跳过") {
		t.Fatalf("second import: exit %d, %d workers\n%s", code, sheetWorkersIn(t, db), out)
	}
}

func TestImportCleanFileExitsZero(t *testing.T) {
	db := sheetNewOfficeDB(t)
	path := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(path, []byte("\ufeff姓名,身份证号,户籍地\n王秀兰,"+sheetRosterID(9, true)+",榆中县\n"), 0o644)
	if code, out, errOut := runCLI("import", "workers", path, "--db", db, "--update"); code != ExitOK || sheetWorkersIn(t, db) != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestImportUnusableFileExitsTwoWithOneLine(t *testing.T) {
	db := sheetNewOfficeDB(t)
	xls := filepath.Join(t.TempDir(), "旧名单.xls")
	os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1000)...), 0o644)
	cases := [][]string{
		{"import", "workers", xls, "--db", db},
		{"import", "placements", xls, "--db", db},
		{"import", "workers", xls},
		{"import", "workers", xls, "--db", filepath.Join(t.TempDir(), "没有.db")},
		{"import", "workers", "--db", db},
	}
	for _, args := range cases {
		code, out, errOut := runCLI(args...)
		if code != ExitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if _, _, errOut := runCLI(cases[0]...); !strings.Contains(errOut, "另存为") {
		t.Fatalf("legacy .xls message: %s", errOut)
	}
	if sheetWorkersIn(t, db) != 0 {
		t.Fatal("something was written")
	}
}
