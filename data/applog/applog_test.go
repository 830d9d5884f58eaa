package applog

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const (
	fullID    = "620102200306239808"
	fullPhone = "13893112345"
)

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"身份证号" + fullID + "有误":          "身份证号620102********9808有误",
		"62012319900314246x":            "620123********246x",
		"旧号620123900314246":             "旧号620123*****4246",
		"电话 " + fullPhone + "，":         "电话 138****2345，",
		"+86" + fullPhone:               "+86138****2345",
		"第23456789012行":                 "第23456789012行", // 11 digits not starting with 1
		"金额 5000.00 元，单号 2026112210001": "金额 5000.00 元，单号 2026112210001",
		"12345678901234567890":          "12345678901234567890", // 20 digits: not an ID
		"":                              "",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHandlerMasksMessageAndAttrs: whatever the caller forgot to mask,
// the log holds no full ID number or phone: in the message, string,
// error and number values, groups, and attributes given to With.
func TestHandlerMasksMessageAndAttrs(t *testing.T) {
	var buf bytes.Buffer
	l := slog.New(NewMaskingHandler(slog.NewTextHandler(&buf, nil)))
	l = l.With("worker", "王秀兰 "+fullID)
	l.Info("导入第3行："+fullID+" 的电话 "+fullPhone,
		"id", fullID,
		"err", errors.New("号码"+fullID+"重复"),
		"phone", int64(13893112345),
		slog.Group("row", "phone", fullPhone, "list", []string{fullID}))
	out := buf.String()
	if strings.Contains(out, fullID) || strings.Contains(out, fullPhone) {
		t.Fatalf("full numbers in the log:\n%s", out)
	}
	for _, want := range []string{"620102********9808", "138****2345", "王秀兰", "导入第3行", "row.phone=138****2345"} {
		if !strings.Contains(out, want) {
			t.Fatalf("%q missing from\n%s", want, out)
		}
	}
}

func TestFileIsPrivateAndRotates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "logs")
	lg, err := Open(dir, Options{MaxSize: 4 << 10, Files: 3})
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		st, err := os.Stat(lg.Path())
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("log file mode %v, %v", st.Mode(), err)
		}
		if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
			t.Fatalf("log folder mode %v", st.Mode())
		}
	}
	for i := range 200 {
		lg.Info("每日备份完成", "i", i, "file", "duikou-daily-20261122.db")
	}
	lg.Info("最后一条")
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, FileName+"*"))
	if len(names) != 3 {
		t.Fatalf("files %v, want duikou.log and two old ones", names)
	}
	for _, n := range names {
		st, _ := os.Stat(n)
		if st.Size() > 4<<10 || st.Size() == 0 {
			t.Fatalf("%s is %d bytes", n, st.Size())
		}
		if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
			t.Fatalf("%s mode %v", n, st.Mode())
		}
	}
	cur, _ := os.ReadFile(filepath.Join(dir, FileName))
	old, _ := os.ReadFile(filepath.Join(dir, FileName+".1"))
	if !strings.Contains(string(cur), "最后一条") || !strings.Contains(string(old), "i=") || !strings.HasSuffix(string(old), "\n") {
		t.Fatalf("current:\n%s\nold:\n%s", cur, old)
	}
	// Reopened, it appends.
	lg, err = Open(dir, Options{MaxSize: 4 << 10, Files: 3})
	if err != nil {
		t.Fatal(err)
	}
	lg.Info("重新打开")
	lg.Close()
	cur, _ = os.ReadFile(filepath.Join(dir, FileName))
	if !strings.Contains(string(cur), "最后一条") || !strings.Contains(string(cur), "重新打开") {
		t.Fatalf("after reopening:\n%s", cur)
	}
}

func TestCatchLogsThePanicWithItsStack(t *testing.T) {
	dir := t.TempDir()
	lg, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	var got any
	func() {
		defer Catch(lg.Logger, "窗口", func(v any) { got = v })
		explode(fullPhone)
	}()
	if got != "坏了 "+fullPhone {
		t.Fatalf("then got %v", got)
	}
	repanicked := func() (v any) {
		defer func() { v = recover() }()
		defer Catch(lg.Logger, "duikou import", nil)
		explode("again")
		return nil
	}()
	if repanicked != "坏了 again" {
		t.Fatalf("re-panicked with %v", repanicked)
	}
	b, _ := os.ReadFile(lg.Path())
	out := string(b)
	for _, want := range []string{"level=ERROR", "where=窗口", "坏了 138****2345", "explode", "applog_test.go", "where=\"duikou import\""} {
		if !strings.Contains(out, want) {
			t.Fatalf("%q missing from\n%s", want, out)
		}
	}
	if strings.Contains(out, fullPhone) {
		t.Fatal("the panic's phone is in the log")
	}
}

func explode(s string) { panic("坏了 " + s) }
