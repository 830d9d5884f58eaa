package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"duikou/data"
)

func TestFirstRunSetUp(t *testing.T) {
	h := newHarness(t, false)
	su := h.g.setup
	if su == nil || h.g.workers != nil {
		t.Fatal("an empty database should open at the set-up")
	}
	h.tap("开始使用")
	h.mustShow("未保存：工会名称——请填写本单位工会的全称")
	if h.s.Office() != nil {
		t.Fatal("the set-up saved without a name")
	}
	h.typeInto(su.name, "榆中县总工会")
	h.pickRegion(su.region, "甘肃 榆中")
	if su.region.code != "620123" {
		t.Fatalf("region = %q", su.region.code)
	}
	su.role.SetSelected(data.RoleSending.Label())
	h.tap("开始使用")
	h.mustShow("未保存：经办人——请填写经办人姓名")
	h.typeInto(su.clerk, "李娟")
	h.tap("开始使用")
	o := h.s.Office()
	if o == nil || o.Name != "榆中县总工会" || o.Region != "620123" || o.Role != data.RoleSending || o.ClerkName != "李娟" {
		t.Fatalf("office = %+v", o)
	}
	if h.g.home == nil || h.g.current != screenHome {
		t.Fatal("after the set-up the home screen should show")
	}
	h.mustShow("榆中县总工会（输出地），您好，李娟")
	h.mustShow("0 人")
}

func TestNavigationShowsEveryScreen(t *testing.T) {
	h := newHarness(t, true)
	for i, want := range []string{"常用操作", "共 0 人", "共 0 家", "匹配索引已建立", "就业安置：", "跟踪服务：", "所属期：",
		"还没有合作方", "经办人姓名"} {
		h.tap(h.g.screens[i].title)
		if h.g.current != i {
			t.Fatalf("tapping %s did not open it", h.g.screens[i].title)
		}
		h.mustShow(want)
	}
}

func TestShortcuts(t *testing.T) {
	h := newHarness(t, true)
	ws := h.openWorkerList()
	c := h.g // the handler the canvas calls for Ctrl+N, Ctrl+F, Ctrl+S

	c.typedShortcut(shortcutNew) // Ctrl+N
	h.settle()
	if ws.form == nil {
		t.Fatal("Ctrl+N did not open a new worker")
	}
	// Esc while typing in an entry cancels the (untouched) form.
	ws.form.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.settle()
	if ws.form != nil {
		t.Fatal("Esc in the name box did not cancel")
	}

	// Ctrl+S from inside an entry saves.
	c.typedShortcut(shortcutNew)
	h.settle()
	f := ws.form
	h.typeInto(f.name, "赵六")
	h.typeInto(f.idNumber, validID(11))
	f.idNumber.TypedShortcut(shortcutSave)
	h.settle()
	if ws.form != nil {
		t.Fatalf("Ctrl+S did not save: %s", f.fm.summary.Text)
	}
	h.mustShow("共 1 人")

	// Ctrl+F puts the cursor in the search box.
	c.typedShortcut(shortcutFind)
	if h.w.Canvas().Focused() != ws.search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	// A dialog stops the shortcuts: Ctrl+N does not open a form behind it.
	test.Tap(ws.region.button)
	c.typedShortcut(shortcutNew)
	if ws.form != nil {
		t.Fatal("Ctrl+N opened a form behind a dialog")
	}
	h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.dialogOpen() {
		t.Fatal("Esc did not close the dialog")
	}
}

func TestFyneWordsAreChineseWhateverTheLocale(t *testing.T) {
	test.NewTempApp(t)
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "en_US.UTF-8")
	UseTheme(fyne.CurrentApp())
	for en, zh := range map[string]string{"OK": "确定", "Cancel": "取消", "Save": "保存", "Paste": "粘贴"} {
		if got := lang.L(en); got != zh {
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
}

func TestWindowRemembersItsSize(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	RememberSize(a, w)
	if got := w.Canvas().Size(); got != defaultWindowSize {
		t.Fatalf("first window size = %v, want %v", got, defaultWindowSize)
	}
	w.Resize(fyne.NewSize(1000, 650))
	saveWindowSize(a, w)

	w2 := test.NewTempWindow(t, nil)
	RememberSize(a, w2)
	if got := w2.Canvas().Size(); got != fyne.NewSize(1000, 650) {
		t.Fatalf("reopened window size = %v, want 1000×650", got)
	}
}
