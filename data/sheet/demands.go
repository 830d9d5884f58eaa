package sheet

import (
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
)

var demandSpec = newSpec(Demands, []field{
	{key: "employer_name", header: "用工单位", aliases: []string{"单位名称", "用工单位名称", "企业名称", "公司名称", "用人单位", "招聘单位"},
		required: true, store: []string{"EmployerID"}, example: "南京悦家家政服务有限公司", note: "必填，须是已登记的用工单位（先导入用工单位）。"},
	{key: "employer_code", header: "统一社会信用代码", aliases: []string{"信用代码", "社会信用代码", "统一代码"},
		store: []string{"EmployerID"}, example: "91320115MA1XY2K154", note: "有同名单位时用它区分；填了它可不填单位名称。"},
	{key: "occupation", header: "工种", aliases: []string{"招聘工种", "岗位工种", "需求工种", "工种名称"}, required: true,
		store: []string{"Occupation"}, example: "家政服务员", note: "必填，按工种目录填写。"},
	{key: "title", header: "岗位名称", aliases: []string{"岗位", "招聘岗位", "职位", "职位名称", "岗位名"}, store: []string{"Title"}, example: "住家保姆"},
	{key: "headcount", header: "招聘人数", aliases: []string{"人数", "需求人数", "用工人数", "招工人数", "计划招聘人数", "招聘数量"},
		required: true, store: []string{"Headcount"}, example: "20", note: "必填，正整数。"},
	{key: "region", header: "工作地点", aliases: []string{"工作地区", "工作地", "用工地", "用工地点", "工作区县"},
		required: true, store: []string{"WorkRegion"}, example: "江苏省南京市江宁区", note: "必填，写到区县，或6位行政区划代码。"},
	{key: "wage", header: "月薪", aliases: []string{"工资", "薪资", "薪资待遇", "月工资", "工资待遇", "薪酬", "月薪范围", "工资范围"},
		store: []string{"WageMin", "WageMax"}, note: "单位：元，可写范围，如 5000-7000；也可分两列“月薪下限”“月薪上限”。", alt: true},
	{key: "wage_min", header: "月薪下限", aliases: []string{"最低工资", "工资下限", "最低月薪", "月薪最低"}, store: []string{"WageMin"}, example: "5000", note: "单位：元。"},
	{key: "wage_max", header: "月薪上限", aliases: []string{"最高工资", "工资上限", "最高月薪", "月薪最高"}, store: []string{"WageMax"}, example: "7000", note: "单位：元。"},
	{key: "age", header: "年龄要求", aliases: []string{"年龄", "年龄范围", "年龄限制"}, store: []string{"AgeMin", "AgeMax"}, example: "18-50",
		note: "如 18-50、45岁以下、不限。"},
	{key: "age_min", header: "最低年龄", aliases: []string{"年龄下限"}, store: []string{"AgeMin"}, alt: true},
	{key: "age_max", header: "最高年龄", aliases: []string{"年龄上限"}, store: []string{"AgeMax"}, alt: true},
	{key: "sex", header: "性别要求", aliases: []string{"性别", "性别限制"}, store: []string{"SexRequirement"}, example: "限女性", note: "不限、限男性、限女性。"},
	{key: "level", header: "最低技能等级", aliases: []string{"技能等级要求", "技能要求", "等级要求", "技能等级"}, store: []string{"MinLevel"},
		example: "五级/初级工", note: "不填为不要求。"},
	{key: "board", header: "包吃", aliases: []string{"是否包吃", "提供餐食"}, store: []string{"Board"}, example: "是"},
	{key: "lodging", header: "包住", aliases: []string{"是否包住", "提供住宿"}, store: []string{"Lodging"}, example: "是"},
	{key: "board_lodging", header: "食宿", aliases: []string{"食宿情况", "吃住", "是否包吃住", "食宿条件"},
		note: "也可用一列写“包吃住”“包吃”“包住”“不包”。", alt: true},
	{key: "contract", header: "合同期限", aliases: []string{"合同期", "合同期限月", "合同月数", "劳动合同期限"}, store: []string{"ContractMonths"},
		example: "12", note: "月数，如 12；也可写“1年”。"},
	{key: "valid_from", header: "有效期起", aliases: []string{"开始日期", "发布日期", "招聘开始日期", "有效期自", "起始日期"}, store: []string{"ValidFrom"}, example: "2026-03-01"},
	{key: "valid_until", header: "有效期止", aliases: []string{"截止日期", "结束日期", "招聘截止日期", "有效期至", "截止时间"}, store: []string{"ValidUntil"}, example: "2026-06-30"},
	{key: "status", header: "状态", aliases: []string{"招聘状态", "需求状态"}, store: []string{"Status"}, example: "招聘中", note: "招聘中、暂停、已结束；不填为招聘中。"},
	{key: "notes", header: "备注", aliases: []string{"说明", "其他要求", "岗位要求"}, store: []string{"Notes"}},
}, "已录用", "已招人数", "剩余名额")

var demandStatusAliases = map[string]string{
	"招聘中": "open", "在招": "open", "有效": "open", "正常": "open", "暂停": "paused", "暂停招聘": "paused",
	"已结束": "closed", "结束": "closed", "已招满": "closed", "关闭": "closed", "已关闭": "closed",
}

var sexRequirements = map[string]data.SexRequirement{
	"不限": data.AnySex, "男女不限": data.AnySex, "无": data.AnySex, "无要求": data.AnySex,
	"男": data.MaleOnly, "限男": data.MaleOnly, "限男性": data.MaleOnly, "男性": data.MaleOnly,
	"女": data.FemaleOnly, "限女": data.FemaleOnly, "限女性": data.FemaleOnly, "女性": data.FemaleOnly,
}

type demandKind struct{}

func (demandKind) spec() *kindSpec { return demandSpec }

func (demandKind) newRecord() data.Record { return &data.Demand{} }

func (demandKind) fill(r *rowCtx, rec data.Record) {
	d := rec.(*data.Demand)
	fillEmployer(r, d)
	if v := r.get("occupation"); v != "" {
		if o, ok := catalog.OccupationByName(squeeze(v)); ok {
			d.Occupation = o.Key
		} else {
			r.fail("occupation", fmt.Sprintf("工种“%s”不在工种目录中", v))
		}
	}
	if v := r.get("title"); v != "" {
		d.Title = squeezeInner(v)
	}
	if v := r.get("headcount"); v != "" {
		if n, reason := parseCount(v, "人", "名", "个"); reason != "" {
			r.fail("headcount", reason)
		} else {
			d.Headcount = n
		}
	}
	if v := r.get("region"); v != "" {
		if code, _, reason := r.run.region(v, true); reason != "" {
			r.fail("region", reason)
		} else {
			d.WorkRegion = code
		}
	}
	if v := r.get("wage"); v != "" {
		if lo, hi, reason := parseMoneyRange(v); reason != "" {
			r.fail("wage", reason)
		} else {
			d.WageMin, d.WageMax = lo, hi
		}
	}
	setMoney(r, "wage_min", &d.WageMin)
	setMoney(r, "wage_max", &d.WageMax)
	if v := r.get("age"); v != "" {
		if lo, hi, reason := parseAgeRange(v); reason != "" {
			r.fail("age", reason)
		} else {
			d.AgeMin, d.AgeMax = lo, hi
		}
	}
	setCount(r, "age_min", &d.AgeMin, "周岁", "岁")
	setCount(r, "age_max", &d.AgeMax, "周岁", "岁")
	if v := r.get("sex"); v != "" {
		if req, ok := sexRequirements[squeeze(v)]; ok {
			d.SexRequirement = req
		} else {
			r.fail("sex", fmt.Sprintf("“%s”无法识别，可填：不限、限男性、限女性", v))
		}
	}
	if v := r.get("level"); v != "" {
		if l, ok := catalog.ParseSkillLevel(v); ok {
			d.MinLevel = l
		} else if squeeze(v) == "不限" || squeeze(v) == "无要求" {
			d.MinLevel = catalog.LevelNone
		} else {
			r.fail("level", fmt.Sprintf("“%s”无法识别，可填五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师", v))
		}
	}
	if v := r.get("board_lodging"); v != "" {
		t := squeeze(v)
		switch {
		case strings.Contains(t, "不包") || strings.Contains(t, "自理") || t == "无" || t == "否":
			d.Board, d.Lodging = false, false
		case strings.Contains(t, "吃住") || strings.Contains(t, "食宿") || t == "是":
			d.Board, d.Lodging = true, true
		case strings.Contains(t, "吃") || strings.Contains(t, "餐"):
			d.Board, d.Lodging = true, false
		case strings.Contains(t, "住") || strings.Contains(t, "宿"):
			d.Board, d.Lodging = false, true
		default:
			r.fail("board_lodging", fmt.Sprintf("“%s”无法识别，可填包吃住、包吃、包住、不包", v))
		}
	}
	setBool(r, "board", &d.Board)
	setBool(r, "lodging", &d.Lodging)
	setMonths(r, "contract", &d.ContractMonths)
	setDate(r, "valid_from", &d.ValidFrom)
	setDate(r, "valid_until", &d.ValidUntil)
	setLabelled(r, "status", &d.Status, data.DemandStatuses, demandStatusAliases)
	if v := r.get("notes"); v != "" {
		d.Notes = v
	}
}

// fillEmployer finds the demand's employer among those registered: by
// credit code when the row gives one, else by exact name.
func fillEmployer(r *rowCtx, d *data.Demand) {
	name, code := r.get("employer_name"), r.get("employer_code")
	if code != "" {
		if r.rounded("employer_code") {
			r.fail("employer_code", msgCodeRounded)
			return
		}
		n, err := ident.NormalizeCreditCode(code)
		if err != nil {
			r.fail("employer_code", err.Error())
			return
		}
		id, reason := r.run.employerByCode(n)
		if reason != "" {
			r.fail("employer_code", reason)
			return
		}
		d.EmployerID = id
		return
	}
	if name != "" {
		id, reason := r.run.employerByName(squeezeInner(name))
		if reason != "" {
			r.fail("employer_name", reason)
			return
		}
		d.EmployerID = id
	}
}

func (demandKind) existing(tx *storage.Tx, rec data.Record) (data.Record, error) {
	d, err := tx.SameDemand(rec.(*data.Demand))
	if d == nil || err != nil {
		return nil, err
	}
	return d, nil
}

func (demandKind) key(rec data.Record) string {
	d := rec.(*data.Demand)
	return strings.Join([]string{d.EmployerID, d.Occupation, d.Title, d.WorkRegion, d.ValidFrom.String()}, "|")
}

func (demandKind) storeKey() string { return "" }

func (demandKind) keyField() string { return "title" }

func (demandKind) label(rec data.Record) string {
	d := rec.(*data.Demand)
	title := d.Title
	if title == "" {
		if o, ok := catalog.OccupationByKey(d.Occupation); ok {
			title = o.Name
		}
	}
	return fmt.Sprintf("%s %d人", title, d.Headcount)
}

func (demandKind) id(rec data.Record) (string, int64) {
	d := rec.(*data.Demand)
	return d.ID, d.HLC
}
