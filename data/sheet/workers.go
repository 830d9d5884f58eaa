package sheet

import (
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
)

var workerSpec = newSpec(Workers, []field{
	{key: "name", header: "姓名", aliases: []string{"劳动者姓名", "人员姓名", "务工人员姓名", "名字"}, required: true,
		store: []string{"Name"}, example: "王秀兰", note: "必填。"},
	{key: "id", header: "身份证号", aliases: []string{"身份证号码", "公民身份号码", "公民身份证号码", "身份证", "身份证件号码", "证件号码", "证件号", "居民身份证号码", "身份证号码18位"},
		required: true, store: []string{"IDNumber"}, example: "620123199003142466",
		note: "必填，18位（15位旧号自动升级）；性别、出生日期由号码得出。请把此列设为“文本”格式，否则 Excel 会把号码变成科学计数法并丢掉末几位。"},
	{key: "sex", header: "性别", note: "可不填；填了则与身份证号核对。", alt: true},
	{key: "phone", header: "联系电话", aliases: []string{"手机号码", "手机号", "手机", "电话", "电话号码", "联系方式", "本人电话", "联系手机"},
		store: []string{"Phone"}, example: "13893112345", note: "11位手机号。"},
	{key: "hukou", header: "户籍地", aliases: []string{"户籍所在地", "户籍地区", "户籍", "户口所在地", "户籍地址", "所在区县", "户籍区县", "户籍地代码", "户籍行政区划代码"},
		required: true, store: []string{"HukouRegion"}, example: "甘肃省兰州市榆中县",
		note: "必填，写到区县，如“甘肃省兰州市榆中县”“榆中县”，或6位行政区划代码；后面带乡镇村的，整段记入详细住址。"},
	{key: "address", header: "详细住址", aliases: []string{"家庭住址", "住址", "家庭地址", "现住址", "详细地址", "地址"},
		store: []string{"Address"}, example: "城关镇兴隆村3社"},
	{key: "education", header: "文化程度", aliases: []string{"学历", "受教育程度"}, store: []string{"Education"}, example: "初中",
		note: "未上学、小学、初中、高中、中专/技校、大专、本科及以上。"},
	{key: "poverty", header: "脱贫状态", aliases: []string{"人员类别", "脱贫户", "是否脱贫户", "是否脱贫人口", "户类别", "帮扶对象类别", "脱贫人口类别"},
		store: []string{"Poverty"}, example: "脱贫户", note: "脱贫户、监测对象、一般；不填为一般。"},
	{key: "occupation", header: "工种", aliases: []string{"技能工种", "职业工种", "主要工种", "从事工种", "技能", "职业", "工种名称"},
		store: []string{"Skills"}, example: "家政服务员", note: "按工种目录填写，常见别称可识别（如“保姆”即家政服务员）。"},
	{key: "level", header: "技能等级", aliases: []string{"等级", "职业技能等级", "证书等级", "技能证书等级"}, example: "四级/中级工",
		note: "五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师，也可写“四级”“中级工”。"},
	{key: "cert", header: "证书编号", aliases: []string{"职业资格证书编号", "证书号", "技能证书编号", "等级证书编号"}, example: "S2024-01"},
	{key: "other_skills", header: "其他技能", aliases: []string{"其他工种", "其他技能工种"}, store: []string{"Skills"}, example: "育婴员（五级/初级工）",
		note: "主工种以外会的工种，多个用顿号隔开，等级写在括号里。"},
	{key: "desired_regions", header: "意向地区", aliases: []string{"意向务工地", "期望务工地", "意向工作地", "务工意向地区", "意向就业地", "意向务工地区", "期望工作地点"},
		store: []string{"DesiredRegions"}, example: "江苏省南京市", note: "可写省、市或区县，多个用顿号隔开，如“南京市、苏州市”。"},
	{key: "desired_occupations", header: "意向工种", aliases: []string{"期望工种", "求职意向", "意向岗位", "求职岗位"},
		store: []string{"DesiredOccupations"}, example: "家政服务员、育婴员", note: "多个用顿号隔开。"},
	{key: "wage", header: "期望月薪", aliases: []string{"期望工资", "期望薪资", "期望月收入", "期望薪酬", "期望待遇"},
		store: []string{"ExpectedWage"}, example: "5000", note: "单位：元。"},
	{key: "available", header: "可到岗日期", aliases: []string{"可出行日期", "可外出日期", "到岗时间", "可到岗时间", "可上岗日期", "出行日期"},
		store: []string{"AvailableFrom"}, example: "2026-03-01", note: "如 2026-03-01、2026/3/1、2026年3月1日。"},
	{key: "status", header: "状态", aliases: []string{"就业状态", "当前状态"}, store: []string{"Status"}, example: "待业",
		note: "待业、已推荐、已就业、返乡；不填为待业。"},
	{key: "consent", header: "同意共享", aliases: []string{"是否同意共享", "同意信息共享", "授权共享", "是否授权", "同意共享信息"},
		store: []string{"Consent"}, example: "是", note: "本人是否同意把信息提供给协作地工会（个人信息保护法）：是/否；不填为否。"},
	{key: "consent_date", header: "同意日期", aliases: []string{"授权日期"}, store: []string{"ConsentDate"}},
	{key: "notes", header: "备注", aliases: []string{"说明"}, store: []string{"Notes"}},
	{key: "registered", header: "登记日期", aliases: []string{"登记时间", "录入日期", "报名日期"}, store: []string{"RegisteredOn"},
		example: "2026-01-15", note: "劳动者在本单位登记的日期，统计报表按它计“新登记劳动者”；不填为导入当天。"},
}, "年龄", "出生日期")

var educationAliases = map[string]string{
	"文盲": "none", "无": "none", "未上学": "none", "小学": "primary", "初中": "junior", "高中": "senior",
	"职高": "vocational", "中专": "vocational", "技校": "vocational", "中技": "vocational", "中职": "vocational",
	"中专/技校": "vocational", "大专": "college", "专科": "college", "高职": "college", "大学专科": "college",
	"本科": "bachelor", "大学本科": "bachelor", "大学": "bachelor", "研究生": "bachelor", "硕士": "bachelor", "博士": "bachelor",
}

var povertyAliases = map[string]string{
	"脱贫户": "lifted", "脱贫人口": "lifted", "建档立卡户": "lifted", "建档立卡": "lifted", "建档立卡贫困户": "lifted",
	"贫困户": "lifted", "是": "lifted", "监测对象": "monitored", "监测户": "monitored", "防返贫监测对象": "monitored",
	"防止返贫监测对象": "monitored", "边缘易致贫户": "monitored", "一般": "general", "一般户": "general",
	"一般农户": "general", "非贫困户": "general", "否": "general", "无": "general",
}

var workerStatusAliases = map[string]string{
	"待业": "idle", "未就业": "idle", "求职": "idle", "求职中": "idle", "已推荐": "referred",
	"已就业": "employed", "在岗": "employed", "就业": "employed", "返乡": "returned", "已返乡": "returned",
}

type workerKind struct{}

func (workerKind) spec() *kindSpec { return workerSpec }

func (workerKind) newRecord() data.Record { return &data.Worker{} }

// msgIDAsNumber explains the commonest ruin of an ID column.
const msgIDAsNumber = "号码被 Excel 存成了数字（科学计数法），末几位已丢失。请把该列设为“文本”格式后重新录入号码"

// Numeric cells above 2^53 in an ID, phone or code column of a workbook:
// Excel has rounded them, however well the number may read.
const (
	msgIDRounded    = "Excel 已把身份证号存成数字，末几位已丢失，请把该列设为文本后重新录入"
	msgPhoneRounded = "Excel 已把电话号码存成数字，末几位已丢失，请把该列设为文本后重新录入"
	msgCodeRounded  = "Excel 已把统一社会信用代码存成数字，末几位已丢失，请把该列设为文本后重新录入"
)

func (workerKind) fill(r *rowCtx, rec data.Record) {
	w := rec.(*data.Worker)
	if v := r.get("name"); v != "" {
		w.Name = cleanName(v)
	}
	if v := r.get("id"); v != "" {
		if r.rounded("id") {
			r.fail("id", msgIDRounded)
		} else if looksScientific(v) {
			r.fail("id", msgIDAsNumber)
		} else if id, err := ident.ParseID(v); err != nil {
			r.fail("id", err.Error()+zeroedHint(v))
		} else {
			w.IDNumber = id.Number
			if s := r.get("sex"); s != "" && id.Sex.Label() != "" {
				if want := strings.TrimSuffix(squeeze(s), "性"); want != id.Sex.Label() {
					r.fail("sex", fmt.Sprintf("“%s”与身份证号不符（号码为%s性），请核对身份证号或性别", s, id.Sex.Label()))
				}
			}
		}
	}
	if v := r.get("phone"); v != "" {
		if r.rounded("phone") {
			r.fail("phone", msgPhoneRounded)
		} else if p, err := ident.NormalizePhone(v); err != nil {
			r.fail("phone", err.Error())
		} else {
			w.Phone = p
		}
	}
	if v := r.get("hukou"); v != "" {
		code, rest, reason := r.run.region(v, true)
		switch {
		case reason != "":
			r.fail("hukou", reason)
		default:
			w.HukouRegion = code
			if rest != "" && r.get("address") == "" {
				w.Address = cleanCell(v)
			}
		}
	}
	if v := r.get("address"); v != "" {
		w.Address = v
	}
	setLabelled(r, "education", &w.Education, data.Educations, educationAliases)
	setLabelled(r, "poverty", &w.Poverty, data.Poverties, povertyAliases)
	fillSkill(r, w)
	fillOtherSkills(r, w)
	if v := r.get("desired_regions"); v != "" {
		var codes []string
		for _, part := range splitList(v) {
			code, _, reason := r.run.region(part, false)
			if reason != "" {
				r.fail("desired_regions", reason)
				codes = nil
				break
			}
			codes = appendUnique(codes, code)
		}
		if codes != nil {
			w.DesiredRegions = codes
		}
	}
	if v := r.get("desired_occupations"); v != "" {
		var keys []string
		for _, part := range splitList(v) {
			o, ok := catalog.OccupationByName(part)
			if !ok {
				r.fail("desired_occupations", fmt.Sprintf("工种“%s”不在工种目录中", part))
				keys = nil
				break
			}
			keys = appendUnique(keys, o.Key)
		}
		if keys != nil {
			w.DesiredOccupations = keys
		}
	}
	setMoney(r, "wage", &w.ExpectedWage)
	setDate(r, "available", &w.AvailableFrom)
	setLabelled(r, "status", &w.Status, data.WorkerStatuses, workerStatusAliases)
	setBool(r, "consent", &w.Consent)
	setDate(r, "consent_date", &w.ConsentDate)
	if v := r.get("notes"); v != "" {
		w.Notes = v
	}
	setDate(r, "registered", &w.RegisteredOn)
}

// fillSkill puts the row's 工种, level and certificate into the worker's
// skills: onto the skill of the same 工种 if the worker holds it, else as
// the new main skill.
func fillSkill(r *rowCtx, w *data.Worker) {
	occText, levelText, cert := r.get("occupation"), r.get("level"), r.get("cert")
	if occText == "" && levelText == "" && cert == "" {
		return
	}
	level, levelOK := catalog.ParseSkillLevel(levelText)
	if !levelOK {
		r.fail("level", fmt.Sprintf("“%s”无法识别，可填五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师", levelText))
	}
	i := 0
	if occText != "" {
		o, ok := catalog.OccupationByName(squeeze(occText))
		if !ok {
			r.fail("occupation", fmt.Sprintf("工种“%s”不在工种目录中", occText))
			return
		}
		i = -1
		for j, s := range w.Skills {
			if s.Occupation == o.Key {
				i = j
			}
		}
		if i < 0 {
			w.Skills = append([]data.Skill{{Occupation: o.Key}}, w.Skills...)
			i = 0
		}
	} else if len(w.Skills) == 0 {
		r.fail("occupation", "填写了技能等级或证书编号，但没有填写工种")
		return
	}
	if levelText != "" && levelOK {
		w.Skills[i].Level = level
	}
	if cert != "" {
		w.Skills[i].CertNo = cert
	}
}

// fillOtherSkills reads "育婴员（五级/初级工）、电工" into skills after the
// main one, updating the level of a skill the worker already holds.
func fillOtherSkills(r *rowCtx, w *data.Worker) {
	v := r.get("other_skills")
	if v == "" {
		return
	}
	for _, item := range strings.FieldsFunc(v, func(c rune) bool { return strings.ContainsRune("、,，;；", c) }) {
		item = squeeze(halfBrackets.Replace(item))
		if item == "" {
			continue
		}
		name, level, _ := strings.Cut(strings.TrimSuffix(item, "）"), "（")
		o, ok := catalog.OccupationByName(name)
		if !ok {
			r.fail("other_skills", fmt.Sprintf("工种“%s”不在工种目录中", name))
			return
		}
		l, ok := catalog.ParseSkillLevel(level)
		if !ok {
			r.fail("other_skills", fmt.Sprintf("“%s”的等级“%s”无法识别", name, level))
			return
		}
		found := false
		for i := range w.Skills {
			if w.Skills[i].Occupation == o.Key {
				found = true
				if level != "" {
					w.Skills[i].Level = l
				}
			}
		}
		if !found {
			if len(w.Skills) == 0 {
				r.fail("other_skills", "填写了其他技能，但没有填写主要工种")
				return
			}
			w.Skills = append(w.Skills, data.Skill{Occupation: o.Key, Level: l})
		}
	}
}

func (workerKind) existing(tx *storage.Tx, rec data.Record) (data.Record, error) {
	w, err := tx.WorkerByIDNumber(rec.(*data.Worker).IDNumber)
	if w == nil || err != nil {
		return nil, err
	}
	return w, nil
}

func (workerKind) key(rec data.Record) string { return rec.(*data.Worker).IDNumber }

func (workerKind) storeKey() string { return "IDNumber" }

func (workerKind) keyField() string { return "id" }

func (workerKind) label(rec data.Record) string {
	w := rec.(*data.Worker)
	return w.Name + " " + ident.MaskID(w.IDNumber)
}

func (workerKind) id(rec data.Record) (string, int64) {
	w := rec.(*data.Worker)
	return w.ID, w.HLC
}

// looksScientific spots a number Excel wrote in scientific notation
// (6.20123E+17), which is what a long number typed into a General cell
// becomes.
func looksScientific(s string) bool {
	t := strings.ToUpper(squeeze(narrow(s)))
	mant, exp, ok := strings.Cut(t, "E+")
	if !ok || exp == "" || !allDigits(exp) {
		return false
	}
	return allDigits(strings.Replace(mant, ".", "", 1))
}

// zeroedHint explains an 18-digit number whose last digits became zeros:
// what Excel keeps of a long number stored as a number (15 significant
// digits).
func zeroedHint(s string) string {
	t := squeeze(narrow(s))
	if len(t) == 18 && allDigits(t) && strings.HasSuffix(t, "000") {
		return "（号码末尾是0，可能是 Excel 把号码存成了数字而丢了末几位，请把该列设为“文本”格式后重新录入）"
	}
	return ""
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
