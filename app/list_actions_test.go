package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/simplifiedchinese"

	"duikou/data"
	"duikou/data/demo"
	"duikou/data/ident"
	"duikou/data/storage"
)

// fakeFiles stands in for the file dialogs and the system's printer: the
// next open or save dialog answers with the path the test sets, and what
// would have been printed or opened is recorded.
type fakeFiles struct {
	openPath, savePath string
	saveName           string // the name the save dialog suggested
	printed, opened    []string
	folders            []string // files whose folder 打开文件夹 opened
	// docs is the Documents folder 打印 saves under (HOME is a temporary
	// folder for the test).
	docs string
}

func useFakeFiles(h *harness) *fakeFiles {
	home := h.t.TempDir()
	h.t.Setenv("HOME", home)
	f := &fakeFiles{docs: filepath.Join(home, "Documents")}
	h.g.files = &fileHooks{
		pickOpen: func(_ string, _ []string, done func(string)) { done(f.openPath) },
		pickSave: func(_, name string, _ []string, done func(string)) { f.saveName = name; done(f.savePath) },
		print: func(path string) (bool, error) {
			f.printed = append(f.printed, path)
			return true, nil // as off Windows: opened, Ctrl+P to print
		},
		open:       func(path string) error { f.opened = append(f.opened, path); return nil },
		openFolder: func(path string) error { f.folders = append(f.folders, path); return nil },
	}
	return f
}

// table is the first table on screen (in the open dialog if any).
func (h *harness) table() *widget.Table {
	h.t.Helper()
	return onScreen(h, "table", func(*widget.Table) bool { return true })
}

func (h *harness) check(text string) *widget.Check {
	h.t.Helper()
	for _, o := range h.all() {
		if c, ok := o.(*widget.Check); ok && c.Text == text && c.Visible() {
			return c
		}
		if c, ok := o.(*escCheck); ok && c.Text == text && c.Visible() {
			return &c.Check
		}
	}
	h.t.Fatalf("no check box %q on screen", text)
	return nil
}

// TestImportRosterThroughPreview imports a roster as Excel on Chinese
// Windows saves it (GBK CSV, a title row above the header) with two bad
// rows: the preview lists them with their row numbers and reasons and
// writes nothing, the import adds the good rows, and a second import of
// the same file adds nothing.
func TestImportRosterThroughPreview(t *testing.T) {
	h := newHarness(t, true)
	files := useFakeFiles(h)
	h.openWorkerList()

	bad := withWrongCheck(validID(3))
	rows := []string{
		"榆中县2026年春季外出务工人员花名册,,,,",
		"序号,姓名,身份证号码,联系电话,户籍所在地",
		"1,王秀兰," + validID(1) + ",13893112345,甘肃省兰州市榆中县",
		"2,李建国," + validID(2) + ",13993154321,榆中县",
		"3,张丽," + bad + ",13893100003,榆中县",
		"4,赵春花," + validID(4) + ",,榆中县",
		"5,孙强," + validID(5) + ",13893100005,火星县",
	}
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(strings.Join(rows, "\r\n") + "\r\n")
	if err != nil {
		t.Fatal(err)
	}
	files.openPath = filepath.Join(t.TempDir(), "花名册.csv")
	if err := os.WriteFile(files.openPath, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}

	h.tap("导入")
	h.mustShow("预览")
	h.mustShow("表头在第 2 行")
	h.mustShow("共 5 行：可导入 3 行，有误 2 行，已登记过 0 行")
	// Rows as Excel numbers them, with the column and the reason.
	problems := h.table()
	problems.Select(tableCell(0, 2))
	h.mustShow("第5行 身份证号码：")
	h.mustShow("校验")
	problems.Select(tableCell(1, 2))
	h.mustShow("第7行 户籍所在地：")
	h.mustShow("火星县")
	h.wantWorkers(0, "after the preview")
	h.tap("确认导入")
	h.mustShow("新增 3 条")
	h.mustShow("有误未导入 2 行")
	h.tap("确定")
	h.wantWorkers(3, "after the import")

	// The same file again: everyone is registered, nothing to import.
	h.tap("导入")
	h.mustShow("可导入 0 行，有误 2 行，已登记过 3 行")
	h.mustShow("对已登记过的劳动者")
	if !h.button("确认导入").Disabled() {
		t.Fatal("importing is offered with nothing new and 跳过 chosen")
	}
	h.tap("取消")
	h.wantWorkers(3, "after the second import")

	// 王秀兰 has a new phone: the clerk chooses to update.
	rows[2] = strings.Replace(rows[2], "13893112345", "13912345678", 1)
	gbk, _ = simplifiedchinese.GB18030.NewEncoder().String(strings.Join(rows, "\r\n") + "\r\n")
	if err := os.WriteFile(files.openPath, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	h.tap("导入")
	h.radio().SetSelected(dupUpdate)
	h.settle()
	h.tap("确认导入")
	h.mustShow("更新 1 条")
	w, err := h.s.FindWorkerByIDNumber(validID(1))
	if err != nil || w == nil || w.Phone != "13912345678" {
		t.Fatalf("王秀兰 after the update: %+v %v", w, err)
	}
}

// radio is the first radio group on screen.
func (h *harness) radio() *widget.RadioGroup {
	h.t.Helper()
	return onScreen(h, "radio group", func(*widget.RadioGroup) bool { return true })
}

// TestImportLegacyXLSIsExplained: a .xls gets the message to save it as
// .xlsx, in full.
func TestImportLegacyXLSIsExplained(t *testing.T) {
	h := newHarness(t, true)
	files := useFakeFiles(h)
	h.openWorkerList()
	files.openPath = filepath.Join(t.TempDir(), "老名单.xls")
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}
	if err := os.WriteFile(files.openPath, ole, 0o644); err != nil {
		t.Fatal(err)
	}
	h.tap("导入")
	h.mustShow("另存为")
	h.mustShow("Excel 工作簿（*.xlsx）”后再导入")
}

// seedTwoCounties registers three workers in 榆中县 and two in 永登县.
func seedTwoCounties(t *testing.T, s *storage.Store) (yuzhong, yongdeng []*data.Worker) {
	t.Helper()
	for i, name := range []string{"王秀兰", "李建国", "张丽", "赵春花", "孙强"} {
		w := testWorker(i+1, name)
		if i >= 3 {
			w.HukouRegion = "620121"
			w.IDNumber = ident.MakeID("620121", testNow.AddDate(-30, 0, 0), i+1, false)
			yongdeng = append(yongdeng, w)
		} else {
			yuzhong = append(yuzhong, w)
		}
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
	}
	return yuzhong, yongdeng
}

// twoCountiesListed is the worker list on screen with seedTwoCounties's
// workers (entered as 王秀兰, 李建国, 张丽, 赵春花, 孙强) and the file
// dialogs faked.
func twoCountiesListed(t *testing.T) (h *harness, files *fakeFiles, yuzhong, yongdeng []*data.Worker) {
	h = newHarness(t, true)
	files = useFakeFiles(h)
	yuzhong, yongdeng = seedTwoCounties(t, h.s)
	h.openWorkerList()
	return h, files, yuzhong, yongdeng
}

// TestExportHonoursTheListFilter exports the worker list filtered to one
// county, masked, and reads the workbook back.
func TestExportHonoursTheListFilter(t *testing.T) {
	h, files, yuzhong, yongdeng := twoCountiesListed(t)
	h.g.workers.region.set("620121", true)
	h.settle()

	files.savePath = filepath.Join(t.TempDir(), "永登县.xlsx")
	h.tap("导出")
	h.mustShow("户籍地：甘肃省兰州市永登县")
	h.tap("选择保存位置…")
	if !strings.HasPrefix(files.saveName, "劳动者-") || !strings.HasSuffix(files.saveName, ".xlsx") {
		t.Fatalf("suggested name %q", files.saveName)
	}
	h.mustShow("已导出 2 条劳动者")

	got := readRows(t, files.savePath, "劳动者")
	if len(got) != 3 {
		t.Fatalf("%d rows in the export, want the header and 2", len(got))
	}
	text := ""
	for _, r := range got {
		text += strings.Join(r, ",") + "\n"
	}
	for _, w := range yongdeng {
		if !strings.Contains(text, w.Name) || !strings.Contains(text, ident.MaskID(w.IDNumber)) || strings.Contains(text, w.IDNumber) {
			t.Fatalf("%s missing or unmasked in\n%s", w.Name, text)
		}
	}
	for _, w := range yuzhong {
		if strings.Contains(text, w.Name) {
			t.Fatalf("%s of another county exported:\n%s", w.Name, text)
		}
	}
	h.tap("打开文件")
	if len(files.opened) != 1 || files.opened[0] != files.savePath {
		t.Fatalf("opened %v", files.opened)
	}

	// Full numbers: asked for, confirmed, written and audited.
	files.savePath = filepath.Join(t.TempDir(), "完整.csv")
	h.tap("导出")
	test.Tap(h.check(fullIDsText))
	h.settle()
	h.mustShow("个人敏感信息")
	h.tap("确认")
	if !h.check(fullIDsText).Checked {
		t.Fatal("the confirmed check box was cleared")
	}
	h.tap("选择保存位置…")
	b, err := os.ReadFile(files.savePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range yongdeng {
		if !strings.Contains(string(b), w.IDNumber) {
			t.Fatalf("no full ID number of %s in\n%s", w.Name, b)
		}
	}
	log, err := h.s.AuditLog(10)
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, e := range log {
		if e.Action == data.ActExport && strings.Contains(e.Summary, "含完整身份证号") && strings.Contains(e.Summary, "筛选") {
			audited = true
		}
	}
	if !audited {
		t.Fatalf("the full export is not in the audit log: %+v", log)
	}
}

// TestPrintHonoursTheListFilter prints the filtered worker list: the PDF
// holds those names, the filter in its heading, and no full ID number.
func TestPrintHonoursTheListFilter(t *testing.T) {
	needPdftotext(t)
	h, files, yuzhong, yongdeng := twoCountiesListed(t)
	h.g.workers.region.set("620123", true)
	h.settle()

	h.tap("打印")
	h.mustShow("户籍地：甘肃省兰州市榆中县")
	h.tap("打印") // the dialog's own button
	h.mustShow("Ctrl+P")
	// Saved under 文档\对口劳务协作\打印 with a name saying what it holds.
	want := filepath.Join(files.docs, "对口劳务协作", "打印", "劳动者名册-"+h.s.Today().String()+"-甘肃省兰州市榆中县.pdf")
	if len(files.printed) != 1 || files.printed[0] != want {
		t.Fatalf("printed %v, want %s", files.printed, want)
	}
	h.mustShow("文件已保存在：" + want)
	h.tap("打开文件夹")
	if len(files.folders) != 1 || files.folders[0] != want {
		t.Fatalf("打开文件夹 opened %v", files.folders)
	}
	text := printedText(t, files.printed[0])
	if !strings.Contains(text, "筛选条件：户籍地：甘肃省兰州市榆中县") {
		t.Fatalf("the heading does not say the filter:\n%s", text)
	}
	for _, w := range yuzhong {
		if !strings.Contains(text, w.Name) || strings.Contains(text, w.IDNumber) {
			t.Fatalf("%s missing or unmasked:\n%s", w.Name, text)
		}
	}
	for _, w := range yongdeng {
		if strings.Contains(text, w.Name) {
			t.Fatalf("%s of another county printed:\n%s", w.Name, text)
		}
	}
}

// TestPlacementActionsExportAndPrintTheFilteredList exports and prints
// the 就业安置 list filtered to 已上岗 on the demo data: only those rows,
// and the screen offers no import.
func TestPlacementActionsExportAndPrintTheFilteredList(t *testing.T) {
	h := newHarness(t, true)
	files := useFakeFiles(h)
	if err := demo.Populate(h.s, demo.Options{Workers: 120}); err != nil {
		t.Fatal(err)
	}
	started := data.PlacementFilter{Stage: data.StageStarted}
	want, err := h.s.CountPlacements(started)
	if err != nil || want == 0 {
		t.Fatalf("%d started placements in the demo: %v", want, err)
	}
	h.goTo(screenPlacements)
	h.g.placements.stage.SetSelected("已上岗")
	h.settle()
	for _, o := range h.all() {
		if b, ok := o.(*widget.Button); ok && (b.Text == "导入" || b.Text == "下载模板") {
			t.Fatalf("placements offer %q", b.Text)
		}
	}

	files.savePath = filepath.Join(t.TempDir(), "已上岗.xlsx")
	h.tap("导出")
	h.tap("选择保存位置…")
	rows := readRows(t, files.savePath, "就业安置")
	if int64(len(rows)-1) != want {
		t.Fatalf("%d placements exported, want %d", len(rows)-1, want)
	}
	stage := slices.Index(rows[0], "阶段")
	for _, r := range rows[1:] {
		if r[stage] != "已上岗" {
			t.Fatalf("exported a placement at stage %q", r[stage])
		}
	}
	h.tap("确定")

	h.tap("打印")
	h.mustShow("阶段：已上岗")
	h.tap("打印")
	if len(files.printed) != 1 {
		t.Fatalf("printed %v", files.printed)
	}
	h.mustShow(fmt.Sprintf("%d 条", want))
}
