package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data/sheet"
)

// The import runs in three steps, each on the list actions' background
// runner: read the file and preview it (a dry run that writes nothing,
// with a progress bar and 取消), show the clerk what would happen (the
// rows refused and why, the people already registered with 跳过/更新),
// then import the good rows in one transaction and say what was done.

// Choices for rows already registered.
const (
	dupSkip   = "跳过，不改动已登记的信息"
	dupUpdate = "用表中填写的内容更新已登记的信息"
)

// startImport asks for the file.
func (a *listActions) startImport() {
	a.g.hooks().pickOpen("选择要导入的"+a.kind.Label()+"表格（.xlsx 或 .csv）", []string{".xlsx", ".csv", ".xls"}, a.preview)
}

// preview reads the file in the background and shows the plan.
func (a *listActions) preview(path string) {
	g, st, kind := a.g, a.store, a.kind
	var plan *sheet.Plan
	a.importStep("正在读取 "+filepath.Base(path)+"…", func(ctx context.Context, p *progressDialog) (err error) {
		plan, err = sheet.PreviewContext(ctx, st, kind, path, p.reporter(g, "已读取"))
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			// The clerk stopped it; a preview writes nothing anyway.
		case err != nil:
			g.showError("无法导入 "+filepath.Base(path), err)
		default:
			a.showPlan(plan)
		}
	})
}

// importStep runs work on the background runner behind the import's
// progress dialog, saying what, whose 取消 cancels work's context; done
// gets work's error on the UI thread once the dialog has closed.
func (a *listActions) importStep(what string, work func(context.Context, *progressDialog) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	p := a.g.newProgress("导入"+a.kind.Label(), what, cancel)
	a.jobs.submit(func() func() {
		defer cancel()
		err := work(ctx, p)
		return func() {
			p.close()
			done(err)
		}
	})
}

// planSummary is the preview's opening lines.
func planSummary(plan *sheet.Plan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "文件：%s（%s），表头在第 %d 行。\n", plan.File, plan.Format, plan.HeaderRow)
	fmt.Fprintf(&b, "共 %s 行：可导入 %s 行，有误 %s 行，已登记过 %s 行。",
		thousands(int64(plan.Rows)), thousands(int64(plan.New)), thousands(int64(plan.Refused)), thousands(int64(len(plan.Duplicates))))
	if len(plan.Ignored) > 0 {
		fmt.Fprintf(&b, "\n不导入的列：%s", strings.Join(plan.Ignored, "、"))
	}
	for _, n := range plan.Notes {
		b.WriteString("\n注意：" + n)
	}
	if plan.Refused > 0 {
		b.WriteString("\n有误的行不会导入；可在表格中改正后再导入一次，已导入的不会重复。")
	}
	return b.String()
}

// showPlan is the preview dialog: nothing has been written yet.
func (a *listActions) showPlan(plan *sheet.Plan) {
	g := a.g
	summary := wrapLabel(planSummary(plan))

	var onDup *widget.RadioGroup
	var tabs *container.AppTabs
	if len(plan.Problems) > 0 || len(plan.Duplicates) > 0 {
		tabs = container.NewAppTabs()
		if len(plan.Problems) > 0 {
			tabs.Append(container.NewTabItem(fmt.Sprintf("有误的行（%d）", plan.Refused), problemsView(plan.Problems)))
		}
		if len(plan.Duplicates) > 0 {
			onDup = widget.NewRadioGroup([]string{dupSkip, dupUpdate}, nil)
			onDup.SetSelected(dupSkip)
			tabs.Append(container.NewTabItem(fmt.Sprintf("已登记过（%d）", len(plan.Duplicates)), duplicatesView(plan.Duplicates)))
		}
	}
	var d dialog.Dialog
	cancel := widget.NewButton("取消", func() { d.Hide() })
	apply := widget.NewButton("确认导入", nil)
	apply.Importance = widget.HighImportance
	choice := func() sheet.OnDuplicate {
		if onDup != nil && onDup.Selected == dupUpdate {
			return sheet.Update
		}
		return sheet.Skip
	}
	enable := func() {
		if plan.New > 0 || (choice() == sheet.Update && updatable(plan.Duplicates) > 0) {
			apply.Enable()
		} else {
			apply.Disable()
		}
	}
	if onDup != nil {
		onDup.OnChanged = func(string) { enable() }
	}
	enable()
	apply.OnTapped = func() {
		d.Hide()
		a.apply(plan, choice())
	}
	var body fyne.CanvasObject = widget.NewLabel("没有发现问题，所有行都可以导入。")
	if tabs != nil {
		body = tabs
	}
	bottom := container.NewVBox()
	if onDup != nil {
		// The choice stays in view whichever tab is open: it decides what
		// 确认导入 does.
		onDup.Horizontal = true
		bottom.Add(container.NewHBox(widget.NewLabel("对已登记过的"+a.kind.Label()+"："), onDup))
	}
	bottom.Add(container.NewCenter(container.NewHBox(cancel, apply)))
	content := container.NewBorder(summary, bottom, nil, nil, body)
	d = dialog.NewCustomWithoutButtons("导入"+a.kind.Label()+"：预览（尚未写入）", content, g.win)
	d.Resize(g.dialogSize(940, 620))
	d.Show()
}

// updatable counts the registered records an update would change.
func updatable(ds []sheet.Duplicate) int {
	n := 0
	for _, d := range ds {
		if d.Changed && d.Problem == "" {
			n++
		}
	}
	return n
}

// problemsView lists the refused rows: the row number as the spreadsheet
// shows it, the column and the reason; the full reason of the selected
// row shows below, however long.
func problemsView(ps []sheet.Problem) fyne.CanvasObject {
	detail := wrapLabel("点一行可在这里看到完整的原因。")
	t := textTable([]string{"行号", "列", "原因"}, []float32{64, 130, 620}, len(ps), func(r int) []string {
		return []string{strconv.Itoa(ps[r].Row), ps[r].Column, ps[r].Reason}
	})
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(ps) {
			detail.SetText(ps[id.Row].String())
		}
	}
	return container.NewBorder(nil, detail, nil, nil, t)
}

// duplicatesView lists the rows whose person or employer is registered.
func duplicatesView(ds []sheet.Duplicate) fyne.CanvasObject {
	return textTable([]string{"行号", "表中", "已登记为", "情况"}, []float32{64, 250, 250, 250}, len(ds), func(r int) []string {
		return []string{strconv.Itoa(ds[r].Row), ds[r].Label, ds[r].Existing, duplicateState(ds[r])}
	})
}

// duplicateState is what an import would do with a registered row.
func duplicateState(d sheet.Duplicate) string {
	switch {
	case d.Problem != "":
		return "不能更新：" + d.Problem
	case d.Changed:
		return "内容有变化，可选择更新"
	}
	return "内容相同"
}

// textTable is a read-only table of text with a header row; row gives
// row r's cells, one per header.
func textTable(headers []string, widths []float32, rows int, row func(r int) []string) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return rows, len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(row(id.Row)[id.Col]) })
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// apply imports the previewed file in one transaction.
func (a *listActions) apply(plan *sheet.Plan, onDup sheet.OnDuplicate) {
	g, st, kind := a.g, a.store, a.kind
	var rep *sheet.Report
	a.importStep("正在导入…", func(ctx context.Context, p *progressDialog) (err error) {
		rep, err = sheet.ApplyContext(ctx, st, plan, onDup, p.reporter(g, "已导入"))
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			g.showText("已取消导入", "已取消，没有导入任何"+kind.Label()+"。")
		case err != nil:
			g.showError("导入失败，没有写入任何数据", err)
		default:
			g.showText("导入完成", resultText(rep))
		}
	})
}

// resultText says what the import did.
func resultText(r *sheet.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "已导入%s：新增 %s 条", r.Kind.Label(), thousands(int64(r.New)))
	if r.Updated > 0 {
		fmt.Fprintf(&b, "，更新 %s 条", thousands(int64(r.Updated)))
	}
	if n := r.Skipped + r.Unchanged; n > 0 {
		fmt.Fprintf(&b, "，已登记过未改动 %s 条", thousands(int64(n)))
	}
	if r.Refused > 0 {
		fmt.Fprintf(&b, "，有误未导入 %s 行", thousands(int64(r.Refused)))
	}
	b.WriteString("。")
	if r.Refused > 0 {
		b.WriteString("\n有误的行：")
		for i, p := range r.Problems {
			if i == 20 {
				fmt.Fprintf(&b, "\n  ……共 %d 处", len(r.Problems))
				break
			}
			b.WriteString("\n  " + p.String())
		}
	}
	if r.Backup != "" {
		b.WriteString("\n导入前已备份数据库：" + r.Backup)
	}
	return b.String()
}
