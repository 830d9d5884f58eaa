package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// 打印 says exactly what happened: when no viewer could open the PDF it
// says so and where the file is, never "已用 PDF 阅读器打开"; a second print
// the same day does not replace the first.
func TestPrintDialogSaysWhatHappened(t *testing.T) {
	h, files, _, _ := twoCountiesListed(t)
	h.g.files.print = func(path string) (bool, error) {
		files.printed = append(files.printed, path)
		return true, errors.New("系统未能用默认程序打开它")
	}
	h.tap("打印")
	h.tap("打印")
	dir := filepath.Join(files.docs, "对口劳务协作", "打印")
	first := filepath.Join(dir, "劳动者名册-"+h.s.Today().String()+".pdf")
	h.mustShow("未能打印，也未能打开：系统未能用默认程序打开它")
	h.mustShow("文件已保存在：" + first)
	if h.shows("已用 PDF 阅读器打开") || h.shows("已交给默认打印机") {
		t.Fatal("the dialog claims the PDF was opened or printed")
	}
	if _, err := os.Stat(first); err != nil {
		t.Fatalf("the PDF is not where the dialog says: %v", err)
	}
	h.tap("打开文件夹")

	// Sent to the printer (Windows' print verb worked).
	h.g.files.print = func(path string) (bool, error) {
		files.printed = append(files.printed, path)
		return false, nil
	}
	h.tap("打印")
	h.tap("打印")
	second := filepath.Join(dir, "劳动者名册-"+h.s.Today().String()+" (2).pdf")
	h.mustShow("已交给默认打印机打印。")
	h.mustShow("文件已保存在：" + second)
	if len(files.printed) != 2 || files.printed[1] != second {
		t.Fatalf("printed %v", files.printed)
	}
}

// 用工单位与需求's 全部用工需求 prints the job-fair list: the demands open
// today, under its own readable name.
func TestDemandsPrintAsTheJobFairList(t *testing.T) {
	h := newHarness(t, true)
	files := useFakeFiles(h)
	h.seedPlacements() // one employer, 住家保姆 for 5
	es := h.openEmployers()
	es.tabs.SelectIndex(1)
	h.settle()
	h.tap("打印")
	h.mustShow("劳务协作招聘岗位信息表")
	h.tap("打印")
	want := filepath.Join(files.docs, "对口劳务协作", "打印", "招聘岗位信息表-"+h.s.Today().String()+".pdf")
	if len(files.printed) != 1 || files.printed[0] != want {
		t.Fatalf("printed %v, want %s", files.printed, want)
	}
	h.mustShow("已生成《劳务协作招聘岗位信息表》：1 条，共 1 页。")
}
