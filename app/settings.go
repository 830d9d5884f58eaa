package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/catalog"
	"duikou/data/storage"
)

// settingsScreen is 设置: this office as set up, the clerk's name for the
// audit log, the database file, a backup on demand and a restore.
type settingsScreen struct {
	g      *GUI
	st     SettingsStore
	office *cjkLabel
	clerk  *textEntry
	saved  *widget.Label
	backup *cjkLabel
	built  fyne.CanvasObject

	restoreRun *latest // checks and restores a backup off the UI thread
}

func newSettingsScreen(g *GUI, st SettingsStore) *settingsScreen {
	return &settingsScreen{g: g, st: st}
}

func (s *settingsScreen) view() fyne.CanvasObject {
	if s.built != nil {
		return s.built
	}
	s.office = wrapLabel("")
	s.clerk = newTextEntry("经办人姓名")
	s.saved = widget.NewLabel("")
	s.saved.Hide()
	saveClerk := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), s.saveClerk)
	saveClerk.Importance = widget.HighImportance
	clerkNote := wrapLabel("换人值班时改为当班经办人的姓名；之后的新增、修改和删除都以这个名字记入操作日志。")
	clerkNote.Importance = widget.LowImportance

	s.backup = wrapLabel("")
	s.backup.Hide()
	backupNow := widget.NewButtonWithIcon("立即备份", theme.DownloadIcon(), s.backupNow)
	s.restoreRun = s.g.newLatest()
	restore := widget.NewButtonWithIcon("从备份恢复…", theme.HistoryIcon(), s.chooseBackup)
	where, backupsText := databaseText(s.st.Path())
	path := wrapLabel(where)
	backupNote := wrapLabel(backupsText + storage.RetentionRule())
	backupNote.Importance = widget.LowImportance

	about := wrapLabel(AppName + "：县级工会跨省劳务协作的登记、匹配、安置和跟踪服务。\n" +
		"界面字体：思源黑体（Noto Sans SC），SIL 开放字体许可证。")

	s.built = container.NewVScroll(container.NewVBox(
		section("本单位", "首次使用时登记；与合作方交换数据时对方看到的就是这些信息", s.office),
		section("经办人", "", container.NewVBox(
			container.NewBorder(nil, nil, widget.NewLabel("经办人姓名"), saveClerk, s.clerk), s.saved, clerkNote)),
		section("数据与备份", "", container.NewVBox(path, container.NewHBox(backupNow, restore), s.backup, backupNote)),
		checkInSettings(s.st),
		referralLimitSettings(s.st),
		newMonitorSettings(s.st).view(),
		newReportHeaderSettings(s.st).view(),
		newKeysSection(s.g, s.st).view(),
		s.logSection(),
		section("关于", "", about),
	))
	return s.built
}

func (s *settingsScreen) shown() {
	o := s.st.Office()
	if o == nil {
		return
	}
	s.office.SetText(fmt.Sprintf("工会名称：%s\n所在地区：%s\n角色：%s", o.Name, catalog.FullName(o.Region), o.Role.Label()))
	s.clerk.SetText(o.ClerkName)
	s.saved.Hide()
	s.g.setActions(actions{Save: s.saveClerk})
}

func (s *settingsScreen) saveClerk() {
	name := strings.TrimSpace(s.clerk.Text)
	if name == "" {
		s.saved.Importance = widget.DangerImportance
		s.saved.SetText("未保存：经办人姓名不能为空")
		s.saved.Show()
		return
	}
	if err := s.st.SetClerk(name); err != nil {
		s.saved.Importance = widget.DangerImportance
		s.saved.SetText("未保存：" + err.Error())
		s.saved.Show()
		return
	}
	s.saved.Importance = widget.SuccessImportance
	s.saved.SetText("已保存，之后的操作记为经办人“" + name + "”")
	s.saved.Show()
	s.g.updateStatus()
}

func (s *settingsScreen) backupNow() {
	s.setBackupNote("正在备份…")
	st, ui := s.st, s.g.ui
	go func() {
		defer forwardPanic(ui, "备份")
		file, err := st.BackupBeside(storage.BackupManual)
		ui(func() {
			if err != nil {
				s.setBackupNote("备份失败：" + err.Error())
				return
			}
			s.setBackupNote("已备份到 " + file)
		})
	}()
}

// setBackupNote shows how a backup or restore is going; empty hides the
// line, so the section keeps no blank gap.
func (s *settingsScreen) setBackupNote(text string) {
	s.backup.SetText(text)
	if text == "" {
		s.backup.Hide()
	} else {
		s.backup.Show()
	}
}

// logSection is where the log file is: what to send to support when
// something went wrong. It holds no full ID numbers or phones.
func (s *settingsScreen) logSection() fyne.CanvasObject {
	dir := s.g.opt.LogDir
	if dir == "" {
		return section("日志", "", widget.NewLabel("本次运行没有日志文件（找不到可写的用户配置目录）。"))
	}
	path := wrapLabel("日志文件夹：" + dir)
	open := widget.NewButtonWithIcon("打开日志文件夹", theme.FolderOpenIcon(), func() {
		if err := s.g.hooks().open(dir); err != nil {
			s.g.showError("无法打开日志文件夹", err)
		}
	})
	return section("日志", "程序出错、备份失败等情况记在这里（不含完整的身份证号和电话），需要时发给技术支持。",
		container.NewVBox(path, container.NewHBox(open)))
}
