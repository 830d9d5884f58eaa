package storage

import (
	"fmt"
	"strconv"

	"duikou/data"
	"duikou/data/monitor"

	"gorm.io/gorm"
)

// Setting keys of 返贫监测's thresholds.
const (
	settingMonitorOutOfWork = "monitor_out_of_work_days"
	settingMonitorQuiet     = "monitor_quiet_days"
)

// MonitorRule is 返贫监测's thresholds as set in 设置, the defaults (30
// and 90 days) for any not set or unreadable.
func (s *Store) MonitorRule() monitor.Rule {
	r := monitor.DefaultRule()
	for _, v := range []struct {
		key string
		n   *int
	}{{settingMonitorOutOfWork, &r.OutOfWorkDays}, {settingMonitorQuiet, &r.QuietDays}} {
		text, err := s.Setting(v.key, "")
		if n, perr := strconv.Atoi(text); err == nil && perr == nil {
			*v.n = n
		}
	}
	if r.Validate() != nil {
		return monitor.DefaultRule()
	}
	return r
}

// SetMonitorRule changes the thresholds (refused outside their limits),
// with an audit entry.
func (s *Store) SetMonitorRule(r monitor.Rule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	e := data.AuditEntry{At: s.now().UTC(), Action: data.ActUpdate, Table: "settings", Count: 1,
		Summary: fmt.Sprintf("返贫监测改为：离职或返乡%d天未再上岗、在岗%d天无回访", r.OutOfWorkDays, r.QuietDays)}
	if o := s.Office(); o != nil {
		e.Clerk = o.ClerkName
	}
	// Both thresholds and the entry together: never one changed alone.
	return s.db.Transaction(func(db *gorm.DB) error {
		for _, st := range []data.Setting{{Key: settingMonitorOutOfWork, Value: strconv.Itoa(r.OutOfWorkDays)},
			{Key: settingMonitorQuiet, Value: strconv.Itoa(r.QuietDays)}} {
			if err := db.Save(&st).Error; err != nil {
				return err
			}
		}
		return db.Create(&e).Error
	})
}
