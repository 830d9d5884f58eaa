package match

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"duikou/data/catalog"
)

// fact is one sentence of a reason; ok facts are listed as matched, the
// others as missing.
type fact struct {
	text string
	ok   bool
}

// result turns an evaluation into the explained Result. Only shown pairs
// pay for this text.
func (e evaluation) result(w Worker, d Demand) Result {
	r := Result{Score: e.score, Band: e.band}
	add := func(name string, weight, value float64, facts ...fact) {
		texts := make([]string, len(facts))
		for i, f := range facts {
			texts[i] = f.text
			if f.ok {
				r.Matched = append(r.Matched, f.text)
			} else {
				r.Missing = append(r.Missing, f.text)
			}
		}
		r.Parts = append(r.Parts, Part{Name: name, Weight: weight, Value: value, Reason: strings.Join(texts, "；")})
	}
	add("工种", WeightOccupation, e.occ, e.occupationFact(d))
	add("技能等级", WeightSkill, e.skill, e.skillFact(d))
	add("工作地点", WeightLocation, e.loc, e.locationFacts(w, d)...)
	add("工资", WeightWage, e.wage, e.wageFact(w, d))
	add("到岗时间", WeightAvailability, e.avail, e.availabilityFact(d))
	if e.band == Consider && e.score >= StrongThreshold {
		r.BandNote = e.bandNote(w, d)
		r.Missing = append(r.Missing, r.BandNote)
	}
	return r
}

// bandNote names the 强匹配 conditions that held a pair whose score reaches
// StrongThreshold at 可考虑: "未评为强匹配：" and the conditions, joined by 、.
func (e evaluation) bandNote(w Worker, d Demand) string {
	var why []string
	if e.hold&holdOccupation != 0 {
		why = append(why, fmt.Sprintf("非相同或可替代工种（工种分%s，需达到%s）",
			strconv.FormatFloat(e.occ, 'f', -1, 64), strconv.FormatFloat(StrongMinOccupation, 'f', -1, 64)))
	}
	if e.hold&holdLocation != 0 {
		switch {
		case e.fit <= 0:
			why = append(why, "意向地区不含工作地")
		case len(w.DesiredRegions) == 0:
			// Only with a partner province listed and a home outside it.
			why = append(why, "未填写意向地区且户籍不在对口协作省份")
		default:
			why = append(why, "工作地仅与意向地区同省且户籍不在对口协作省份")
		}
	}
	if e.hold&holdLate != 0 {
		why = append(why, fmt.Sprintf("到岗晚于开工%d天（超过%d天）", e.availDay-e.startDay, StrongMaxLateDays))
	}
	return "未评为强匹配：" + strings.Join(why, "、")
}

// wishNote says what a wish counts for, from WishShare itself.
var wishNote = fmt.Sprintf("按%d%%计", int(math.Round(WishShare*100)))

func (e evaluation) occupationFact(d Demand) fact {
	want := occupationName(d.Occupation)
	from := occupationName(e.occFrom)
	rel := strconv.FormatFloat(e.occ, 'f', -1, 64)
	wish := ""
	if !e.occFromSkill {
		// Name the catalog's relatedness, and that a wish counts for less.
		rel = strconv.FormatFloat(catalog.Relatedness(e.occFrom, d.Occupation), 'f', -1, 64)
		wish = "；仅为意向工种，" + wishNote
	}
	switch {
	case e.occ <= 0:
		return fact{text: "无" + want + "或相近工种的技能或意向"}
	case e.occFrom == d.Occupation && e.occFromSkill:
		return fact{text: "工种相同：" + want, ok: true}
	case e.occFrom == d.Occupation:
		return fact{text: "意向工种相同：" + want + "（未登记该工种技能，" + wishNote + "）", ok: true}
	case linked(e.occFrom, d.Occupation):
		return fact{text: fmt.Sprintf("相近工种：%s→%s（相关度%s%s）", from, want, rel, wish)}
	default:
		group := ""
		if o, ok := catalog.OccupationByKey(d.Occupation); ok {
			group = o.Group
		}
		return fact{text: fmt.Sprintf("同属%s类工种：%s→%s（相关度%s%s）", group, from, want, rel, wish)}
	}
}

// linked reports whether the catalog links two occupations directly, as
// opposed to their merely sharing a group.
func linked(a, b string) bool {
	o, ok := catalog.OccupationByKey(a)
	return ok && slices.ContainsFunc(o.Related, func(r catalog.Relation) bool { return r.Key == b })
}

// occupationName is catalog.OccupationName, under the name this package reads.
var occupationName = catalog.OccupationName

func (e evaluation) skillFact(d Demand) fact {
	switch {
	case d.MinLevel <= catalog.LevelNone:
		return fact{text: "岗位无技能等级要求", ok: true}
	case e.level >= d.MinLevel:
		return fact{text: fmt.Sprintf("技能等级%s，达到要求的%s", e.level.Label(), d.MinLevel.Label()), ok: true}
	case e.level > catalog.LevelNone:
		return fact{text: fmt.Sprintf("技能等级%s，低于要求的%s", e.level.Label(), d.MinLevel.Label())}
	default:
		return fact{text: fmt.Sprintf("未登记%s技能等级，岗位要求%s", occupationName(d.Occupation), d.MinLevel.Label())}
	}
}

func (e evaluation) locationFacts(w Worker, d Demand) []fact {
	var facts []fact
	work := regionName(d.WorkRegion)
	switch {
	case len(w.DesiredRegions) == 0:
		facts = append(facts, fact{text: "未填写意向地区"})
	case e.fit >= 1 && e.fitRegion == d.WorkRegion:
		facts = append(facts, fact{text: "工作地" + work + "即意向地区", ok: true})
	case e.fit >= 1:
		want := regionName(e.fitRegion)
		facts = append(facts, fact{text: "意向地区" + want + "包含工作地" + strings.TrimPrefix(work, want), ok: true})
	case e.fit > 0:
		facts = append(facts, fact{text: fmt.Sprintf("工作地%s不在意向地区%s，但同在%s",
			work, regionName(e.fitRegion), regionName(provinceOf(d.WorkRegion)))})
	default:
		names := make([]string, len(w.DesiredRegions))
		for i, r := range w.DesiredRegions {
			names[i] = regionName(r)
		}
		facts = append(facts, fact{text: fmt.Sprintf("工作地%s不在意向地区（%s）", work, strings.Join(names, "、"))})
	}
	if len(d.PartnerProvinces) > 0 {
		home := regionName(provinceOf(w.HomeProvince))
		switch {
		case e.partnerHome:
			facts = append(facts, fact{text: "户籍所在" + home + "为对口协作省份", ok: true})
		case home == "":
			facts = append(facts, fact{text: "户籍省份不详，不能确认来自对口协作省份"})
		default:
			facts = append(facts, fact{text: "户籍所在" + home + "不是对口协作省份"})
		}
	}
	return facts
}

// regionName is a region's full name, or its code when the catalog does
// not know it; "" for "".
func regionName(code string) string {
	if n := catalog.FullName(code); n != "" {
		return n
	}
	return code
}

func (e evaluation) wageFact(w Worker, d Demand) fact {
	label := "工资上限"
	if d.WageMaxFen <= 0 {
		label = "工资"
	}
	exp := w.ExpectedWageFen
	switch {
	case exp <= 0:
		return fact{text: "未填写期望工资", ok: true}
	case e.offer <= 0:
		return fact{text: "岗位未注明工资，期望" + yuan(exp)}
	case e.offer > exp:
		return fact{text: label + yuan(e.offer) + "高于期望" + yuan(exp), ok: true}
	case e.offer == exp:
		return fact{text: label + yuan(e.offer) + "达到期望", ok: true}
	default:
		pct := e.offer * 100 / exp
		return fact{text: fmt.Sprintf("%s%s低于期望%s（为期望的%d%%）", label, yuan(e.offer), yuan(exp), pct)}
	}
}

// yuan formats fen as yuan: "6500元", "6500.5元".
func yuan(fen int64) string {
	s := strconv.FormatFloat(float64(fen)/100, 'f', 2, 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	return s + "元"
}

func (e evaluation) availabilityFact(d Demand) fact {
	late := e.availDay - e.startDay
	switch {
	case late > 0:
		return fact{text: fmt.Sprintf("可于%s到岗，晚于开工%d天", e.availDay, late)}
	case e.startDay == e.today:
		// Work has started or starts today.
		return fact{text: "可立即到岗", ok: true}
	default:
		return fact{text: fmt.Sprintf("可于开工日%s前到岗", e.startDay), ok: true}
	}
}
