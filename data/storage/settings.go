package storage

import (
	"duikou/data"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Setting keys.
const (
	settingCheckInDays  = "checkin_days"
	settingOverReferral = "over_referral"
)

// defaultCheckInDays: a call a week, a month and three months after a
// worker starts work, as the unions do it.
var defaultCheckInDays = []int{7, 30, 90}

// Setting reads a setting, or def when it is not set.
func (s *Store) Setting(key, def string) (string, error) {
	return settingIn(s.db, key, def)
}

// settingIn reads a setting through db, a transaction's or the Store's.
func settingIn(db *gorm.DB, key, def string) (string, error) {
	var st data.Setting
	res := db.Where("key = ?", key).Limit(1).Find(&st)
	if res.Error != nil || res.RowsAffected == 0 {
		return def, res.Error
	}
	return st.Value, nil
}

// SetSetting writes a setting.
func (s *Store) SetSetting(key, value string) error {
	return s.db.Save(&data.Setting{Key: key, Value: value}).Error
}

// CheckInDays are the days after starting work on which check-in calls
// (回访) are scheduled.
func (s *Store) CheckInDays() []int {
	v, err := s.Setting(settingCheckInDays, "")
	if err != nil || v == "" {
		return append([]int(nil), defaultCheckInDays...)
	}
	days, err := ParseCheckInDays(v)
	if err != nil {
		return append([]int(nil), defaultCheckInDays...)
	}
	return days
}

// SetCheckInDays changes the schedule; days must be 1..730, at most 10.
func (s *Store) SetCheckInDays(days []int) error {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = strconv.Itoa(d)
	}
	norm, err := ParseCheckInDays(strings.Join(parts, ","))
	if err != nil {
		return err
	}
	parts = parts[:0]
	for _, d := range norm {
		parts = append(parts, strconv.Itoa(d))
	}
	if err := s.SetSetting(settingCheckInDays, strings.Join(parts, ",")); err != nil {
		return err
	}
	return s.Audit(data.ActUpdate, "settings", 1, "回访天数改为 "+strings.Join(parts, "、"))
}

// ParseCheckInDays reads "7,30,90" (also with 、 or spaces), sorted, unique.
func ParseCheckInDays(v string) ([]int, error) {
	fields := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' })
	seen := map[int]bool{}
	var days []int
	for _, f := range fields {
		d, err := strconv.Atoi(f)
		if err != nil || d < 1 || d > 730 {
			return nil, data.NewFieldError("设置", "CheckInDays", "回访天数", fmt.Sprintf("“%s”应为1到730之间的天数", f))
		}
		if !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	if len(days) == 0 || len(days) > 10 {
		return nil, data.NewFieldError("设置", "CheckInDays", "回访天数", "请填写1到10个天数，如 7,30,90")
	}
	sort.Ints(days)
	return days, nil
}

// OverReferralRatio is how many times a demand's headcount still to fill
// may be open as referrals (已推荐, 已面试) at once.
func (s *Store) OverReferralRatio() int {
	return overReferralIn(s.db)
}

func overReferralIn(db *gorm.DB) int {
	v, err := settingIn(db, settingOverReferral, "")
	if err != nil || v == "" {
		return data.DefaultOverReferral
	}
	n, err := ParseOverReferral(v)
	if err != nil {
		return data.DefaultOverReferral
	}
	return n
}

// SetOverReferralRatio changes the ratio (1..10), audited.
func (s *Store) SetOverReferralRatio(n int) error {
	if _, err := ParseOverReferral(strconv.Itoa(n)); err != nil {
		return err
	}
	if err := s.SetSetting(settingOverReferral, strconv.Itoa(n)); err != nil {
		return err
	}
	return s.Audit(data.ActUpdate, "settings", 1, fmt.Sprintf("同时在推荐中的人数上限改为还缺人数的 %d 倍", n))
}

// ParseOverReferral reads the ratio as a clerk types it.
func ParseOverReferral(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > 10 {
		return 0, data.NewFieldError("设置", "OverReferral", "推荐人数上限", fmt.Sprintf("“%s”应为1到10之间的整数（还缺人数的倍数）", v))
	}
	return n, nil
}
