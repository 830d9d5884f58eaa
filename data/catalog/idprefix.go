package catalog

// municipalities are the provinces whose counties sit under 市辖区/县
// grouping rows, whose numbering changed over the years (110200 北京市县
// until 2015, 500300 重庆市市 until 2006) while ID numbers issued under
// them stay valid for life.
var municipalities = []string{"11", "12", "31", "50"}

// KnownIDPrefix reports whether a GB 11643 address code is plausible: the
// county exists, or (for counties since renamed or merged) its city does,
// or it is a well-formed county code under a municipality (whose former
// grouping rows 1102, 1202, 3102, 5002, 5003 came and went).
//
// It answers from today's table only: a city-level code that has since been
// retired altogether (6224 定西地区 became 6211 定西市 in 2003) is not
// recognised, so callers should treat false as "please check", not as proof
// that an ID number is forged.
func KnownIDPrefix(code string) bool {
	if !isRegionCode(code) {
		return false
	}
	if _, ok := RegionByCode(code); ok {
		return true
	}
	if _, ok := RegionByCode(code[:4] + "00"); ok {
		return true
	}
	province, cityPart, countyPart := code[:2], code[2:4], code[4:]
	if _, ok := RegionByCode(province + "0000"); !ok {
		return false
	}
	for _, m := range municipalities {
		if m == province {
			return cityPart >= "01" && cityPart <= "03" && countyPart != "00"
		}
	}
	return false
}
