package subsidy

import (
	"strings"

	"duikou/data"
)

// Target is a rules row's 对象: whose households the subsidy is for.
type Target string

const (
	TargetLifted    Target = "脱贫户"
	TargetMonitored Target = "监测对象"
	TargetBoth      Target = "脱贫户和监测对象"
	TargetAll       Target = "全部"
)

var targets = []Target{TargetLifted, TargetMonitored, TargetBoth, TargetAll}

func parseTarget(cell string) (Target, bool) {
	s := strings.TrimSpace(cell)
	for _, t := range targets {
		if s == string(t) {
			return t, true
		}
	}
	return "", false
}

// Includes reports whether a worker of this poverty status is one the
// row pays.
func (t Target) Includes(p data.Poverty) bool {
	switch t {
	case TargetAll:
		return true
	case TargetBoth:
		return p == data.PovertyLifted || p == data.PovertyMonitored
	case TargetLifted:
		return p == data.PovertyLifted
	case TargetMonitored:
		return p == data.PovertyMonitored
	}
	return false
}
