package app

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/report"
	"duikou/data/sheet"
	"duikou/data/storage"
	"duikou/data/subsidy"
)

// subsidyScreen is 补贴与慰问: load a county's rules file, see who is to
// be paid under a 项目 on a 核算日 and who is not and why, export the
// 申报花名册, print the 公示名单 and 签领表, record the claims (确认申报),
// and print the union's 慰问金签领表. The rules and the roster are
// data/subsidy's; this screen picks the file and shows the result.
type subsidyScreen struct {
	g    *GUI
	st   SubsidyStore
	db   *storage.Store // for the workbook and the PDFs (their own audit entries)
	jobs *latest

	mu     sync.Mutex // roster is read by the lists' background queries
	roster *subsidy.Roster
	gen    int

	rules    subsidy.Rules
	file     *widget.Label
	program  *widget.Select
	asOf     *textEntry
	summary  *cjkLabel
	eligible *recordTable[subsidy.Entry, int]
	excluded *recordTable[subsidy.Exclusion, int]
	tabs     *container.AppTabs
	output   []*widget.Button // need a roster
	apply    *widget.Button
	built    fyne.CanvasObject
}

func newSubsidyScreen(g *GUI, st SubsidyStore) *subsidyScreen {
	s := &subsidyScreen{g: g, st: st, db: g.db, jobs: g.newLatest()}
	s.eligible = newListView(g, listSpec[subsidy.Entry, int]{
		src:   sliceLister(func() []subsidy.Entry { return s.current().Eligible }),
		cols:  eligibleColumns(),
		count: func() textSetter { return s.summary },
	})
	s.excluded = newListView(g, listSpec[subsidy.Exclusion, int]{
		src:   sliceLister(func() []subsidy.Exclusion { return s.current().Excluded }),
		cols:  excludedColumns(),
		count: func() textSetter { return s.summary },
	})
	// A roster on screen follows the records it is made of (a placement
	// ended, a partner's claims imported) while the screen is showing.
	g.reloadOn([]data.Table{data.TableWorkers, data.TablePlacements, data.TableDemands, data.TableClaims}, func() {
		g.ui(func() {
			if g.current == screenSubsidy && s.current().Program != "" {
				s.refresh()
			}
		})
	})
	return s
}

// current is the roster on screen (an empty one before the first).
func (s *subsidyScreen) current() *subsidy.Roster {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.roster == nil {
		return &subsidy.Roster{}
	}
	return s.roster
}

func placeText(code string) string {
	if n := catalog.FullName(code); n != "" {
		return n
	}
	return code
}

func eligibleColumns() []column[subsidy.Entry] {
	return []column[subsidy.Entry]{
		{title: "姓名", width: 84, text: func(e *subsidy.Entry) string { return e.Worker.Name }},
		{title: "身份证号", width: 170, text: func(e *subsidy.Entry) string { return ident.MaskID(e.Worker.IDNumber) }},
		{title: "户籍地", width: 170, text: func(e *subsidy.Entry) string { return placeText(e.Worker.HukouRegion) }},
		{title: "用工单位", width: 180, text: func(e *subsidy.Entry) string { return e.Placement.Employer }},
		{title: "务工地", width: 170, text: func(e *subsidy.Entry) string { return placeText(e.Placement.WorkRegion) }},
		{title: "上岗日期", width: 100, text: func(e *subsidy.Entry) string { return e.Placement.Start.String() }},
		{title: "务工月数", width: 76, text: func(e *subsidy.Entry) string { return fmt.Sprint(e.Months) }},
		{title: "去向", width: 96, text: func(e *subsidy.Entry) string { return e.Destination() }},
		{title: "金额（元）", width: 90, text: func(e *subsidy.Entry) string { return e.Amount().String() }},
	}
}

func excludedColumns() []column[subsidy.Exclusion] {
	return []column[subsidy.Exclusion]{
		{title: "姓名", width: 84, text: func(x *subsidy.Exclusion) string { return x.Worker.Name }},
		{title: "身份证号", width: 170, text: func(x *subsidy.Exclusion) string { return ident.MaskID(x.Worker.IDNumber) }},
		{title: "户籍地", width: 170, text: func(x *subsidy.Exclusion) string { return placeText(x.Worker.HukouRegion) }},
		{title: "原因", width: 130, text: func(x *subsidy.Exclusion) string { return string(x.Reason) }},
		{title: "说明", width: 420, text: func(x *subsidy.Exclusion) string { return x.Detail }},
	}
}

func (s *subsidyScreen) view() fyne.CanvasObject {
	if s.built != nil {
		return s.built
	}
	s.file = widget.NewLabel("未选择规则文件")
	s.file.Truncation = fyne.TextTruncateEllipsis
	pick := widget.NewButtonWithIcon("选择规则文件…", theme.FolderOpenIcon(), s.pickRules)
	template := widget.NewButtonWithIcon("下载规则示例", theme.FileIcon(), s.saveTemplate)
	s.program = widget.NewSelect(nil, func(string) { s.refresh() })
	s.program.PlaceHolder = "（先选择规则文件）"
	s.asOf = newTextEntry("2026-12-31")
	s.asOf.SetText(s.st.Today().String())
	s.asOf.OnSubmitted = func(string) { s.refresh() }
	run := widget.NewButtonWithIcon("生成名单", theme.ViewRefreshIcon(), s.refresh)
	run.Importance = widget.HighImportance
	s.summary = wrapLabel("选择县里的补贴规则文件（.xlsx 或 .csv），再点“生成名单”。")

	export := widget.NewButtonWithIcon("导出花名册…", theme.DownloadIcon(), s.startExport)
	notice := widget.NewButtonWithIcon("打印公示名单", theme.DocumentPrintIcon(), func() { s.startPrint(report.Notice) })
	receipt := widget.NewButtonWithIcon("打印签领表", theme.DocumentPrintIcon(), func() { s.startPrint(report.Receipt) })
	s.apply = widget.NewButtonWithIcon("确认申报", theme.ConfirmIcon(), s.confirmApply)
	s.apply.Importance = widget.HighImportance
	s.output = []*widget.Button{export, notice, receipt, s.apply}
	for _, b := range s.output {
		b.Disable()
	}
	relief := widget.NewButtonWithIcon("慰问金签领表…", theme.DocumentPrintIcon(), s.startRelief)

	asOfRow := container.NewHBox(widget.NewLabel("项目"), s.program, widget.NewLabel("核算日"),
		container.NewGridWrap(fyne.NewSize(120, s.asOf.MinSize().Height), s.asOf), run)
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(pick, template), nil, s.file),
		asOfRow,
		s.summary,
	)
	bottom := container.NewBorder(nil, nil, container.NewHBox(export, notice, receipt, s.apply), relief)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("可申报", s.eligible.table),
		container.NewTabItem("未纳入", s.excluded.table),
	)
	s.built = container.NewBorder(top, bottom, nil, nil, s.tabs)
	s.eligible.rows.setQuery(s.eligible.rows.query())
	s.excluded.rows.setQuery(s.excluded.rows.query())
	return s.built
}

func (s *subsidyScreen) shown() { s.g.setActions(actions{}) }

// pickRules reads a rules file the clerk chooses; a bad file is refused
// whole with its rows named, and the rules on screen stay as they were.
func (s *subsidyScreen) pickRules() {
	s.g.hooks().pickOpen("选择补贴规则文件", []string{".xlsx", ".csv"}, func(path string) {
		s.jobs.submit(func() func() {
			rules, err := sheet.ReadSubsidyRules(path)
			return func() {
				if err != nil {
					s.g.showError("补贴规则文件有误", err)
					return
				}
				s.rules = rules
				s.file.SetText("规则文件：" + path)
				programs := rules.Programs()
				s.program.SetOptions(programs)
				s.program.SetSelected(programs[0]) // refreshes
			}
		})
	})
}

// saveTemplate writes the 崇信县 example where the clerk says.
func (s *subsidyScreen) saveTemplate() {
	s.g.hooks().pickSave("保存补贴规则示例", "补贴规则示例.xlsx", []string{".xlsx"}, func(path string) {
		if err := sheet.WriteSubsidyTemplate(path); err != nil {
			s.g.showError("无法保存", err)
			return
		}
		s.g.showTextWith("已保存规则示例", "已写出崇信县一次性交通补贴标准的示例：\n"+path+
			"\n\n按本县文件改好金额、月数、对象和上岗日期范围后，点“选择规则文件…”载入。", []*widget.Button{s.g.openButton(path)})
	})
}

// refresh computes the roster for the chosen 项目 and 核算日 off the UI
// thread and shows it.
func (s *subsidyScreen) refresh() {
	if s.rules == nil || s.program.Selected == "" {
		s.summary.SetText("请先点“选择规则文件…”载入县里的补贴规则。")
		return
	}
	asOf, err := data.ParseDate(s.asOf.Text)
	if err != nil || asOf.IsZero() {
		s.g.showError("核算日有误", fmt.Errorf("核算日“%s”格式不对，应为 2026-12-31", s.asOf.Text))
		return
	}
	rules, program := s.rules, s.program.Selected
	s.summary.SetText("正在生成名单…")
	s.jobs.submit(func() func() {
		r, err := s.st.SubsidyRoster(rules, program, asOf)
		return func() {
			if err != nil {
				s.summary.SetText("生成名单失败：" + err.Error())
				return
			}
			s.show(r)
		}
	})
}

// show puts a roster on screen.
func (s *subsidyScreen) show(r *subsidy.Roster) {
	s.mu.Lock()
	s.roster = r
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	s.summary.SetText(fmt.Sprintf("项目“%s”　核算日 %s：%s", r.Program, r.AsOf, r.Summary()))
	s.tabs.Items[0].Text = fmt.Sprintf("可申报（%d）", len(r.Eligible))
	s.tabs.Items[1].Text = fmt.Sprintf("未纳入（%d）", len(r.Excluded))
	s.tabs.Refresh()
	s.eligible.setFilter(gen)
	s.excluded.setFilter(gen)
	for _, b := range s.output {
		b.Enable()
	}
	if len(r.Eligible) == 0 {
		s.apply.Disable()
	}
}

// startExport asks whether to write full ID numbers, then where, and
// writes the 申报花名册 with its 未纳入名单 sheet.
func (s *subsidyScreen) startExport() {
	r := s.current()
	full := widget.NewCheck("导出完整身份证号", nil)
	s.g.confirmFullIDs(full, "导出的花名册")
	var d dialog.Dialog
	next := widget.NewButton("选择保存位置…", func() {
		d.Hide()
		fullIDs := full.Checked
		name := r.Program + "申报花名册-" + time.Now().Format("20060102-1504") + ".xlsx"
		s.g.hooks().pickSave("导出申报花名册", name, []string{".xlsx"}, func(path string) { s.export(r, path, fullIDs) })
	})
	next.Importance = widget.HighImportance
	d = s.g.showChoice("导出申报花名册", 460, []fyne.CanvasObject{
		wrappedText(fmt.Sprintf("将导出“%s”申报花名册：可申报 %d 人，另附未纳入 %d 人及原因。", r.Program, len(r.Eligible), len(r.Excluded)), 460),
		full, widget.NewLabel("默认隐去身份证号的中间部分。")}, next)
}

func (s *subsidyScreen) export(r *subsidy.Roster, path string, fullIDs bool) {
	s.jobs.submit(func() func() {
		err := sheet.ExportRoster(s.db, r, path, fullIDs)
		return func() {
			if err != nil {
				s.g.showError("导出失败", err)
				return
			}
			s.g.showTextWith("导出完成", fmt.Sprintf("已导出“%s”申报花名册 %d 人到：\n%s", r.Program, len(r.Eligible), path),
				[]*widget.Button{s.g.openButton(path)})
		}
	})
}

// startPrint prints the roster's 公示名单 (IDs always masked) or 签领表.
func (s *subsidyScreen) startPrint(form report.SubsidyForm) {
	r := s.current()
	job := pdfJob{
		title:    r.Program + string(form),
		what:     fmt.Sprintf("将打印“%s”%s：%d 人，金额合计 %s 元（A4 横向，PDF）。", r.Program, form, len(r.Eligible), r.Total),
		fileName: form.FileName(r.Program, time.Now()),
		jobs:     s.jobs,
		write: func(path string, fullIDs bool) (*report.Result, error) {
			return report.PrintSubsidy(s.db, r, form, path, fullIDs)
		},
	}
	if form == report.Receipt {
		job.fullIDs = "打印完整身份证号"
	}
	s.g.printPDF(job)
}

// confirmApply records the claims of the roster on screen, then shows
// the roster again: those just claimed are now 已申报.
func (s *subsidyScreen) confirmApply() {
	r := s.current()
	s.g.confirm("确认申报", fmt.Sprintf("将为 %d 人记录“%s”申报，\n金额合计 %s 元，核算日 %s。\n以后生成名单时这些人列为“已申报”。",
		len(r.Eligible), r.Program, r.Total, r.AsOf), "确认申报", func() {
		s.jobs.submit(func() func() {
			n, err := s.st.ApplyClaims(r)
			return func() {
				if err != nil {
					s.g.showError("确认申报失败，未记录任何申报", err)
					return
				}
				s.g.showText("已确认申报", fmt.Sprintf("已为 %d 人记录“%s”申报，已记入操作日志。", n, r.Program))
				s.refresh()
			}
		})
	})
}

// startRelief asks for the dates of the 慰问金签领表 and prints it.
func (s *subsidyScreen) startRelief() {
	today := s.st.Today()
	from := newTextEntry("2026-01-01")
	from.SetText(data.MakeDate(today.Year, today.Month, 1).String())
	to := newTextEntry("2026-01-31")
	to.SetText(today.String())
	var d dialog.Dialog
	next := widget.NewButton("下一步", func() {
		var r storage.DateRange
		var err error
		if r.From, err = data.ParseDate(from.Text); err == nil {
			r.To, err = data.ParseDate(to.Text)
		}
		switch {
		case err != nil:
			s.g.showError("日期有误", err)
			return
		case r.From.IsZero() || r.To.IsZero():
			s.g.showError("日期有误", fmt.Errorf("请填写起止日期"))
			return
		case r.To.Before(r.From):
			s.g.showError("日期有误", fmt.Errorf("截止日期 %s 早于起始日期 %s", r.To, r.From))
			return
		}
		d.Hide()
		s.g.printPDF(pdfJob{
			title:    report.Relief.Title(),
			what:     fmt.Sprintf("将打印 %s 至 %s 的送温暖慰问和困难帮扶中有金额的各项，生成《%s》（A4 横向，PDF）。", r.From, r.To, report.Relief.Title()),
			fileName: report.Relief.SaveName(s.db.Today(), r.From.String()+"至"+r.To.String()),
			fullIDs:  "打印完整身份证号",
			jobs:     s.jobs,
			write: func(path string, fullIDs bool) (*report.Result, error) {
				return report.Print(s.db, report.Relief, path, report.Options{Range: r, FullIDs: fullIDs})
			},
		})
	})
	next.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem("慰问日期从", from), widget.NewFormItem("至", to))
	d = s.g.showChoice("慰问金签领表", 380, []fyne.CanvasObject{form}, next)
}
