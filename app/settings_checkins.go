package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"duikou/data/storage"
)

// checkInSettings is the 设置 section for the days after starting work on
// which check-in calls are scheduled (7, 30 and 90 by default).
func checkInSettings(st CheckInStore) fyne.CanvasObject {
	line := newSettingLine("如 7,30,90", daysText(st.CheckInDays()), func(text string) (string, string, error) {
		days, err := storage.ParseCheckInDays(text)
		if err == nil {
			err = st.SetCheckInDays(days)
		}
		if err != nil {
			return "", "", err
		}
		return daysText(days), "已保存：上岗后第 " + strings.ReplaceAll(daysText(days), ",", "、") + " 天回访", nil
	})
	return line.view("回访安排", "劳动者上岗后第几天自动安排电话回访；用逗号分开，如 7,30,90。只影响以后上岗的劳动者。",
		"上岗后第", "天", "保存回访天数")
}

func daysText(days []int) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, ",")
}
