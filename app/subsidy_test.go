package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/sheet"
)

// subsidyHarness is the window on 补贴与慰问 with two 榆中 workers in 南京:
// a 脱贫户 four months in work (paid 600 under the 崇信县 example's 跨省
// row) and a 一般 worker (不是补贴对象), and the example rules file ready
// to be picked.
func subsidyHarness(t *testing.T) (*harness, *fakeFiles) {
	h := newHarness(t, true)
	emp := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: testCreditCode("MA1XY2K1"), Region: "320115"}
	if err := h.s.Create(emp); err != nil {
		t.Fatal(err)
	}
	d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Headcount: 5, WorkRegion: "320115"}
	if err := h.s.Create(d); err != nil {
		t.Fatal(err)
	}
	start := data.MakeDate(2026, 7, 15)
	for i, p := range []data.Poverty{data.PovertyLifted, data.PovertyGeneral} {
		w := testWorker(i+1, []string{"李春花", "张建国"}[i])
		w.Poverty = p
		if err := h.s.Create(w); err != nil {
			t.Fatal(err)
		}
		if err := h.s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted, ReferredOn: start, HiredOn: start, StartedOn: start}); err != nil {
			t.Fatal(err)
		}
	}
	f := useFakeFiles(h)
	f.openPath = filepath.Join(t.TempDir(), "规则.xlsx")
	if err := sheet.WriteSubsidyTemplate(f.openPath); err != nil {
		t.Fatal(err)
	}
	h.goTo(screenSubsidy)
	return h, f
}

// Loading the rules shows who is paid and who is not and why; 确认申报
// records the claim and the roster shown next lists the worker as 已申报.
func TestSubsidyScreenLoadsRulesAndAppliesOnce(t *testing.T) {
	h, _ := subsidyHarness(t)
	if !h.button("确认申报").Disabled() {
		t.Fatal("确认申报 is enabled before there is a roster")
	}
	h.tap("选择规则文件…")
	h.mustShow("可申报 1 人，金额合计 600 元；未纳入 1 人（不是补贴对象 1）")
	s := h.g.screens[screenSubsidy].scr.(*subsidyScreen)
	if got := s.eligible.cellText(0, 0) + " " + s.eligible.cellText(0, 1) + " " + s.eligible.cellText(0, 7) + " " + s.eligible.cellText(0, 8); got != "李春花 "+maskedID(testWorker(1, "").IDNumber)+" 跨省 600" {
		t.Errorf("eligible row %q", got)
	}
	if got := s.excluded.cellText(0, 0) + " " + s.excluded.cellText(0, 3); got != "张建国 不是补贴对象" {
		t.Errorf("excluded row %q", got)
	}

	// A worker who reaches three months by a placement recorded now joins
	// the roster on screen without another click.
	w := testWorker(3, "王秀兰")
	w.Poverty = data.PovertyMonitored
	if err := h.s.Create(w); err != nil {
		t.Fatal(err)
	}
	ds, _, _ := h.s.ListDemands(data.DemandFilter{}, data.Page{Limit: 1})
	start := data.MakeDate(2026, 8, 22) // three months to the day before the test's today
	if err := h.s.Create(&data.Placement{WorkerID: w.ID, DemandID: ds[0].ID, Stage: data.StageStarted, ReferredOn: start, HiredOn: start, StartedOn: start}); err != nil {
		t.Fatal(err)
	}
	h.settle()
	h.mustShow("可申报 2 人，金额合计 1200 元；未纳入 1 人（不是补贴对象 1）")

	h.tap("确认申报") // the window's button: asks first
	if !h.dialogOpen() {
		t.Fatal("确认申报 wrote without asking")
	}
	h.tap("确认申报") // the dialog's
	h.mustShow("已为 2 人记录“一次性交通补贴”申报")
	h.tap("确定")
	h.mustShow("可申报 0 人，金额合计 0 元；未纳入 3 人（不是补贴对象 1、已申报 2）")
	if !h.button("确认申报").Disabled() {
		t.Error("确认申报 is enabled on an empty roster")
	}
	var n int64
	claimed, _ := h.s.SubsidyClaimed("一次性交通补贴")
	ws, _ := h.s.SubsidyWorkers(data.MakeDate(2026, 11, 22))
	for _, w := range ws {
		if _, ok := claimed(w.ID); ok {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d workers claimed, want 2", n)
	}
}

func maskedID(id string) string { return id[:6] + "********" + id[14:] }

// A bad rules file is refused with its row named, and nothing on screen
// changes.
func TestSubsidyScreenRefusesABadRulesFile(t *testing.T) {
	h, f := subsidyHarness(t)
	h.tap("生成名单")
	h.mustShow("请先点“选择规则文件…”")
	f.openPath = filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(f.openPath, []byte("项目,去向,金额（元）,最少务工月数,对象,上岗起,上岗止\n交通补贴,火星,400,3,全部,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.tap("选择规则文件…")
	h.mustShow("第 2 行“去向”：“火星”无法识别")
	h.tap("确定")
	h.mustShow("请先点“选择规则文件…”")
	if !h.button("导出花名册…").Disabled() {
		t.Error("export enabled without a roster")
	}
}

// The 公示名单 goes to the printer with masked IDs only (no full-ID box),
// and the roster workbook is written where the clerk says.
func TestSubsidyScreenPrintsAndExports(t *testing.T) {
	h, f := subsidyHarness(t)
	h.tap("选择规则文件…")
	h.tap("打印公示名单")
	for _, o := range h.all() {
		if c, ok := o.(*widget.Check); ok && c.Visible() {
			t.Fatalf("the 公示名单 dialog offers %q", c.Text)
		}
	}
	h.tap("打印")
	if len(f.printed) != 1 || !strings.Contains(filepath.Base(f.printed[0]), "一次性交通补贴公示名单") {
		t.Fatalf("printed %v", f.printed)
	}
	h.tap("确定")
	f.savePath = filepath.Join(t.TempDir(), "花名册.xlsx")
	h.tap("导出花名册…")
	h.tap("选择保存位置…")
	h.mustShow("已导出“一次性交通补贴”申报花名册 1 人")
	if st, err := os.Stat(f.savePath); err != nil || st.Size() == 0 {
		t.Fatalf("no workbook: %v", err)
	}
}
