package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestRealCodes(t *testing.T) {
	tests := []struct {
		code, name string
		level      RegionLevel
		parent     string
		fullName   string
	}{
		{"620000", "甘肃省", Province, "", "甘肃省"},
		{"620100", "兰州市", City, "620000", "甘肃省兰州市"},
		{"620102", "城关区", County, "620100", "甘肃省兰州市城关区"},
		{"620123", "榆中县", County, "620100", "甘肃省兰州市榆中县"},
		{"621100", "定西市", City, "620000", "甘肃省定西市"},
		{"621102", "安定区", County, "621100", "甘肃省定西市安定区"},
		{"621121", "通渭县", County, "621100", "甘肃省定西市通渭县"},
		{"621124", "临洮县", County, "621100", "甘肃省定西市临洮县"},
		{"320000", "江苏省", Province, "", "江苏省"},
		{"320100", "南京市", City, "320000", "江苏省南京市"},
		{"320115", "江宁区", County, "320100", "江苏省南京市江宁区"},
		{"510800", "广元市", City, "510000", "四川省广元市"},
		{"500117", "合川区", County, "500100", "重庆市合川区"},
		{"500112", "渝北区", County, "500100", "重庆市渝北区"},
		{"500229", "城口县", County, "500200", "重庆市城口县"},
		{"110105", "朝阳区", County, "110100", "北京市朝阳区"},
		{"419001", "济源市", County, "419000", "河南省济源市"},
		{"429004", "仙桃市", County, "429000", "湖北省仙桃市"},
		{"469001", "五指山市", County, "469000", "海南省五指山市"},
		{"441900", "东莞市", City, "440000", "广东省东莞市"},
		{"620200", "嘉峪关市", City, "620000", "甘肃省嘉峪关市"},
		// A grouping row keeps its own name so it differs from its province.
		{"110100", "市辖区", City, "110000", "北京市市辖区"},
	}
	for _, tt := range tests {
		r, ok := RegionByCode(tt.code)
		if !ok {
			t.Errorf("RegionByCode(%s) not found", tt.code)
			continue
		}
		want := Region{Code: tt.code, Name: tt.name, Level: tt.level, Parent: tt.parent}
		if r != want {
			t.Errorf("RegionByCode(%s) = %+v, want %+v", tt.code, r, want)
		}
		if got := FullName(tt.code); got != tt.fullName {
			t.Errorf("FullName(%s) = %q, want %q", tt.code, got, tt.fullName)
		}
		if got := r.FullName(); got != tt.fullName {
			t.Errorf("Region.FullName(%s) = %q, want %q", tt.code, got, tt.fullName)
		}
	}
}

func TestUnknownCodes(t *testing.T) {
	for _, code := range []string{"", "62012", "6201230", "62o123", "000000", "999999", "620199", "620201", "441901"} {
		if r, ok := RegionByCode(code); ok {
			t.Errorf("RegionByCode(%q) = %+v, want not found", code, r)
		}
		if got := FullName(code); got != "" {
			t.Errorf("FullName(%q) = %q, want empty", code, got)
		}
		if got := Chain(code); got != nil {
			t.Errorf("Chain(%q) = %v, want nil", code, got)
		}
	}
}

func TestChain(t *testing.T) {
	tests := []struct {
		code string
		want []string // codes, province first
	}{
		{"620123", []string{"620000", "620100", "620123"}},
		{"621100", []string{"620000", "621100"}},
		{"620000", []string{"620000"}},
		{"110105", []string{"110000", "110100", "110105"}},
		{"500229", []string{"500000", "500200", "500229"}},
		{"419001", []string{"410000", "419000", "419001"}},
		{"469001", []string{"460000", "469000", "469001"}},
		{"441900", []string{"440000", "441900"}},
	}
	for _, tt := range tests {
		chain := Chain(tt.code)
		var got []string
		for i, r := range chain {
			got = append(got, r.Code)
			if r.Level != RegionLevel(i+1) {
				t.Errorf("Chain(%s)[%d] = %+v, want level %d", tt.code, i, r, i+1)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Chain(%s) = %v, want %v", tt.code, got, tt.want)
		}
	}
	chain := Chain("110105")
	if !chain[1].Grouping() || chain[0].Grouping() || chain[2].Grouping() {
		t.Errorf("Chain(110105) grouping flags wrong: %+v", chain)
	}
	if r, _ := RegionByCode("620100"); r.Grouping() {
		t.Errorf("兰州市 reported as a grouping row")
	}
	for _, code := range []string{"110100", "120100", "310100", "500100", "500200", "419000", "429000", "469000", "659000"} {
		if r, ok := RegionByCode(code); !ok || !r.Grouping() {
			t.Errorf("RegionByCode(%s) = %+v, %v; want a grouping row", code, r, ok)
		}
	}
}

func TestFullNamesSkipGroupingRows(t *testing.T) {
	for _, r := range table().regions {
		if r.Grouping() {
			continue
		}
		full := FullName(r.Code)
		for _, g := range []string{"市辖区", "直辖县级行政区划"} {
			if strings.Contains(full, g) {
				t.Errorf("FullName(%s) = %q contains %q", r.Code, full, g)
			}
		}
		if !strings.HasSuffix(full, r.Name) {
			t.Errorf("FullName(%s) = %q does not end with %q", r.Code, full, r.Name)
		}
	}
}

func TestInside(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"620123", "620123", true},
		{"620123", "620100", true},
		{"620123", "620000", true},
		{"620100", "620000", true},
		{"620000", "620000", true},
		{"620100", "620123", false},
		{"620000", "620123", false},
		{"620000", "620100", false},
		{"621121", "620100", false}, // 通渭 is in 定西, not 兰州
		{"621121", "621100", true},
		{"620123", "620102", false}, // sibling counties
		{"320115", "620000", false},
		{"620000", "320000", false},
		{"110105", "110000", true},
		{"110105", "110100", true},
		{"110000", "110105", false},
		{"500229", "500200", true},
		{"500229", "500100", false},
		{"500117", "500000", true},
		{"419001", "410000", true},
		{"419001", "419000", true},
		{"410000", "419001", false},
		{"419001", "410100", false},
		{"469001", "460000", true},
		{"441900", "440000", true},
		{"441900", "441900", true},
		{"620199", "620100", false}, // unknown a
		{"620123", "629900", false}, // unknown b
		{"620123", "", false},
	}
	for _, tt := range tests {
		if got := Inside(tt.a, tt.b); got != tt.want {
			t.Errorf("Inside(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestProvincesAndChildren(t *testing.T) {
	provinces := Provinces()
	if len(provinces) != 31 {
		t.Errorf("len(Provinces()) = %d, want 31", len(provinces))
	}
	for i, p := range provinces {
		if p.Level != Province || p.Parent != "" || (i > 0 && provinces[i-1].Code >= p.Code) {
			t.Errorf("Provinces()[%d] = %+v out of order or not a province", i, p)
		}
	}

	codes := func(rs []Region) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Code)
		}
		return out
	}
	if got := codes(Children("110000")); !slices.Equal(got, []string{"110100"}) {
		t.Errorf("Children(110000) = %v", got)
	}
	if got := codes(Children("500000")); !slices.Equal(got, []string{"500100", "500200"}) {
		t.Errorf("Children(500000) = %v", got)
	}
	dingxi := codes(Children("621100"))
	for _, want := range []string{"621102", "621121", "621124"} {
		if !slices.Contains(dingxi, want) {
			t.Errorf("Children(621100) = %v lacks %s", dingxi, want)
		}
	}
	if got := codes(Children("419000")); !slices.Equal(got, []string{"419001"}) {
		t.Errorf("Children(419000) = %v", got)
	}
	gansu := Children("620000")
	if len(gansu) != 14 || !slices.IsSortedFunc(gansu, func(a, b Region) int { return strings.Compare(a.Code, b.Code) }) {
		t.Errorf("Children(620000) = %v, want 14 cities in code order", codes(gansu))
	}
	for _, c := range gansu {
		if c.Level != City || c.Parent != "620000" {
			t.Errorf("Children(620000) holds %+v", c)
		}
	}
	for _, code := range []string{"620123", "441900", "999999", ""} {
		if got := Children(code); got != nil {
			t.Errorf("Children(%q) = %v, want nil", code, got)
		}
	}
}

func TestCountyLevel(t *testing.T) {
	for code, want := range map[string]bool{
		"620123": true, "110105": true, "419001": true,
		"441900": true, "442000": true, "460400": true, "620200": true,
		"620100": false, "110100": false, "419000": false, "620000": false, "110000": false,
	} {
		r, ok := RegionByCode(code)
		if !ok || r.CountyLevel() != want {
			t.Errorf("RegionByCode(%s).CountyLevel() = %v, want %v", code, r.CountyLevel(), want)
		}
	}
	var leafCities []string
	for _, r := range table().regions {
		if r.Level == City && r.CountyLevel() {
			leafCities = append(leafCities, r.Code)
		}
	}
	if !slices.Equal(leafCities, []string{"441900", "442000", "460400", "620200"}) {
		t.Errorf("cities without counties = %v", leafCities)
	}
}

func TestRegionsByName(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"榆中县", []string{"620123"}},
		{" 甘肃省兰州市榆中县 ", []string{"620123"}},
		{"甘肃省", []string{"620000"}},
		{"朝阳区", []string{"110105", "220104"}},
		{"北京市朝阳区", []string{"110105"}},
		{"重庆市合川区", []string{"500117"}},
		{"河南省济源市", []string{"419001"}},
		{"市辖区", nil},
		{"兰州", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range RegionsByName(tt.name) {
			got = append(got, r.Code)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("RegionsByName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSearchRegions(t *testing.T) {
	first := func(q string) string {
		rs := SearchRegions(q, 1)
		if len(rs) == 0 {
			return ""
		}
		return rs[0].Code
	}
	tests := []struct{ q, wantFirst string }{
		{"榆中", "620123"},
		{"兰州", "620100"},
		{"甘肃", "620000"},
		{"定西市", "621100"},
		{"甘肃 榆中", "620123"},
		{"江苏省南京市", "320100"},
		{"南京江宁", ""}, // not a substring of 江苏省南京市江宁区
	}
	for _, tt := range tests {
		if got := first(tt.q); got != tt.wantFirst {
			t.Errorf("SearchRegions(%q) first = %q, want %q", tt.q, got, tt.wantFirst)
		}
	}

	all := SearchRegions("朝阳", 0)
	var names []string
	for _, r := range all {
		names = append(names, r.Code)
	}
	// Names starting with 朝阳 (counties and a city) before mere full-name hits.
	if len(all) < 5 || !slices.Equal(names[:4], []string{"110105", "211300", "211321", "220104"}) {
		t.Errorf("SearchRegions(朝阳) = %v", names)
	}
	if got := SearchRegions("朝阳", 2); len(got) != 2 || got[0].Code != "110105" {
		t.Errorf("SearchRegions(朝阳, 2) = %v", got)
	}
	for _, r := range SearchRegions("市", 0) {
		if r.Grouping() {
			t.Errorf("SearchRegions returned grouping row %+v", r)
		}
	}
	if got := SearchRegions("甘肃", 0); len(got) < 90 {
		t.Errorf("SearchRegions(甘肃) = %d regions, want all of Gansu", len(got))
	}
	if got := SearchRegions("  ", 10); got != nil {
		t.Errorf("SearchRegions(blank) = %v", got)
	}
}

func TestEmbeddedTable(t *testing.T) {
	regions := table().regions
	if len(regions) <= 3000 {
		t.Fatalf("embedded table decodes to %d regions, want > 3000", len(regions))
	}
	for _, r := range regions {
		if r.Level == Province {
			continue
		}
		p, ok := RegionByCode(r.Parent)
		if !ok || p.Level != r.Level-1 {
			t.Errorf("%+v has no parent one level up (got %+v, %v)", r, p, ok)
		}
		if !Inside(r.Code, r.Parent) {
			t.Errorf("%s not inside its parent %s", r.Code, r.Parent)
		}
	}
}

func TestParseRegionsRejectsBadData(t *testing.T) {
	for _, data := range []string{
		"620000\t甘肃省\n620100\n",                   // no name
		"620100\t兰州市\n",                           // city without province
		"620000\t甘肃省\n620123\t榆中县\n",              // county without city
		"620100\t兰州市\n620000\t甘肃省\n",              // out of order
		"62000\t甘肃省\n",                            // short code
		"620000\t甘肃省\n620000\t甘肃省\n",              // repeated
		"620000\t甘肃省\n620100\t兰州市\n6201a3\t榆中县\n", // not digits
	} {
		if _, err := parseRegions(data); err == nil {
			t.Errorf("parseRegions(%q) accepted bad data", data)
		}
	}
	tbl, err := parseRegions("# comment\n620000\t甘肃省\n620100\t兰州市\n620123\t榆中县\n")
	if err != nil || len(tbl.regions) != 3 || tbl.fullNames[2] != "甘肃省兰州市榆中县" {
		t.Errorf("parseRegions(good) = %+v, %v", tbl, err)
	}
}

func BenchmarkRegionByCode(b *testing.B) {
	table()
	for b.Loop() {
		RegionByCode("621124")
	}
}

func BenchmarkInside(b *testing.B) {
	table()
	for b.Loop() {
		Inside("621124", "620000")
	}
}

func BenchmarkSearchRegions(b *testing.B) {
	table()
	for b.Loop() {
		SearchRegions("朝阳", 20)
	}
}
