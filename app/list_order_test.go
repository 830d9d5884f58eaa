package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"duikou/data"
)

// The worker list sorted by 姓名 descending exports and prints in that
// order, row for row, and both say so in their title line; the order of
// entry comes out as entered.
func TestExportAndPrintFollowTheListsSort(t *testing.T) {
	h, files, _, _ := twoCountiesListed(t)
	ws := h.g.workers
	nameCol := slices.IndexFunc(ws.table.cols, func(c column[data.Worker]) bool { return c.title == "姓名" })
	ws.table.sortBy(nameCol)
	ws.table.sortBy(nameCol) // again: descending
	h.settle()
	var screen []string
	for i := 0; i < ws.table.rows.length(); i++ {
		screen = append(screen, ws.table.cellText(i, nameCol))
	}
	// SQLite orders text by its UTF-8 bytes: 赵 E8B5B5, 王 E78E8B, 李 E69D8E, 张 E5BCA0, 孙 E5AD99.
	if want := []string{"赵春花", "王秀兰", "李建国", "张丽", "孙强"}; !slices.Equal(screen, want) {
		t.Fatalf("screen order %v, want %v", screen, want)
	}

	files.savePath = filepath.Join(t.TempDir(), "劳动者.xlsx")
	h.tap("导出")
	h.mustShow("按姓名降序")
	h.tap("选择保存位置…")
	f := openWorkbook(t, files.savePath)
	rows := sheetRows(t, f, "劳动者")
	var exported []string
	for _, r := range rows[1:] {
		exported = append(exported, r[0])
	}
	if !slices.Equal(exported, screen) {
		t.Fatalf("export order %v, screen %v", exported, screen)
	}
	if hf, err := f.GetHeaderFooter("劳动者"); err != nil || hf.OddHeader != "&C劳动者（按姓名降序）" {
		t.Fatalf("page header %+v %v", hf, err)
	}
	h.tap("确定")

	needPdftotext(t)
	h.tap("打印")
	h.tap("打印")
	if len(files.printed) != 1 {
		t.Fatalf("printed %v", files.printed)
	}
	text := printedText(t, files.printed[0])
	if !strings.Contains(text, "排列顺序：按姓名降序") {
		t.Fatalf("the heading does not say the order:\n%s", text)
	}
	at := -1
	for _, name := range screen {
		i := strings.Index(text, name)
		if i < at {
			t.Fatalf("%s printed out of the screen's order:\n%s", name, text)
		}
		at = i
	}
}
