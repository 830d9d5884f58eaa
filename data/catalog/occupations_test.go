package catalog

import (
	"regexp"
	"slices"
	"testing"
)

func TestOccupationCatalogShape(t *testing.T) {
	list := Occupations()
	if len(list) < 80 {
		t.Errorf("catalog has %d occupations, want >= 80", len(list))
	}
	keyPattern := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	codePattern := regexp.MustCompile(`^[1-8]-\d{2}-\d{2}-\d{2}$`)
	keys, names := map[string]bool{}, map[string]bool{}
	groups := OccupationGroups()
	lastGroup := -1
	for _, o := range list {
		if !keyPattern.MatchString(o.Key) {
			t.Errorf("key %q is not lower-case ASCII", o.Key)
		}
		if keys[o.Key] {
			t.Errorf("key %q repeated", o.Key)
		}
		keys[o.Key] = true
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if names[n] {
				t.Errorf("name or alias %q repeated", n)
			}
			names[n] = true
		}
		if o.NationalCode != "" && !codePattern.MatchString(o.NationalCode) {
			t.Errorf("%s: national code %q malformed", o.Key, o.NationalCode)
		}
		g := slices.Index(groups, o.Group)
		if g < 0 || g < lastGroup {
			t.Errorf("%s: group %q unknown or out of order", o.Key, o.Group)
		}
		lastGroup = g
	}
	for _, g := range groups {
		if !slices.ContainsFunc(list, func(o Occupation) bool { return o.Group == g }) {
			t.Errorf("group %q is empty", g)
		}
	}
}

func TestRequiredOccupations(t *testing.T) {
	for _, name := range []string{
		"家政服务员", "育婴员", "保育员", "养老护理员", "医疗护理员", "保洁员", "保安员", "电工", "焊工",
		"砌筑工", "钢筋工", "木工", "架子工", "混凝土工", "抹灰工", "油漆工", "防水工", "中式烹调师",
		"中式面点师", "西式面点师", "餐厅服务员", "快递员", "网约配送员", "叉车司机", "货车司机", "装配工",
		"普工", "电子设备装接工", "缝纫工", "车工", "钳工", "汽车维修工", "美发师", "保健按摩师", "收银员", "营销员",
	} {
		if o, ok := OccupationByName(name); !ok || o.Name != name {
			t.Errorf("OccupationByName(%q) = %+v, %v", name, o, ok)
		}
	}
}

func TestRelatedLinks(t *testing.T) {
	for _, o := range Occupations() {
		for _, r := range o.Related {
			other, ok := OccupationByKey(r.Key)
			if !ok {
				t.Errorf("%s links to unknown %q", o.Key, r.Key)
				continue
			}
			if r.Relatedness <= 0 || r.Relatedness >= 1 {
				t.Errorf("%s–%s relatedness %v not in (0,1)", o.Key, r.Key, r.Relatedness)
			}
			back := slices.IndexFunc(other.Related, func(b Relation) bool { return b.Key == o.Key })
			if back < 0 || other.Related[back].Relatedness != r.Relatedness {
				t.Errorf("%s–%s link is not symmetric", o.Key, r.Key)
			}
			if o.Group == other.Group && r.Relatedness <= SameGroupRelatedness {
				t.Errorf("%s–%s link %v adds nothing over the group value", o.Key, r.Key, r.Relatedness)
			}
			if got := Relatedness(o.Key, r.Key); got != r.Relatedness {
				t.Errorf("Relatedness(%s, %s) = %v, want %v", o.Key, r.Key, got, r.Relatedness)
			}
		}
	}
}

func TestRelatedness(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"housekeeper", "housekeeper", 1},
		{"housekeeper", "cleaner", 0.7},
		{"cleaner", "housekeeper", 0.7},
		{"nanny", "childcare_worker", 0.8},
		{"elder_carer", "medical_carer", 0.8},
		{"rebar_worker", "concrete_worker", 0.5},
		{"courier", "delivery_rider", 0.8},
		{"bricklayer", "waterproofer", SameGroupRelatedness}, // same group, no link
		{"welder", "cashier", 0},
		{"housekeeper", "no_such_job", 0},
		{"no_such_job", "no_such_job", 1},
		{"", "", 0},
		{"", "welder", 0},
	}
	for _, tt := range tests {
		if got := Relatedness(tt.a, tt.b); got != tt.want {
			t.Errorf("Relatedness(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Relatedness(tt.b, tt.a); got != tt.want {
			t.Errorf("Relatedness(%q, %q) = %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestOccupationByName(t *testing.T) {
	tests := []struct{ in, wantKey string }{
		{"家政服务员", "housekeeper"},
		{"保姆", "housekeeper"},
		{" 月嫂 ", "maternity_nurse"},
		{"电焊工", "welder"},
		{"厨师", "chinese_cook"},
		{"外卖骑手", "delivery_rider"},
		{"护工", "medical_carer"},
		{"瓦工", "bricklayer"},
		{"塔吊司机", "tower_crane_operator"},
		{"拾棉工", "cotton_picker"},
		{"焊", ""},
		{"welder", ""}, // keys are not names
		{"", ""},
	}
	for _, tt := range tests {
		o, ok := OccupationByName(tt.in)
		if ok != (tt.wantKey != "") || o.Key != tt.wantKey {
			t.Errorf("OccupationByName(%q) = %q, %v; want %q", tt.in, o.Key, ok, tt.wantKey)
		}
	}
	if o, ok := OccupationByKey("welder"); !ok || o.Name != "焊工" || o.Group != "制造与加工" || o.NationalCode != "6-18-02-04" {
		t.Errorf("OccupationByKey(welder) = %+v, %v", o, ok)
	}
	if _, ok := OccupationByKey("焊工"); ok {
		t.Errorf("OccupationByKey accepted a name")
	}
}

func TestSearchOccupations(t *testing.T) {
	keys := func(os []Occupation) []string {
		var out []string
		for _, o := range os {
			out = append(out, o.Key)
		}
		return out
	}
	tests := []struct {
		q     string
		limit int
		first []string
	}{
		{"焊工", 0, []string{"welder"}},
		{"焊", 0, []string{"welder", "electronics_assembler"}}, // name 焊工 before alias 焊锡工
		{"保姆", 5, []string{"housekeeper"}},
		{"骑手", 0, []string{"delivery_rider"}},
		{"cnc", 0, []string{"cnc_operator"}},
		{"司机", 2, []string{"driver", "tower_crane_operator"}}, // alias 司机, then names containing it
		{"家政", 0, []string{"housekeeper"}},                    // prefix of 家政服务员 and 家政员 before the group hits
	}
	for _, tt := range tests {
		got := keys(SearchOccupations(tt.q, tt.limit))
		if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
			t.Errorf("SearchOccupations(%q, %d) = %v, want to start with %v", tt.q, tt.limit, got, tt.first)
		}
		if tt.limit > 0 && len(got) > tt.limit {
			t.Errorf("SearchOccupations(%q, %d) returned %d", tt.q, tt.limit, len(got))
		}
	}
	group := keys(SearchOccupations("建筑施工", 0))
	if len(group) != 14 || group[0] != "bricklayer" {
		t.Errorf("SearchOccupations(建筑施工) = %v, want the whole group", group)
	}
	if got := SearchOccupations(" ", 5); got != nil {
		t.Errorf("SearchOccupations(blank) = %v", got)
	}
}

func TestOccupationsAreCopies(t *testing.T) {
	o, _ := OccupationByKey("housekeeper")
	o.Aliases[0] = "changed"
	o.Related[0].Relatedness = 0.01
	list := Occupations()
	list[0].Aliases[0] = "changed"
	again, _ := OccupationByKey("housekeeper")
	if again.Aliases[0] == "changed" || again.Related[0].Relatedness == 0.01 {
		t.Errorf("callers could change the catalog: %+v", again)
	}
}

func TestOccupationName(t *testing.T) {
	for key, want := range map[string]string{"housekeeper": "家政服务员", "no_such_key": "no_such_key", "": ""} {
		if got := OccupationName(key); got != want {
			t.Errorf("OccupationName(%q) = %q, want %q", key, got, want)
		}
	}
}
