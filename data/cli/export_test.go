package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"duikou/data"
)

// importedDB is a database holding the good rows of the GBK roster.
func sheetImportedDB(t *testing.T) string {
	t.Helper()
	db := sheetNewOfficeDB(t)
	if code, out, errOut := runCLI("import", "workers", sheetGbkRoster(t), "--db", db); code != ExitRejected {
		t.Fatalf("import: %d\n%s%s", code, out, errOut)
	}
	return db
}

func sheetLastAudit(t *testing.T, db string) data.AuditEntry {
	t.Helper()
	s := openStore(t, db)
	defer s.Close()
	log, err := s.AuditLog(1)
	if err != nil {
		t.Fatal(err)
	}
	return log[0]
}

func TestExportMaskedByDefaultFullWhenAskedAndAudited(t *testing.T) {
	db := sheetImportedDB(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "劳动者.xlsx")
	code, out, errOut := runCLI("export", "workers", "--db", db, "-o", xlsx)
	if code != ExitOK || !strings.Contains(out, "已导出劳动者 2 条") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	f.Close()
	full := sheetRosterID(1, true)
	if len(rows) != 3 || rows[0][0] != "姓名" || strings.Contains(sheetFlat(rows), full) || !strings.Contains(sheetFlat(rows), full[:6]+"********"+full[14:]) {
		t.Fatalf("rows %v", rows)
	}

	csvPath := filepath.Join(dir, "劳动者.csv")
	if code, _, errOut := runCLI("export", "workers", "--db", db, "-o", csvPath, "--full-ids"); code != ExitOK {
		t.Fatalf("csv export: %s", errOut)
	}
	b, _ := os.ReadFile(csvPath)
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || !bytes.Contains(b, []byte(full)) {
		t.Fatal("the full-number CSV has no BOM or no full ID number")
	}
	if a := sheetLastAudit(t, db); a.Action != data.ActExport || !strings.Contains(a.Summary, "完整身份证号") {
		t.Fatalf("audit %+v", a)
	}

	for _, args := range [][]string{
		{"export", "workers", "--db", db, "-o", filepath.Join(dir, "x.xls")},
		{"export", "workers", "--db", db},
		{"export", "nobody", "--db", db, "-o", xlsx},
	} {
		if code, _, errOut := runCLI(args...); code != ExitUsage || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
}

func TestExportTemplateNeedsNoDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	if code, out, errOut := runCLI("export", "employers", "--template", "-o", path); code != ExitOK {
		t.Fatalf("exit %d %s%s", code, out, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("用工单位", "A1"); v != "单位名称" {
		t.Fatalf("A1 = %q", v)
	}
	if code, _, _ := runCLI("export", "placements", "--template", "-o", path); code != ExitUsage {
		t.Fatal("a placement template was written")
	}
}

func sheetFlat(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|"))
		b.WriteByte('\n')
	}
	return b.String()
}
