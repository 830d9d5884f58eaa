package demo

import (
	"fmt"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
)

// employerSpec is one of the 55 Nanjing employers at the job fair.
type employerSpec struct {
	name     string
	district string
	industry string
	kind     string // which demand templates it draws from
	lead     string // the 工种 of its first demand, "" for the kind's first
}

// employers: names are made up in the usual Nanjing patterns; many are in
// domestic service and elderly care, as at the 2021 job fair.
var employers = []employerSpec{
	{"南京悦家家政服务有限公司", "320115", "家政服务", "housekeeping", ""},
	{"南京安馨家政服务有限公司", "320106", "家政服务", "housekeeping", ""},
	{"南京金陵巧媳妇家政服务有限公司", "320104", "家政服务", "housekeeping", ""},
	{"南京福满堂家政服务有限公司", "320102", "家政服务", "housekeeping", ""},
	{"南京好月嫂母婴护理服务有限公司", "320105", "家政服务", "housekeeping", "maternity_nurse"},
	{"南京贴心人家政服务有限公司", "320113", "家政服务", "housekeeping", ""},
	{"南京宁馨母婴健康管理有限公司", "320114", "家政服务", "housekeeping", "maternity_nurse"},
	{"南京万家和家政服务有限公司", "320111", "家政服务", "housekeeping", ""},
	{"南京康乐家庭服务有限公司", "320115", "家政服务", "housekeeping", ""},
	{"南京巧手阿姨家政服务有限公司", "320106", "家政服务", "housekeeping", ""},
	{"南京喜宝育婴服务有限公司", "320104", "家政服务", "housekeeping", "nanny"},
	{"南京颐家家政服务有限公司", "320116", "家政服务", "housekeeping", ""},
	{"南京乐居家政服务有限公司", "320117", "家政服务", "housekeeping", ""},
	{"南京润泽家政服务有限公司", "320105", "家政服务", "housekeeping", ""},
	{"南京鹤龄养老服务中心", "320102", "养老服务", "eldercare", ""},
	{"南京夕阳红养老服务中心", "320113", "养老服务", "eldercare", ""},
	{"南京康颐养老服务中心", "320115", "养老服务", "eldercare", ""},
	{"南京仁康护理院有限公司", "320106", "养老服务", "eldercare", "medical_carer"},
	{"南京松鹤苑养老服务有限公司", "320111", "养老服务", "eldercare", ""},
	{"南京安泰居家养老服务中心", "320114", "养老服务", "eldercare", ""},
	{"南京金秋养老服务中心", "320118", "养老服务", "eldercare", ""},
	{"南京孝之家养老服务有限公司", "320116", "养老服务", "eldercare", ""},
	{"南京金盾物业管理有限公司", "320105", "物业管理", "property", ""},
	{"南京宁安物业管理有限公司", "320104", "物业管理", "property", ""},
	{"南京恒信物业管理有限公司", "320102", "物业管理", "property", ""},
	{"南京嘉禾物业管理有限公司", "320115", "物业管理", "property", ""},
	{"南京金鼎保安服务有限公司", "320114", "保安服务", "property", "security_guard"},
	{"南京洁美保洁服务有限公司", "320113", "保洁服务", "property", "cleaner"},
	{"南京锦程物业管理有限公司", "320111", "物业管理", "property", ""},
	{"南京和园物业管理有限公司", "320106", "物业管理", "property", ""},
	{"华欣电子(南京)有限公司", "320115", "电子制造", "electronics", ""},
	{"瑞捷电子(南京)有限公司", "320113", "电子制造", "electronics", ""},
	{"南京宏光电子科技有限公司", "320111", "电子制造", "electronics", ""},
	{"众联精密电子(南京)有限公司", "320115", "电子制造", "electronics", ""},
	{"南京新亚光电有限公司", "320114", "电子制造", "electronics", ""},
	{"南京星辰电子元件有限公司", "320116", "电子制造", "electronics", ""},
	{"南京恒力汽车零部件有限公司", "320115", "汽车零部件", "manufacturing", ""},
	{"南京金陵机械制造有限公司", "320111", "机械制造", "manufacturing", ""},
	{"南京宏达钢结构有限公司", "320116", "钢结构", "manufacturing", "welder"},
	{"南京华宇精密机械有限公司", "320117", "机械制造", "manufacturing", ""},
	{"南京顺达电动车制造有限公司", "320118", "电动车制造", "manufacturing", ""},
	{"南京建宁建设工程有限公司", "320105", "建筑施工", "construction", ""},
	{"南京宏图建设工程有限公司", "320115", "建筑施工", "construction", ""},
	{"南京中和建设工程有限公司", "320113", "建筑施工", "construction", ""},
	{"南京鼎城建筑劳务有限公司", "320111", "建筑劳务", "construction", ""},
	{"南京味道餐饮管理有限公司", "320104", "餐饮", "catering", ""},
	{"南京陇上牛肉面餐饮管理有限公司", "320106", "餐饮", "catering", "chinese_pastry_cook"},
	{"南京食尚餐饮管理有限公司", "320102", "餐饮", "catering", ""},
	{"南京福聚德餐饮管理有限公司", "320114", "餐饮", "catering", ""},
	{"南京百味园餐饮服务有限公司", "320115", "团餐配送", "catering", ""},
	{"南京速达物流有限公司", "320113", "物流", "logistics", ""},
	{"南京顺捷快递服务有限公司", "320115", "快递", "logistics", ""},
	{"南京通程供应链管理有限公司", "320116", "仓储物流", "logistics", "forklift_driver"},
	{"南京飞骑同城配送服务有限公司", "320105", "即时配送", "logistics", "delivery_rider"},
	{"南京润和食品有限公司", "320117", "食品加工", "food", ""},
}

// demandTemplate is a typical job an employer of a kind brings to the fair.
// Wages are monthly, in yuan.
type demandTemplate struct {
	occ            string
	title          string
	head           [2]int
	wage           [2]int
	age            [2]int
	sex            data.SexRequirement
	minLevel       catalog.SkillLevel
	board, lodging bool
	contract       int
}

const (
	anyone = data.AnySex
	women  = data.FemaleOnly
	men    = data.MaleOnly
	none   = catalog.LevelNone
	l5     = catalog.Level5
	l4     = catalog.Level4
)

// templates by employer kind; no kind repeats a 工种, so an employer's
// demands have distinct 工种.
var templates = map[string][]demandTemplate{
	"housekeeping": {
		{"housekeeper", "住家保姆", [2]int{15, 40}, [2]int{5000, 7500}, [2]int{25, 55}, women, none, true, true, 12},
		{"maternity_nurse", "月嫂（母婴护理员）", [2]int{8, 25}, [2]int{9000, 16000}, [2]int{28, 50}, women, l5, true, true, 12},
		{"nanny", "育儿嫂", [2]int{8, 20}, [2]int{6500, 9500}, [2]int{25, 50}, women, none, true, true, 12},
		{"cleaner", "家庭保洁员（钟点工）", [2]int{5, 15}, [2]int{4500, 6500}, [2]int{25, 55}, anyone, none, false, true, 12},
		{"elder_carer", "居家养老护理员", [2]int{5, 15}, [2]int{5500, 7500}, [2]int{30, 55}, women, none, true, true, 12},
	},
	"eldercare": {
		{"elder_carer", "养老护理员", [2]int{10, 30}, [2]int{5000, 7000}, [2]int{25, 55}, anyone, none, true, true, 24},
		{"medical_carer", "护理院护工", [2]int{5, 15}, [2]int{5500, 7000}, [2]int{30, 55}, anyone, none, true, true, 24},
		{"cleaner", "院区保洁员", [2]int{3, 8}, [2]int{3800, 4500}, [2]int{30, 58}, anyone, none, true, true, 12},
		{"chinese_cook", "食堂厨师", [2]int{2, 4}, [2]int{5500, 7000}, [2]int{25, 55}, anyone, l5, true, true, 24},
		{"health_caregiver", "健康照护师", [2]int{3, 6}, [2]int{6000, 8000}, [2]int{25, 50}, anyone, l5, true, true, 24},
	},
	"property": {
		{"security_guard", "保安员", [2]int{10, 30}, [2]int{4200, 5500}, [2]int{20, 50}, men, none, true, true, 12},
		{"cleaner", "保洁员", [2]int{10, 25}, [2]int{3800, 4800}, [2]int{30, 58}, anyone, none, true, false, 12},
		{"electrician", "物业维修电工（持证）", [2]int{2, 6}, [2]int{6000, 8000}, [2]int{22, 50}, men, l4, true, true, 24},
		{"property_manager", "物业管家", [2]int{2, 5}, [2]int{5000, 6500}, [2]int{22, 40}, anyone, none, false, true, 24},
		{"landscaper", "绿化工", [2]int{3, 8}, [2]int{4000, 5000}, [2]int{25, 58}, anyone, none, true, true, 12},
	},
	"electronics": {
		{"electronics_assembler", "电子装接工（长白班）", [2]int{30, 80}, [2]int{5000, 7000}, [2]int{18, 40}, anyone, none, true, true, 36},
		{"general_worker", "生产线普工", [2]int{30, 80}, [2]int{4800, 6500}, [2]int{18, 45}, anyone, none, true, true, 36},
		{"quality_inspector", "质检员", [2]int{5, 15}, [2]int{5000, 6500}, [2]int{18, 40}, anyone, none, true, true, 36},
		{"packer", "包装工", [2]int{10, 20}, [2]int{4500, 5500}, [2]int{18, 50}, anyone, none, true, true, 24},
	},
	"manufacturing": {
		{"assembler", "装配工", [2]int{20, 40}, [2]int{5500, 7000}, [2]int{18, 45}, anyone, none, true, true, 36},
		{"welder", "焊工（持证）", [2]int{5, 15}, [2]int{7000, 10000}, [2]int{20, 50}, men, l5, true, true, 36},
		{"cnc_operator", "数控机床操作工", [2]int{5, 10}, [2]int{6500, 8500}, [2]int{20, 45}, anyone, l5, true, true, 36},
		{"forklift_driver", "叉车司机（持证）", [2]int{2, 6}, [2]int{5500, 7000}, [2]int{20, 50}, men, l5, true, true, 24},
		{"general_worker", "普工", [2]int{20, 40}, [2]int{4800, 6200}, [2]int{18, 45}, anyone, none, true, true, 24},
	},
	"construction": {
		{"construction_labourer", "建筑普工", [2]int{20, 40}, [2]int{6000, 8000}, [2]int{20, 55}, men, none, true, true, 12},
		{"rebar_worker", "钢筋工", [2]int{10, 20}, [2]int{7500, 10000}, [2]int{20, 55}, men, none, true, true, 12},
		{"carpenter", "木工", [2]int{5, 15}, [2]int{8000, 11000}, [2]int{22, 55}, men, l5, true, true, 12},
		{"bricklayer", "砌筑工", [2]int{5, 15}, [2]int{7500, 10000}, [2]int{22, 55}, men, none, true, true, 12},
	},
	"catering": {
		{"chinese_cook", "中式烹调师", [2]int{3, 10}, [2]int{6000, 9000}, [2]int{20, 50}, anyone, l5, true, true, 24},
		{"chinese_pastry_cook", "拉面师傅（中式面点师）", [2]int{3, 10}, [2]int{6000, 9000}, [2]int{20, 50}, anyone, none, true, true, 24},
		{"waiter", "餐厅服务员", [2]int{10, 20}, [2]int{4200, 5500}, [2]int{18, 40}, anyone, none, true, true, 12},
		{"kitchen_helper", "厨房帮工", [2]int{5, 10}, [2]int{4000, 5000}, [2]int{20, 55}, anyone, none, true, true, 12},
		{"dishwasher", "洗碗工", [2]int{3, 6}, [2]int{3800, 4500}, [2]int{30, 58}, anyone, none, true, true, 12},
	},
	"logistics": {
		{"courier", "快递员", [2]int{20, 50}, [2]int{6500, 10000}, [2]int{20, 45}, anyone, none, false, true, 12},
		{"sorter", "快件分拣员", [2]int{20, 40}, [2]int{5000, 6500}, [2]int{18, 45}, anyone, none, true, true, 12},
		{"delivery_rider", "同城配送员（外卖骑手）", [2]int{20, 50}, [2]int{6000, 10000}, [2]int{18, 45}, anyone, none, false, true, 12},
		{"forklift_driver", "叉车司机", [2]int{3, 8}, [2]int{6000, 7500}, [2]int{20, 50}, men, l5, true, true, 24},
		{"loader", "装卸搬运工", [2]int{10, 20}, [2]int{5500, 7000}, [2]int{20, 50}, men, none, true, true, 12},
	},
	"food": {
		{"food_processor", "食品加工工", [2]int{20, 40}, [2]int{4800, 6000}, [2]int{18, 50}, anyone, none, true, true, 24},
		{"packer", "包装工", [2]int{10, 20}, [2]int{4500, 5500}, [2]int{18, 50}, anyone, none, true, true, 12},
		{"warehouse_keeper", "仓库管理员", [2]int{2, 4}, [2]int{5000, 6000}, [2]int{22, 45}, anyone, none, true, true, 24},
	},
}

// minPositions is what the 2021 job fair offered: 1,600+ positions.
const minPositions = 1600

// newEmployer builds employer i with a valid, unused credit code.
func (g *gen) newEmployer(spec employerSpec, used map[string]bool) *data.Employer {
	d := nanjingDistricts[spec.district]
	e := &data.Employer{
		Name:     spec.name,
		Region:   spec.district,
		Address:  fmt.Sprintf("南京市%s%s%d号", d.name, pick(g, d.roads), g.between(1, 399)),
		Contact:  g.personName(jiangsuSurnames, g.chance(0.6)),
		Industry: spec.industry,
		HasUnion: g.chance(0.85),
	}
	if g.chance(0.6) {
		e.ContactPhone = g.nanjingLandline()
	} else {
		e.ContactPhone = g.mobile()
	}
	for {
		code := g.creditCode(spec.district)
		if !used[code] {
			used[code] = true
			e.CreditCode = code
			break
		}
	}
	if e.HasUnion {
		e.Notes = "已建立工会，参加甘肃专场招聘会"
	} else {
		e.Notes = "参加甘肃专场招聘会"
	}
	return e
}

// orgCodeLetters are the letters a credit code may carry (no I, O, S, V, Z).
const orgCodeLetters = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCode is a valid GB 32100 code of a company (91) registered in the
// district: most firms registered since 2015 carry an organisation code
// body starting MA, older ones eight digits.
func (g *gen) creditCode(district string) string {
	body := make([]byte, 8)
	if g.chance(0.65) {
		body[0], body[1] = 'M', 'A'
		for i := 2; i < 8; i++ {
			body[i] = orgCodeLetters[g.intn(len(orgCodeLetters))]
		}
	} else {
		for i := range body {
			body[i] = byte('0' + g.intn(10))
		}
	}
	return ident.MakeCompanyCode(district, string(body))
}

// demandsPerEmployer: most firms bring one or two kinds of job.
var demandsPerEmployer = newTable([]weighted[int]{{1, 35}, {2, 45}, {3, 20}})

// demandsFor draws one to three demands for an employer: its lead 工种,
// then others of its kind by chance, each with its own wage, age range,
// headcount and dates around today.
func (g *gen) demandsFor(spec employerSpec, employerID string) []*data.Demand {
	list := templates[spec.kind]
	first := 0
	for i, t := range list {
		if t.occ == spec.lead {
			first = i
		}
	}
	chosen := []demandTemplate{list[first]}
	others := make([]demandTemplate, 0, len(list)-1)
	others = append(others, list[:first]...)
	others = append(others, list[first+1:]...)
	extra := demandsPerEmployer.draw(g) - 1
	for _, i := range g.r.Perm(len(others))[:min(extra, len(others))] {
		chosen = append(chosen, others[i])
	}
	var out []*data.Demand
	for _, t := range chosen {
		head := g.between(t.head[0], t.head[1])
		if head > 10 {
			head = head / 5 * 5
		}
		lo := g.between(t.wage[0]-300, t.wage[0]+300)
		hi := g.between(t.wage[1]-500, t.wage[1]+500)
		if hi < lo+500 {
			hi = lo + 500
		}
		region := spec.district
		if g.chance(0.15) { // a site in another district
			region = pick(g, nanjingDistrictCodes)
		}
		d := &data.Demand{
			EmployerID:     employerID,
			Occupation:     t.occ,
			Title:          t.title,
			Headcount:      head,
			WorkRegion:     region,
			WageMin:        yuan(lo, 100),
			WageMax:        yuan(hi, 100),
			AgeMin:         t.age[0],
			AgeMax:         t.age[1],
			SexRequirement: t.sex,
			MinLevel:       t.minLevel,
			Board:          t.board,
			Lodging:        t.lodging,
			ContractMonths: t.contract,
			ValidFrom:      g.daysAgo(g.between(150, 240)),
			ValidUntil:     g.daysAgo(-g.between(30, 240)),
			Status:         data.DemandOpen,
			Notes:          "甘肃专场招聘会",
		}
		if g.chance(0.3) {
			d.ContractMonths = d.ContractMonths * 2
		}
		out = append(out, d)
	}
	return out
}

// topUp raises headcounts until the fair offers at least minPositions plus
// a drawn margin, so the total is always 1,600+ whatever the draws.
func (g *gen) topUp(demands []*data.Demand) {
	target := minPositions + g.between(20, 250)
	total := 0
	for _, d := range demands {
		total += d.Headcount
	}
	for total < target {
		d := pick(g, demands)
		d.Headcount += 5
		total += 5
	}
}
