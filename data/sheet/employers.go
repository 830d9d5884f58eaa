package sheet

import (
	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

var employerSpec = newSpec(Employers, []field{
	{key: "name", header: "单位名称", aliases: []string{"用工单位", "用工单位名称", "企业名称", "公司名称", "用人单位", "用人单位名称", "单位"},
		required: true, store: []string{"Name"}, example: "南京悦家家政服务有限公司", note: "必填。"},
	{key: "code", header: "统一社会信用代码", aliases: []string{"信用代码", "社会信用代码", "统一代码", "社会统一信用代码", "统一社会信用代码证号"},
		required: true, store: []string{"CreditCode"}, example: "91320115MA1XY2K154",
		note: "必填，18位，营业执照上的代码。"},
	{key: "region", header: "所在地", aliases: []string{"所在地区", "所在区县", "单位所在地", "地区", "所属地区", "所在地代码"},
		required: true, store: []string{"Region"}, example: "江苏省南京市江宁区", note: "必填，写到区县，或6位行政区划代码。"},
	{key: "address", header: "地址", aliases: []string{"单位地址", "详细地址", "注册地址", "经营地址", "办公地址"},
		store: []string{"Address"}, example: "东山街道竹山路88号"},
	{key: "contact", header: "联系人", aliases: []string{"单位联系人", "负责人", "人事联系人"}, store: []string{"Contact"}, example: "张敏"},
	{key: "phone", header: "联系电话", aliases: []string{"联系人电话", "电话", "手机", "手机号码", "联系方式", "电话号码"},
		store: []string{"ContactPhone"}, example: "13951234567", note: "手机或固定电话。"},
	{key: "industry", header: "所属行业", aliases: []string{"行业", "行业类别", "行业类型"}, store: []string{"Industry"}, example: "居民服务业"},
	{key: "union", header: "是否建会", aliases: []string{"已建会", "建会情况", "是否建立工会", "有无工会", "是否建工会"},
		store: []string{"HasUnion"}, example: "是", note: "单位是否已建立工会：是/否。"},
	{key: "notes", header: "备注", aliases: []string{"说明"}, store: []string{"Notes"}},
})

type employerKind struct{}

func (employerKind) spec() *kindSpec { return employerSpec }

func (employerKind) newRecord() data.Record { return &data.Employer{} }

func (employerKind) fill(r *rowCtx, rec data.Record) {
	e := rec.(*data.Employer)
	if v := r.get("name"); v != "" {
		e.Name = squeezeInner(v)
	}
	if v := r.get("code"); v != "" {
		if r.rounded("code") {
			r.fail("code", msgCodeRounded)
		} else if looksScientific(v) {
			r.fail("code", msgIDAsNumber)
		} else if code, err := ident.NormalizeCreditCode(v); err != nil {
			r.fail("code", err.Error())
		} else {
			e.CreditCode = code
		}
	}
	if v := r.get("region"); v != "" {
		code, rest, reason := r.run.region(v, true)
		if reason != "" {
			r.fail("region", reason)
		} else {
			e.Region = code
			if rest != "" && r.get("address") == "" {
				e.Address = v
			}
		}
	}
	if v := r.get("address"); v != "" {
		e.Address = v
	}
	if v := r.get("contact"); v != "" {
		e.Contact = cleanName(v)
	}
	if v := r.get("phone"); v != "" {
		// A landline is fine for a firm; a mobile is stored normalised.
		if r.rounded("phone") {
			r.fail("phone", msgPhoneRounded)
		} else if p, err := ident.NormalizePhone(v); err == nil {
			e.ContactPhone = p
		} else {
			e.ContactPhone = narrow(v)
		}
	}
	if v := r.get("industry"); v != "" {
		e.Industry = v
	}
	setBool(r, "union", &e.HasUnion)
	if v := r.get("notes"); v != "" {
		e.Notes = v
	}
}

func (employerKind) existing(tx *storage.Tx, rec data.Record) (data.Record, error) {
	e, err := tx.EmployerByCreditCode(rec.(*data.Employer).CreditCode)
	if e == nil || err != nil {
		return nil, err
	}
	return e, nil
}

func (employerKind) key(rec data.Record) string { return rec.(*data.Employer).CreditCode }

func (employerKind) storeKey() string { return "CreditCode" }

func (employerKind) keyField() string { return "code" }

func (employerKind) label(rec data.Record) string {
	e := rec.(*data.Employer)
	return e.Name + " " + e.CreditCode
}

func (employerKind) id(rec data.Record) (string, int64) {
	e := rec.(*data.Employer)
	return e.ID, e.HLC
}

// squeezeInner collapses runs of spaces inside a name to one.
func squeezeInner(s string) string {
	out := []rune{}
	space := false
	for _, r := range cleanCell(s) {
		if isJunk(r) {
			space = true
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
	}
	return string(out)
}
