package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duikou/data/storage"
)

// The restore in 设置: pick a backup (the list beside the database, or any
// file), see what it holds, confirm, and the window comes back on the
// restored database. The data layer backs up the current database first,
// so a wrong choice is undone by restoring that backup.

// backupKinds put a backup's kind into words.
var backupKinds = map[string]string{
	storage.BackupDaily:         "每日自动备份",
	storage.BackupManual:        "手动备份",
	storage.BackupBeforeImport:  "导入前自动备份",
	storage.BackupBeforeRestore: "恢复前自动备份",
	storage.BackupBeforeMigrate: "升级前自动备份",
}

func backupLabel(b storage.BackupInfo) string {
	kind := backupKinds[b.Kind]
	if kind == "" {
		kind = "备份"
	}
	return fmt.Sprintf("%s　%s　%s", b.Taken.Local().Format("2006-01-02 15:04"), kind, sizeLabel(b.Size))
}

func sizeLabel(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// chooseBackup lists the backups beside the database, newest first.
func (s *settingsScreen) chooseBackup() {
	files, err := s.st.BackupFiles()
	if err != nil {
		s.g.showError("无法列出备份", err)
		return
	}
	selected := -1
	list := widget.NewList(func() int { return len(files) },
		func() fyne.CanvasObject { return widget.NewLabel("2026-01-01 00:00　每日自动备份　100.0 MB") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLabel(files[i])) })
	list.OnSelected = func(i widget.ListItemID) { selected = i }
	var d dialog.Dialog
	restore := widget.NewButton("恢复所选备份", func() {
		if selected < 0 {
			return
		}
		d.Hide()
		s.inspect(files[selected].Path)
	})
	restore.Importance = widget.HighImportance
	other := widget.NewButton("选择其他文件…", func() {
		d.Hide()
		s.openOtherBackup()
	})
	var body fyne.CanvasObject = list
	if len(files) == 0 {
		body = widget.NewLabel("backups 文件夹中还没有备份。可以选择其他位置的备份文件。")
		restore.Disable()
	}
	d = dialog.NewCustom("从备份恢复", "取消",
		container.NewBorder(nil, container.NewHBox(restore, other), nil, nil,
			container.NewGridWrap(fyne.NewSize(460, 260), body)), s.g.win)
	d.Show()
}

// openOtherBackup lets the clerk pick a backup anywhere (a USB stick).
func (s *settingsScreen) openOtherBackup() {
	s.g.hooks().pickOpen("选择备份文件", []string{".db"}, s.inspect)
}

// inspect reads the backup in the background (a large file takes a
// while to check) and asks for confirmation with what it holds.
func (s *settingsScreen) inspect(path string) {
	s.setBackupNote("正在检查备份文件…")
	st := s.st
	s.restoreRun.submit(func() func() {
		info, err := st.InspectBackup(path)
		return func() {
			s.setBackupNote("")
			if err != nil {
				s.g.showError("不能用这个文件恢复", err)
				return
			}
			s.confirmRestore(info)
		}
	})
}

func (s *settingsScreen) confirmRestore(b *storage.BackupInfo) {
	msg := fmt.Sprintf("把数据库恢复到 %s 的备份（%s）：\n劳动者 %d 人，用工单位 %d 家，用工需求 %d 条，就业安置 %d 条，跟踪服务 %d 条。\n\n"+
		"之后录入的内容将不在恢复后的数据库中；恢复前会先自动备份当前数据库，选错了可以再恢复回来。"+
		"已发给协作单位的内容，下次导入对方的交换文件时会补回。",
		b.Taken.Local().Format("2006-01-02 15:04"), filepath.Base(b.Path),
		b.Workers, b.Employers, b.Demands, b.Placements, b.FollowUps)
	label := wrapLabel(msg)
	dialog.NewCustomConfirm("确认恢复", "恢复", "取消", container.NewGridWrap(fyne.NewSize(520, 170), label),
		func(ok bool) {
			if ok {
				s.restore(b.Path)
			}
		}, s.g.win).Show()
}

// restore runs the restore in the background and brings the window back
// on the restored database.
func (s *settingsScreen) restore(path string) {
	s.setBackupNote("正在恢复…")
	// A modal notice keeps the clerk's hands off the window while the
	// database is closed and swapped: a list fetching then would fail.
	wait := dialog.NewCustomWithoutButtons("正在恢复",
		widget.NewLabel("正在从 "+filepath.Base(path)+" 恢复数据库，请稍候……"), s.g.win)
	wait.Show()
	st := s.st
	s.restoreRun.submit(func() func() {
		ns, err := st.RestoreFrom(path)
		return func() {
			wait.Hide()
			g := s.g
			if ns == nil {
				// Only a failure to reopen: nothing left to show.
				s.setBackupNote("")
				g.showError("恢复失败", err)
				return
			}
			if ns != st {
				g.replaceStore(ns)
				g.navigate(screenSettings)
			}
			if err != nil {
				g.showError("恢复失败", err)
				return
			}
			g.showText("恢复完成", "已从 "+filepath.Base(path)+" 恢复。恢复前的数据库已备份在 backups 文件夹中。")
		}
	})
}
