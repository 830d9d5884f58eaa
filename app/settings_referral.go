package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"

	"duikou/data/storage"
)

// referralLimitSettings is the 设置 section for the over-referral ratio:
// employers interview more than they hire, so a demand may have more
// referrals open than it still needs, but not without end.
func referralLimitSettings(st ReferralLimitStore) fyne.CanvasObject {
	line := newSettingLine("如 2", strconv.Itoa(st.OverReferralRatio()), func(text string) (string, string, error) {
		n, err := storage.ParseOverReferral(text)
		if err == nil {
			err = st.SetOverReferralRatio(n)
		}
		if err != nil {
			return "", "", err
		}
		return strconv.Itoa(n), fmt.Sprintf("已保存：同时在推荐中的人数至多为还缺人数的 %d 倍", n), nil
	})
	return line.view("推荐人数上限", "一条用工需求同时“已推荐”“已面试”的人数，最多为还缺人数的几倍（默认 2 倍）。推荐所选、招聘会分配和命令行分配都按此限制。",
		"还缺人数的", "倍", "保存上限")
}
