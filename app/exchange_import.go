package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/exchange"
	"duikou/data/storage"
)

// exchangeImport is 导入: open a file, show the dry run, and apply it
// only when the clerk confirms. Every check runs before the summary
// shows, so a refused file never gets a 确认导入 button.
type exchangeImport struct {
	x       *exchangeScreen
	view    fyne.CanvasObject
	choose  *widget.Button
	confirm *widget.Button
	title   *cjkLabel
	summary *cjkLabel
	opened  *exchange.Opened // the file previewed, waiting for 确认导入
}

func newExchangeImport(x *exchangeScreen) *exchangeImport {
	m := &exchangeImport{x: x}
	m.choose = widget.NewButtonWithIcon("选择交换文件…", theme.FolderOpenIcon(), m.pick)
	m.choose.Importance = widget.HighImportance
	m.confirm = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), m.apply)
	m.confirm.Importance = widget.HighImportance
	m.confirm.Hide()
	m.title = wrapLabel("")
	m.title.TextStyle = fyne.TextStyle{Bold: true}
	m.summary = wrapLabel("")
	about := wrapLabel("先预览再导入：文件会先解密、核对签名和内容，预览不写入数据库；" +
		"确认导入前自动备份，同一文件导入两次不会重复。")
	about.Importance = widget.LowImportance
	// A long preview (notes on withdrawals and conflicts under a title
	// that wraps) scrolls; 确认导入 stays below it, in sight in a short
	// window.
	m.view = scrollAboveFooter(container.NewVBox(container.NewHBox(m.choose), about, widget.NewSeparator(),
		m.title, m.summary), container.NewHBox(m.confirm))
	return m
}

func (m *exchangeImport) pick() {
	m.x.g.hooks().pickOpen("选择合作方发来的交换文件", []string{".duikou"}, m.preview)
}

// preview opens and checks the file and counts what it would do, off the
// UI thread: a large file takes seconds.
func (m *exchangeImport) preview(path string) {
	m.opened = nil
	m.confirm.Hide()
	m.choose.Disable()
	m.title.SetText("正在检查 " + baseName(path) + " ……")
	m.summary.SetText("")
	m.x.work.submit(func() func() {
		o, err := m.x.eng.open(path)
		var sum *storage.ApplySummary
		if err == nil && !o.AlreadyImported {
			sum, err = o.DryRun()
		}
		return func() {
			m.choose.Enable()
			switch {
			case err != nil:
				m.refused(path, err)
			case o.AlreadyImported:
				m.title.SetText(fmt.Sprintf("来自 %s 的交换文件 %s 已导入过，未作任何更改。", o.Manifest.From.Name, o.FileName))
			default:
				m.showPreview(o, sum)
			}
		}
	})
}

func (m *exchangeImport) refused(path string, err error) {
	m.title.SetText("未导入 " + baseName(path))
	m.summary.SetText(err.Error() + "\n数据库未作任何更改。")
	m.summary.Importance = widget.DangerImportance
	m.summary.Refresh()
}

func (m *exchangeImport) showPreview(o *exchange.Opened, sum *storage.ApplySummary) {
	m.summary.Importance = widget.MediumImportance
	m.title.SetText(fmt.Sprintf("预览（未写入数据库）：来自 %s 的交换文件 %s，导出于 %s",
		o.Manifest.From.Name, o.FileName, when(o.Manifest.Created)))
	text := summaryText(sum) + "\n文件中的记录：" + countLine(o.Manifest.Counts.Tables)
	if len(sum.Refused) > 0 {
		text += "\n以下记录未通过校验，整个文件不能导入，请对方更正后重新导出：\n" + strings.Join(sum.Refused, "\n")
		m.summary.Importance = widget.DangerImportance
		m.summary.SetText(text)
		return
	}
	if sum.Withdrawn > 0 {
		text += fmt.Sprintf("\n%d 名劳动者已由登记单位撤回共享同意：导入后将删除本单位保存的其身份证号、电话、住址等个人信息。", sum.Withdrawn)
	}
	if sum.Conflicts > 0 {
		text += fmt.Sprintf("\n有 %d 处双方同时修改的内容：导入后暂按统一规则取值，请在“冲突”中逐一确认。", sum.Conflicts)
	}
	m.summary.SetText(text)
	m.opened = o
	m.confirm.Show()
}

// apply imports the previewed file; the engine backs the database up first.
func (m *exchangeImport) apply() {
	o := m.opened
	if o == nil {
		return
	}
	m.opened = nil
	m.confirm.Hide()
	m.choose.Disable()
	m.title.SetText("正在导入 " + o.FileName + " ……")
	m.x.work.submit(func() func() {
		res, err := o.Apply(o.FileName)
		return func() {
			m.choose.Enable()
			switch {
			case errors.Is(err, exchange.ErrRecordsRefused):
				m.refused(o.FileName, fmt.Errorf("%w\n%s", err, strings.Join(res.Summary.Refused, "\n")))
			case err != nil:
				m.refused(o.FileName, err)
			case res.AlreadyImported:
				m.title.SetText(fmt.Sprintf("来自 %s 的交换文件 %s 已导入过，未作任何更改。", o.Manifest.From.Name, o.FileName))
				m.summary.SetText("")
			default:
				m.title.SetText(fmt.Sprintf("已导入来自 %s 的交换文件 %s", o.Manifest.From.Name, o.FileName))
				m.summary.SetText(summaryText(res.Summary) + "\n导入前的备份：" + res.Backup)
			}
			m.x.refresh()
		}
	})
}

// summaryText is the import's count in the clerk's words.
func summaryText(sum *storage.ApplySummary) string {
	return fmt.Sprintf("新增 %d 条，更新 %d 条，未变 %d 条，冲突 %d 处，拒收 %d 条",
		sum.New, sum.Updated, sum.Unchanged, sum.Conflicts, len(sum.Refused))
}

// baseName is the file name of a path with either separator.
func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
