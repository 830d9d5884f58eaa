package app

import (
	"encoding/json"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneChinese is Chinese for the words Fyne's own widgets show: dialog
// buttons, the entry's context menu, the calendar's weekdays. Fyne picks
// its language from the OS, so on an English Windows a clerk would meet
// "Cancel" and "OK"; useChineseEverywhere lays these words over every
// language Fyne ships, so the buttons say 取消 and 确定 whatever the locale.
var fyneChinese = map[string]string{
	"Advanced": "高级", "Cancel": "取消", "Confirm": "确认", "Copy": "复制",
	"Create Folder": "新建文件夹", "Cut": "剪切", "Enter filename": "输入文件名",
	"Error": "错误", "Favourites": "收藏", "File": "文件", "Folder": "文件夹",
	"New Folder": "新文件夹", "No": "否", "OK": "确定", "Open": "打开", "Paste": "粘贴",
	"Quit": "退出", "Redo": "重做", "Save": "保存", "Select all": "全选",
	"Show Hidden Files": "显示隐藏文件", "Undo": "撤销", "Yes": "是",
	"monday": "星期一", "monday.short": "一", "tuesday": "星期二", "tuesday.short": "二",
	"wednesday": "星期三", "wednesday.short": "三", "thursday": "星期四", "thursday.short": "四",
	"friday": "星期五", "friday.short": "五", "saturday": "星期六", "saturday.short": "六",
	"sunday": "星期日", "sunday.short": "日",
	// The file dialog's ".." entry and the new-folder form's field.
	"file.parent": "上一级", "file.name": "名称",
}

// fyneLanguages are the translations built into Fyne 2.8 (lang/translations),
// plus English, which Fyne falls back to for any other locale.
var fyneLanguages = []string{
	"en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans",
}

var chineseOnce sync.Once

// useChineseEverywhere makes Fyne's own words Chinese for every locale.
func useChineseEverywhere() { chineseOnce.Do(addChinese) }

func addChinese() {
	data, err := json.Marshal(fyneChinese)
	if err != nil {
		panic(err) // a map of strings always marshals
	}
	for _, l := range fyneLanguages {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
			fyne.LogError("无法加载界面文字 "+l, err)
		}
	}
}
