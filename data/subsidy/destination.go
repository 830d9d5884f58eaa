package subsidy

import (
	"strings"
	"unicode/utf8"

	"duikou/data/catalog"
	"duikou/data/stats"
)

// Destination is a rules row's 去向: one of the four bands of the 统计报表
// (跨省, 省内跨市, 市内跨县, 县内), or a province, which stands for the
// workers who crossed into it and beats the 跨省 row for them.
type Destination struct {
	Band     stats.Code // set for a band
	Province string     // two-digit province code, set for a province
}

// bandLabels are the bands as a rules file writes them.
var bandLabels = []struct {
	code  stats.Code
	label string
}{
	{stats.StartedCrossProv, "跨省"},
	{stats.StartedCrossCity, "省内跨市"},
	{stats.StartedCrossCounty, "市内跨县"},
	{stats.StartedInCounty, "县内"},
}

// Label is how the roster prints it: 跨省, 县内, 陕西省 ...
func (d Destination) Label() string {
	if d.Province != "" {
		if r, ok := catalog.RegionByCode(d.Province + "0000"); ok {
			return r.Name
		}
		return d.Province
	}
	for _, b := range bandLabels {
		if b.code == d.Band {
			return b.label
		}
	}
	return string(d.Band)
}

// parseDestination reads a 去向 cell: a band by its label, a province by
// its name (陕西, 陕西省, 宁夏, 宁夏回族自治区) or its two-digit code (61).
func parseDestination(cell string) (Destination, bool) {
	s := strings.TrimSpace(cell)
	for _, b := range bandLabels {
		if s == b.label {
			return Destination{Band: b.code}, true
		}
	}
	if len(s) == 2 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' {
		if _, ok := catalog.RegionByCode(s + "0000"); ok {
			return Destination{Province: s}, true
		}
		return Destination{}, false
	}
	if utf8.RuneCountInString(s) < 2 {
		return Destination{}, false
	}
	var found []string
	for _, p := range catalog.Provinces() {
		if p.Name == s || strings.HasPrefix(p.Name, s) {
			found = append(found, p.Code[:2])
		}
	}
	if len(found) != 1 {
		return Destination{}, false
	}
	return Destination{Province: found[0]}, true
}

// classify is where a worker went, as the rules read it: the band of the
// 统计报表 for the 户籍 county against the work county, and the work
// province when the worker crossed into another. ok is false when either
// code is not a full county code.
func classify(home, work string) (band stats.Code, province string, ok bool) {
	band, ok = stats.Crossing(home, work)
	if ok && band == stats.StartedCrossProv {
		province = work[:2]
	}
	return band, province, ok
}
