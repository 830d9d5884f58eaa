package sheet

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"duikou/data/catalog"
)

// Region cells come as a six-digit code, a name ("榆中县"), a full name
// ("甘肃省兰州市榆中县"), a chain with parts left out or shortened
// ("兰州市榆中县", "甘肃榆中县", "甘肃 兰州 榆中县"), or a county followed by
// the township and village ("甘肃省兰州市榆中县城关镇兴隆村").

// regionIndex maps every region's name, and its short form ("甘肃",
// "兰州", "临夏" for 临夏回族自治州), to the codes that bear it.
type regionIndex struct {
	full  map[string][]string
	short map[string][]string
}

var (
	regionIdxOnce sync.Once
	regionIdx     *regionIndex
)

func regions() *regionIndex {
	regionIdxOnce.Do(func() {
		idx := &regionIndex{full: map[string][]string{}, short: map[string][]string{}}
		var walk func(rs []catalog.Region)
		walk = func(rs []catalog.Region) {
			for _, r := range rs {
				if !r.Grouping() {
					idx.full[r.Name] = append(idx.full[r.Name], r.Code)
					if s := shortRegionName(r.Name); s != "" && s != r.Name {
						idx.short[s] = append(idx.short[s], r.Code)
					}
				}
				if r.Level != catalog.County {
					walk(catalog.Children(r.Code))
				}
			}
		}
		walk(catalog.Provinces())
		regionIdx = idx
	})
	return regionIdx
}

// ethnicGroups are the 55 minority nationalities as they appear in the
// names of autonomous regions, prefectures and counties.
var ethnicGroups = strings.Fields(`蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族
土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族
柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族
塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族
鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 维吾尔 各族`)

// shortRegionName is the name as people shorten it: 甘肃省 → 甘肃,
// 兰州市 → 兰州, 广西壮族自治区 → 广西, 临夏回族自治州 → 临夏, 榆中县 →
// 榆中; "" when nothing of two characters or more would be left.
func shortRegionName(name string) string {
	s := name
	for _, suffix := range []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "盟", "县", "区", "旗"} {
		if v, ok := strings.CutSuffix(s, suffix); ok {
			s = v
			break
		}
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, g := range ethnicGroups {
			if v, ok := strings.CutSuffix(s, g); ok && v != "" {
				s, trimmed = v, true
			}
		}
	}
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// regionMatch is one reading of a region cell.
type regionMatch struct {
	code   string
	shorts int // parts written in short form: fewer is a better reading
}

// resolveRegion reads a region cell. countyOnly requires a county-level
// place (household registration, a work site); otherwise any level will do
// (desired regions). rest is what followed the county (a township and
// village) when the cell went on past it; reason is set when the cell
// cannot be read.
func resolveRegion(cell string, countyOnly bool) (code, rest, reason string) {
	s := squeeze(narrow(cell))
	if s == "" {
		return "", "", ""
	}
	if len(s) == 6 && allDigits(s) {
		r, ok := catalog.RegionByCode(s)
		if !ok {
			return "", "", fmt.Sprintf("行政区划代码%s不存在", s)
		}
		if countyOnly && !r.CountyLevel() {
			return "", "", fmt.Sprintf("“%s”（%s）不是区县，请写到区县一级", catalog.FullName(s), s)
		}
		return s, "", ""
	}
	matches := matchRegion(s)
	if countyOnly {
		matches = slices.DeleteFunc(matches, func(m regionMatch) bool {
			r, _ := catalog.RegionByCode(m.code)
			return !r.CountyLevel()
		})
		if len(matches) == 0 && len(matchRegion(s)) > 0 {
			return "", "", fmt.Sprintf("“%s”不是区县，请写到区县一级，如“甘肃省兰州市榆中县”", cell)
		}
	}
	if len(matches) == 0 && countyOnly {
		// A county followed by the township and village: the longest
		// leading part that names a county is the county.
		runes := []rune(s)
		for n := len(runes) - 1; n >= 2; n-- {
			head := string(runes[:n])
			var found []regionMatch
			for _, m := range matchRegion(head) {
				if r, _ := catalog.RegionByCode(m.code); r.CountyLevel() {
					found = append(found, m)
				}
			}
			if len(found) > 0 {
				matches, rest = found, string(runes[n:])
				break
			}
		}
	}
	best := bestMatches(matches)
	if !countyOnly {
		best = broadest(best)
	}
	switch len(best) {
	case 0:
		return "", "", fmt.Sprintf("未找到地区“%s”，请填写区县名称（如“甘肃省兰州市榆中县”）或6位行政区划代码", cell)
	case 1:
		return best[0], rest, ""
	default:
		names := make([]string, 0, 3)
		for _, c := range best[:min(3, len(best))] {
			names = append(names, catalog.FullName(c))
		}
		return "", "", fmt.Sprintf("“%s”有%d处同名地区（%s），请写明省市，如“%s”", cell, len(best), strings.Join(names, "、"), names[0])
	}
}

// matchRegion finds every region whose name (full or short) ends s and
// whose ancestors account for the rest of s, in order, each written in
// full, shortened or left out.
func matchRegion(s string) []regionMatch {
	idx := regions()
	var out []regionMatch
	for i := range s {
		tail := s[i:]
		for _, table := range []struct {
			m     map[string][]string
			short int
		}{{idx.full, 0}, {idx.short, 1}} {
			for _, code := range table.m[tail] {
				if shorts, ok := ancestorsFit(s[:i], code); ok {
					out = append(out, regionMatch{code, shorts + table.short})
				}
			}
		}
	}
	return out
}

// ancestorsFit consumes prefix with code's ancestors, province first.
func ancestorsFit(prefix, code string) (shorts int, ok bool) {
	chain := catalog.Chain(code)
	for _, a := range chain[:len(chain)-1] {
		if prefix == "" {
			break
		}
		if a.Grouping() {
			continue
		}
		if v, ok := strings.CutPrefix(prefix, a.Name); ok {
			prefix = v
		} else if sh := shortRegionName(a.Name); sh != "" && strings.HasPrefix(prefix, sh) {
			prefix, shorts = prefix[len(sh):], shorts+1
		}
	}
	return shorts, prefix == ""
}

// bestMatches keeps the distinct codes read with the fewest shortened parts.
func bestMatches(ms []regionMatch) []string {
	if len(ms) == 0 {
		return nil
	}
	fewest := ms[0].shorts
	for _, m := range ms {
		fewest = min(fewest, m.shorts)
	}
	var out []string
	for _, m := range ms {
		if m.shorts == fewest && !slices.Contains(out, m.code) {
			out = append(out, m.code)
		}
	}
	slices.Sort(out)
	return out
}

// broadest keeps, of readings that nest (临夏 is the prefecture 临夏州,
// and also 临夏市 and 临夏县 inside it), the one holding all the others:
// a desired region that wide takes in the narrower ones anyway.
func broadest(codes []string) []string {
	for _, c := range codes {
		holdsAll := true
		for _, o := range codes {
			if !catalog.Inside(o, c) {
				holdsAll = false
				break
			}
		}
		if holdsAll {
			return []string{c}
		}
	}
	return codes
}
