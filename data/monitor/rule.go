package monitor

import (
	"fmt"

	"duikou/data"
)

// Rule holds the thresholds a county may tune in 设置.
type Rule struct {
	// OutOfWorkDays: a 离职/返乡 more than this many days ago with no new
	// start is a risk (30 by default; exactly 30 days is not yet).
	OutOfWorkDays int
	// QuietDays: a worker at work with no completed follow-up in this
	// many days is a risk (90 by default).
	QuietDays int
}

// DefaultRule is the 30 and 90 days.
func DefaultRule() Rule { return Rule{OutOfWorkDays: 30, QuietDays: 90} }

// Limits of the thresholds: a day at least, and a year (two for the
// quiet period) at most, past which the flag would mean nothing.
const (
	maxOutOfWorkDays = 365
	maxQuietDays     = 730
)

// Validate refuses thresholds outside their limits, naming the field.
func (r Rule) Validate() error {
	if r.OutOfWorkDays < 1 || r.OutOfWorkDays > maxOutOfWorkDays {
		return data.NewFieldError("返贫监测设置", "OutOfWorkDays", "离职未再上岗天数",
			fmt.Sprintf("应为1到%d之间的天数，现为%d", maxOutOfWorkDays, r.OutOfWorkDays))
	}
	if r.QuietDays < 1 || r.QuietDays > maxQuietDays {
		return data.NewFieldError("返贫监测设置", "QuietDays", "在岗无回访天数",
			fmt.Sprintf("应为1到%d之间的天数，现为%d", maxQuietDays, r.QuietDays))
	}
	return nil
}
