package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
)

// duikou help, and every command's and subcommand's -h, go to stdout,
// exit 0 and name the positional arguments a script has to give.
func TestHelpEverywhereIsStdoutExitZeroWithPositionals(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"help"}, []string{"duikou list", "duikou print", "--clerk"}},
		{[]string{"--help"}, []string{"duikou match"}},
		{[]string{"help", "import"}, []string{"duikou import KIND FILE", "FILE  要导入的"}},
		{[]string{"import", "-h"}, []string{"KIND  workers 劳动者", "-dry-run"}},
		{[]string{"print", "-h"}, []string{"duikou print KIND", "KIND  placements 就业安置花名册", "-o 文本"}},
		{[]string{"export", "--help"}, []string{"duikou export KIND", "followups 跟踪服务"}},
		{[]string{"restore", "-h"}, []string{"duikou restore --db 数据库 FILE", "FILE  备份文件"}},
		{[]string{"partner", "-h"}, []string{"duikou partner card", "duikou partner add --db 数据库 FILE"}},
		{[]string{"partner", "add", "-h"}, []string{"FILE  对方的名片文件"}},
		{[]string{"sync", "-h"}, []string{"duikou sync export", "duikou sync import --db 数据库 FILE"}},
		{[]string{"sync", "import", "-h"}, []string{"FILE  对方发来的交换文件", "-dry-run"}},
		{[]string{"list", "-h"}, []string{"duikou list KIND", "-search 文本"}},
		{[]string{"match", "-h"}, []string{"duikou list demands"}},
	} {
		code, out, errOut := runCLI(c.args...)
		if code != ExitOK || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: stdout lacks %q:\n%s", c.args, w, out)
			}
		}
	}
}

// A subcommand group with nothing after it, or an unknown subcommand, is
// still a usage error: one line on stderr, exit 2.
func TestGroupUsageErrorsStayOneLine(t *testing.T) {
	for _, args := range [][]string{{"sync"}, {"partner", "lend"}, {"help", "frobnicate"}, {"--clerk"}, {"--clerk", "王五"}, {}} {
		code, out, errOut := runCLI(args...)
		if code != ExitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

// An output file must carry its format's extension: a PDF named .txt or
// xlsx bytes in a .csv open in nothing. Refused on one line, nothing
// written.
func TestOutputFilesCarryTheirFormatsExtension(t *testing.T) {
	db := sheetImportedDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		ext  string
	}{
		{[]string{"print", "workers", "--db", db, "-o", filepath.Join(dir, "x.txt")}, ".pdf"},
		{[]string{"export", "workers", "--template", "-o", filepath.Join(dir, "x.csv")}, ".xlsx"},
		{[]string{"export", "workers", "--db", db, "-o", filepath.Join(dir, "x.pdf")}, ".xlsx 或 .csv"},
		{[]string{"report", "--from", "2026-01-01", "--to", "2026-01-31", "--db", db, "-o", filepath.Join(dir, "x.csv")}, ".xlsx 或 .pdf"},
	} {
		code, _, errOut := runCLI(c.args...)
		if code != ExitUsage || strings.Count(strings.TrimSpace(errOut), "\n") != 0 ||
			!strings.Contains(errOut, "须以 "+c.ext+" 结尾") {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("refused commands wrote %v", entries)
	}
}

// A file that cannot be written is named as the clerk typed it, with a
// Chinese reason: no English system error, no temporary ".partial" name.
func TestWriteFailureIsChineseWithoutTheTemporaryName(t *testing.T) {
	db := sheetImportedDB(t)
	missing := filepath.Join(t.TempDir(), "没有这个文件夹")
	for _, args := range [][]string{
		{"print", "workers", "--db", db, "-o", filepath.Join(missing, "名册.pdf")},
		{"export", "workers", "--db", db, "-o", filepath.Join(missing, "劳动者.xlsx")},
		{"export", "workers", "--db", db, "-o", filepath.Join(missing, "劳动者.csv")},
		{"export", "workers", "--template", "-o", filepath.Join(missing, "模板.xlsx")},
		{"partner", "card", "--db", db, "-o", filepath.Join(missing, "名片.txt")},
	} {
		code, _, errOut := runCLI(args...)
		if code != ExitUsage || !strings.Contains(errOut, "无法写入 "+missing) || !strings.Contains(errOut, "文件夹不存在") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
		for _, english := range []string{".partial", "no such file", "open "} {
			if strings.Contains(errOut, english) {
				t.Errorf("%v: stderr says %q: %q", args, english, errOut)
			}
		}
	}
}

// --clerk, or DUIKOU_CLERK, names the clerk in the audit log for what a
// command does; the flag wins over the variable, and neither changes the
// clerk the window remembers.
func TestClerkFlagAndEnvironmentNameTheAuditedClerk(t *testing.T) {
	db := sheetImportedDB(t)
	out := filepath.Join(t.TempDir(), "名册.pdf")
	t.Setenv(ClerkEnv, "赵敏")
	if code, _, errOut := runCLI("print", "workers", "--db", db, "-o", out); code != ExitOK {
		t.Fatalf("print: %d %s", code, errOut)
	}
	if a := sheetLastAudit(t, db); a.Clerk != "赵敏" || a.Action != data.ActPrint {
		t.Fatalf("DUIKOU_CLERK: audit %+v", a)
	}
	if code, _, errOut := runCLI("--clerk", "钱进", "export", "workers", "--db", db, "-o", filepath.Join(t.TempDir(), "x.xlsx")); code != ExitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if a := sheetLastAudit(t, db); a.Clerk != "钱进" || a.Action != data.ActExport {
		t.Fatalf("global --clerk: audit %+v", a)
	}
	if code, _, errOut := runCLI("print", "workers", "--db", db, "-o", out, "--clerk=孙立"); code != ExitOK {
		t.Fatalf("print: %d %s", code, errOut)
	}
	if a := sheetLastAudit(t, db); a.Clerk != "孙立" {
		t.Fatalf("--clerk after the command: audit %+v", a)
	}
	t.Setenv(ClerkEnv, "")
	if o, _ := officeOf(t, db); o.ClerkName == "孙立" || o.ClerkName == "钱进" || o.ClerkName == "赵敏" {
		t.Fatalf("the office's saved clerk became %q", o.ClerkName)
	}
	if !IsCommandLine([]string{"--clerk", "钱进", "export"}) || IsCommandLine([]string{"--db", "x.db"}) {
		t.Fatal("IsCommandLine should see a command after --clerk and none in GUI flags")
	}
}

// Every command on a database says in its -h that --db may name a
// PostgreSQL server as well as a file, since each opens either; only
// demo and migrate, whose --db is particular, say otherwise.
func TestEveryDbFlagSaysItTakesAServerToo(t *testing.T) {
	particular := map[string]bool{"demo": true, "migrate": true}
	// A group's -h lists its subcommands; its flags are one level down.
	groupFlags := map[string][]string{"partner": {"partner", "card", "-h"}, "sync": {"sync", "export", "-h"}}
	for name := range commands {
		args := []string{name, "-h"}
		if g, ok := groupFlags[name]; ok {
			args = g
		}
		code, out, errOut := runCLI(args...)
		if code != ExitOK {
			t.Errorf("%v: exit %d %s", args, code, errOut)
			continue
		}
		if !strings.Contains(out, "  -db 文本\n") {
			t.Errorf("%v: no --db listed (a group missing from groupFlags?):\n%s", args, out)
			continue
		}
		if says := strings.Contains(out, "-db 文本\n    \t"+dbUsage+"\n"); says == particular[name] {
			t.Errorf("%v: --db described as:\n%s", args, out)
		}
	}
}
