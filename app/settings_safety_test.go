package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"duikou/data/storage"
)

// 设置 names the log folder and opens it for the clerk.
func TestSettingsOpensTheLogFolder(t *testing.T) {
	h := newHarness(t, true)
	dir := t.TempDir()
	h.g.opt.LogDir = dir
	var opened string
	h.g.files = &fileHooks{open: func(path string) error { opened = path; return nil }}
	h.goTo(screenSettings)
	h.mustShow("日志文件夹：" + dir)
	h.mustShow("这台电脑上有本单位的密钥")
	h.tap("打开日志文件夹")
	if opened != dir {
		t.Fatalf("opened %q, want %q", opened, dir)
	}
}

// passwordEntries are the password fields of the open dialog, in order.
func (h *harness) passwordEntries() []*widget.Entry {
	var out []*widget.Entry
	for _, o := range h.all() {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			out = append(out, e)
		}
	}
	return out
}

// The office moves to a new PC through 设置: 导出密钥… with a passphrase
// typed twice writes the file; on the new PC (another key folder) 设置
// says the keys are missing, and 导入密钥… with the passphrase brings them.
func TestKeysMoveThroughSettings(t *testing.T) {
	h := newHarness(t, true)
	keyFile := filepath.Join(t.TempDir(), "本单位密钥.duikoukey")
	h.g.files = &fileHooks{
		pickSave: func(_, _ string, _ []string, then func(string)) { then(keyFile) },
		pickOpen: func(_ string, _ []string, then func(string)) { then(keyFile) },
	}
	h.goTo(screenSettings)
	h.tap("导出密钥…")
	pw := h.passwordEntries()
	if len(pw) != 2 {
		t.Fatalf("%d passphrase fields, want 2", len(pw))
	}
	pw[0].SetText("兰州-2026-冬季")
	pw[1].SetText("兰州-2026-冬季")
	h.tap("导出")
	h.mustShow("已导出到 " + keyFile)
	if st, err := os.Stat(keyFile); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st, err)
	}
	h.tap("确定")

	path := h.s.Path()
	h.s.Close()
	s, err := storage.OpenWith(path, storage.Options{Now: func() time.Time { return testNow }, KeyDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	n := harnessOn(t, test.NewTempApp(t), s)
	n.g.files = h.g.files
	n.g.navigate(screenSettings)
	n.settle()
	n.mustShow("这台电脑上没有本单位的密钥")
	n.tap("导入密钥…")
	n.passwordEntries()[0].SetText("兰州-2026-冬季")
	n.tap("导入")
	n.mustShow("这台电脑现在可以收发本单位的交换文件了")
	n.tap("确定")
	n.mustShow("这台电脑上有本单位的密钥")
	if !s.HasKeys() {
		t.Fatal("the store has no keys after the import")
	}
}
