package storage

import (
	"duikou/data"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Setting keys.
const (
	settingCheckInDays = "checkin_days"
)

// defaultCheckInDays: a call a week, a month and three months after a
// worker starts work, as the unions do it.
var defaultCheckInDays = []int{7, 30, 90}

// Setting reads a setting, or def when it is not set.
func (s *Store) Setting(key, def string) (string, error) {
	var st data.Setting
	res := s.db.Where("key = ?", key).Limit(1).Find(&st)
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
