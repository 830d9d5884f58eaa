package catalog

import (
	"slices"
	"strings"
)

// RegionLevel is the administrative level of a region.
type RegionLevel int

const (
	Province RegionLevel = 1
	City     RegionLevel = 2
	County   RegionLevel = 3
)

// String names the level the way clerks do.
func (l RegionLevel) String() string {
	switch l {
	case Province:
		return "省级"
	case City:
		return "地级"
	case County:
		return "县级"
	}
	return "未知级别"
}

// Region is one GB/T 2260 division.
//
// The table keeps GB/T 2260's grouping rows at city level (110100 市辖区,
// 500200 县, 419000 省直辖县级行政区划 ...), so every county has a parent
// city and Chain always runs province, city, county. Such rows are not
// places: Grouping reports them, full names leave them out, and searches
// skip them.
type Region struct {
	Code   string // six digits, e.g. "620123"
	Name   string // its own name, e.g. "榆中县"
	Level  RegionLevel
	Parent string // parent's code; "" for a province
}

// groupingNames are the city-level rows that only group counties directly
// under a municipality or province.
var groupingNames = []string{"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

// Grouping reports whether r is a city-level grouping row such as 北京市's
// 市辖区 or 河南省's 省直辖县级行政区划 rather than a real city.
func (r Region) Grouping() bool {
	return r.Level == City && slices.Contains(groupingNames, r.Name)
}

// CountyLevel reports whether r is a county-level place, the level a
// household registration or a work site is recorded at: a county, or one of
// the cities that have no counties (441900 东莞市, 442000 中山市, 460400
// 儋州市, 620200 嘉峪关市), whose own code is the finest there is.
func (r Region) CountyLevel() bool {
	switch r.Level {
	case County:
		return true
	case City:
		if r.Grouping() {
			return false
		}
		t := table()
		i, ok := t.index(r.Code)
		// Children would directly follow the city in code order.
		return ok && (i+1 == len(t.regions) || !strings.HasPrefix(t.regions[i+1].Code, r.Code[:4]))
	}
	return false
}

// FullName is the region's name prefixed by its ancestors', e.g.
// "甘肃省兰州市榆中县" or "北京市朝阳区" (grouping rows are left out).
func (r Region) FullName() string { return FullName(r.Code) }

// RegionByCode finds a region by its six-digit code.
func RegionByCode(code string) (Region, bool) {
	t := table()
	if i, ok := t.index(code); ok {
		return t.regions[i], true
	}
	return Region{}, false
}

// FullName is the chain's names joined, e.g. "甘肃省兰州市榆中县"; "" if unknown.
// Grouping rows are skipped, so 110105 is "北京市朝阳区"; a grouping row's
// own full name keeps its name ("北京市市辖区") to tell it from its province.
func FullName(code string) string {
	t := table()
	if i, ok := t.index(code); ok {
		return t.fullNames[i]
	}
	return ""
}

// Chain returns the region and its ancestors, province first; nil if the
// code is unknown. Grouping rows stay in the chain, so Chain(code)[i] is
// always at level i+1 (北京市, 市辖区, 朝阳区) and a province/city/county
// picker can be set from it; use FullName or Region.Grouping for display.
func Chain(code string) []Region {
	r, ok := RegionByCode(code)
	if !ok {
		return nil
	}
	chain := make([]Region, r.Level)
	for {
		chain[r.Level-1] = r
		if r.Parent == "" {
			return chain
		}
		r, _ = RegionByCode(r.Parent)
	}
}

// Inside reports whether region a lies inside region b (or is b). Both must
// be known codes. GB/T 2260 codes nest (a county's code starts with its
// city's four digits, a city's with its province's two), so this is a
// prefix comparison at b's level; it holds for grouping rows and for
// counties directly under a province (419001 济源市 is inside 419000 and
// 410000) alike.
func Inside(a, b string) bool {
	ra, okA := RegionByCode(a)
	rb, okB := RegionByCode(b)
	if !okA || !okB || ra.Level < rb.Level {
		return false
	}
	switch rb.Level {
	case Province:
		return a[:2] == b[:2]
	case City:
		return a[:4] == b[:4]
	default:
		return a == b
	}
}

// Provinces lists all provinces in code order.
func Provinces() []Region {
	t := table()
	out := make([]Region, len(t.provinces))
	for i, p := range t.provinces {
		out[i] = t.regions[p]
	}
	return out
}

// Children lists the direct children of a region in code order; nil for a
// county or an unknown code.
func Children(code string) []Region {
	t := table()
	i, ok := t.index(code)
	if !ok || t.regions[i].Level == County {
		return nil
	}
	// Descendants follow their ancestor directly in code order and share
	// its code's first two (province) or four (city) digits.
	prefix := code[:2*int(t.regions[i].Level)]
	var out []Region
	for _, r := range t.regions[i+1:] {
		if !strings.HasPrefix(r.Code, prefix) {
			break
		}
		if r.Parent == code {
			out = append(out, r)
		}
	}
	return out
}

// RegionsByName finds regions with exactly this name (or this full name),
// in code order: "朝阳区" gives both 北京市朝阳区 and 吉林省长春市朝阳区,
// "甘肃省兰州市榆中县" gives 620123. Grouping rows are never returned.
func RegionsByName(name string) []Region {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	t := table()
	var out []Region
	for i, r := range t.regions {
		if !r.Grouping() && (r.Name == name || t.fullNames[i] == name) {
			out = append(out, r)
		}
	}
	return out
}

// SearchRegions finds regions whose name or full name contains q, for a
// search box: provinces, cities and counties alike, best matches first
// (exact name, then names starting with q, names containing q, full names
// containing q), code order within each rank, at most limit results (all if
// limit <= 0). Words separated by spaces must all occur in the full name,
// so "甘肃 榆中" finds 甘肃省兰州市榆中县. Grouping rows are never returned.
func SearchRegions(q string, limit int) []Region {
	terms := strings.Fields(q)
	if len(terms) == 0 {
		return nil
	}
	q = strings.Join(terms, "")
	const (
		rankExact = iota
		rankPrefix
		rankName
		rankFullName
		ranks
	)
	t := table()
	var byRank [ranks][]Region
	for i, r := range t.regions {
		if r.Grouping() {
			continue
		}
		full := t.fullNames[i]
		rank := -1
		switch {
		case r.Name == q || full == q:
			rank = rankExact
		case len(terms) == 1 && strings.HasPrefix(r.Name, q):
			rank = rankPrefix
		case len(terms) == 1 && strings.Contains(r.Name, q):
			rank = rankName
		case containsAll(full, terms):
			rank = rankFullName
		}
		if rank >= 0 {
			byRank[rank] = append(byRank[rank], r)
		}
	}
	var out []Region
	for _, matches := range byRank {
		out = append(out, matches...)
		if limit > 0 && len(out) >= limit {
			return out[:limit]
		}
	}
	return out
}

func containsAll(s string, terms []string) bool {
	for _, term := range terms {
		if !strings.Contains(s, term) {
			return false
		}
	}
	return true
}

// index finds code's position in the table by binary search.
func (t *regionTable) index(code string) (int, bool) {
	if !isRegionCode(code) {
		return 0, false
	}
	return slices.BinarySearchFunc(t.regions, code, func(r Region, code string) int {
		return strings.Compare(r.Code, code)
	})
}

// levelOf derives a well-formed code's level from its trailing zeros.
func levelOf(code string) RegionLevel {
	switch {
	case code[2:] == "0000":
		return Province
	case code[4:] == "00":
		return City
	}
	return County
}

// isRegionCode reports whether s is six ASCII digits.
func isRegionCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
