package match

import (
	"fmt"
	"time"
)

// Eligible applies the hard filters: the demand is open with headcount left;
// the worker is available (待业), consented to sharing and not placed; the
// worker meets the demand's sex and age requirements, the age taken on today.
// A pair that fails is never ranked or allocated, whatever its score; why
// says in Chinese which filter failed.
func Eligible(w Worker, d Demand, today time.Time) (ok bool, why string) {
	switch {
	case !d.Open:
		return false, "用工需求已关闭或不在有效期内"
	case d.Left <= 0:
		return false, "用工需求人数已招满"
	case !w.Eligible:
		return false, "劳动者当前不可推荐（非待业、未同意共享信息或已就业）"
	case d.Sex == MaleOnly && w.Female:
		return false, "岗位仅招男性"
	case d.Sex == FemaleOnly && !w.Female:
		return false, "岗位仅招女性"
	}
	if d.AgeMin > 0 || d.AgeMax > 0 {
		if w.Birth.IsZero() {
			return false, "出生日期不详，无法核对年龄要求"
		}
		age := ageOn(w.Birth, today)
		if (d.AgeMin > 0 && age < d.AgeMin) || (d.AgeMax > 0 && age > d.AgeMax) {
			return false, fmt.Sprintf("年龄%d岁，不符合岗位要求的%s", age, ageRange(d.AgeMin, d.AgeMax))
		}
	}
	return true, ""
}

// ageRange describes a demand's age bounds, e.g. "18至45岁", "45岁以下".
func ageRange(lo, hi int) string {
	switch {
	case lo > 0 && hi > 0:
		return fmt.Sprintf("%d至%d岁", lo, hi)
	case lo > 0:
		return fmt.Sprintf("%d岁以上", lo)
	default:
		return fmt.Sprintf("%d岁以下", hi)
	}
}

// ageFilter is the age requirement of one demand turned into birth-day
// bounds, so the index checks it with two integer comparisons.
type ageFilter struct {
	active   bool
	latest   day // born on or before this day: old enough
	tooEarly day // born on or before this day: too old
}

func newAgeFilter(d Demand, today time.Time) ageFilter {
	f := ageFilter{latest: day(1 << 30), tooEarly: noDay}
	if d.AgeMin > 0 {
		f.active = true
		f.latest = latestBirthForAge(today, d.AgeMin)
	}
	if d.AgeMax > 0 {
		f.active = true
		f.tooEarly = latestBirthForAge(today, d.AgeMax+1)
	}
	return f
}

func (f ageFilter) admits(birth day) bool {
	if !f.active {
		return true
	}
	return birth != noDay && birth <= f.latest && birth > f.tooEarly
}
