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
// City-level codes retired altogether (6224 定西地区 became 6211 定西市 in
// 2003; 5130 达川地区, 5125 宜宾地区, 6227 平凉地区) are not in today's table,
// but ID numbers issued under them stay valid for life and many migrant
// workers carry them. GB/T 2260 numbered 地区, 盟 and 自治州 from 21 up (地级
// 市 take 01-20; the highest ever used is 6543 阿勒泰地区), so a code of an
// existing province with a city part from 21 to 43 and a non-zero county
// part is accepted as a former prefecture's.
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
	return cityPart >= "21" && cityPart <= "43" && countyPart != "00"
}
