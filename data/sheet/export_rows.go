package sheet

import (
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
)

// What each kind's export holds: Chinese headers, labels not codes, region
// names not codes, and ID numbers and phones masked unless asked. Worker,
// employer and demand exports use the import headers, so a file exported
// with full numbers imports again at a partner office.

// column is one column of an export.
type column struct {
	header string
	width  float64 // in Excel character widths
}

// A cell value is a string, a data.Date, a data.Fen (written in yuan) or
// an int.

// exportSpec is how to list one kind.
type exportSpec struct {
	columns []column
	count   func(s *storage.Store, opt ExportOptions) (int64, error)
	each    func(s *storage.Store, opt ExportOptions, m masker, emit func([]any) error) error
}

// masker hides the middle of ID numbers and phones unless full numbers
// were asked for.
type masker struct{ full bool }

func (m masker) id(s string) string {
	if m.full || s == "" {
		return s
	}
	return ident.MaskID(s)
}

// address keeps a home address down to the township (乡镇、街道) unless
// full numbers were asked for: the village and house are as identifying
// as an ID number.
func (m masker) address(s string) string {
	if m.full || s == "" {
		return s
	}
	return ident.MaskAddress(s)
}

func (m masker) phone(s string) string {
	if m.full || s == "" {
		return s
	}
	return ident.MaskPhone(s)
}

func exportSpecOf(k Kind) (*exportSpec, error) {
	switch k {
	case Workers:
		return workerExport, nil
	case Employers:
		return employerExport, nil
	case Demands:
		return demandExport, nil
	case Placements:
		return placementExport, nil
	case FollowUps:
		return followUpExport, nil
	}
	return nil, fmt.Errorf("未知的导出类别 %q", k)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// regionName is the full name of a region code ("甘肃省兰州市榆中县").
func regionName(code string) string {
	if code == "" {
		return ""
	}
	if n := catalog.FullName(code); n != "" {
		return n
	}
	return code
}

// occupationName is catalog.OccupationName, under the name this package reads.
var occupationName = catalog.OccupationName

// money is an amount for a money column: unset (zero) stays empty.
func money(f data.Fen) any {
	if f == 0 {
		return ""
	}
	return f
}

func count(n int) any {
	if n == 0 {
		return ""
	}
	return n
}

func levelLabel(l catalog.SkillLevel) string {
	if l == catalog.LevelNone {
		return ""
	}
	return l.Label()
}

var workerExport = &exportSpec{
	columns: []column{
		{"姓名", 10}, {"性别", 6}, {"出生日期", 12}, {"身份证号", 21}, {"联系电话", 14}, {"户籍地", 24},
		{"详细住址", 28}, {"文化程度", 10}, {"脱贫状态", 10}, {"工种", 14}, {"技能等级", 13}, {"证书编号", 14},
		{"其他技能", 24}, {"意向地区", 22}, {"意向工种", 20}, {"期望月薪（元）", 14}, {"可到岗日期", 12},
		{"状态", 8}, {"同意共享", 9}, {"同意日期", 12}, {"备注", 30}, {"登记日期", 12},
	},
	count: func(s *storage.Store, opt ExportOptions) (int64, error) { return s.CountWorkers(opt.Filter.Workers) },
	each: func(s *storage.Store, opt ExportOptions, m masker, emit func([]any) error) error {
		return s.EachWorkerBy(opt.Order, opt.Filter.Workers, opt.Range, func(w *data.Worker) error {
			var occ, level, cert string
			var others []string
			for i, sk := range w.Skills {
				if i == 0 {
					occ, level, cert = occupationName(sk.Occupation), levelLabel(sk.Level), sk.CertNo
					continue
				}
				o := occupationName(sk.Occupation)
				if l := levelLabel(sk.Level); l != "" {
					o += "（" + l + "）"
				}
				others = append(others, o)
			}
			var desired, desiredOcc []string
			for _, c := range w.DesiredRegions {
				desired = append(desired, regionName(c))
			}
			for _, k := range w.DesiredOccupations {
				desiredOcc = append(desiredOcc, occupationName(k))
			}
			return emit([]any{
				w.Name, w.Sex.Label(), w.Birth, m.id(w.IDNumber), m.phone(w.Phone), regionName(w.HukouRegion),
				m.address(w.Address), w.Education.Label(), w.Poverty.Label(), occ, level, cert,
				strings.Join(others, "、"), strings.Join(desired, "、"), strings.Join(desiredOcc, "、"),
				money(w.ExpectedWage), w.AvailableFrom, w.Status.Label(), yesNo(w.Consent), w.ConsentDate,
				w.Notes, w.RegisteredOn,
			})
		})
	},
}

var employerExport = &exportSpec{
	columns: []column{
		{"单位名称", 30}, {"统一社会信用代码", 21}, {"所在地", 24}, {"地址", 30}, {"联系人", 10},
		{"联系电话", 14}, {"所属行业", 14}, {"是否建会", 9}, {"备注", 30},
	},
	count: func(s *storage.Store, opt ExportOptions) (int64, error) {
		return s.CountEmployers(opt.Filter.Employers)
	},
	each: func(s *storage.Store, opt ExportOptions, m masker, emit func([]any) error) error {
		return s.EachEmployerBy(opt.Order, opt.Filter.Employers, func(e *data.Employer) error {
			return emit([]any{e.Name, e.CreditCode, regionName(e.Region), e.Address, e.Contact,
				m.phone(e.ContactPhone), e.Industry, yesNo(e.HasUnion), e.Notes})
		})
	},
}

var demandExport = &exportSpec{
	columns: []column{
		{"用工单位", 30}, {"统一社会信用代码", 21}, {"工种", 14}, {"岗位名称", 16}, {"招聘人数", 9}, {"已录用", 8},
		{"工作地点", 24}, {"月薪下限（元）", 14}, {"月薪上限（元）", 14}, {"年龄要求", 10}, {"性别要求", 9},
		{"最低技能等级", 13}, {"包吃", 6}, {"包住", 6}, {"合同期限（月）", 13}, {"有效期起", 12}, {"有效期止", 12},
		{"状态", 8}, {"备注", 30},
	},
	count: func(s *storage.Store, opt ExportOptions) (int64, error) { return s.CountDemands(opt.Filter.Demands) },
	each: func(s *storage.Store, opt ExportOptions, m masker, emit func([]any) error) error {
		return s.EachDemandBy(opt.Order, opt.Filter.Demands, func(d *data.Demand) error {
			var name, code string
			if d.Employer != nil {
				name, code = d.Employer.Name, d.Employer.CreditCode
			}
			return emit([]any{name, code, occupationName(d.Occupation), d.Title, d.Headcount, d.Filled,
				regionName(d.WorkRegion), money(d.WageMin), money(d.WageMax), data.AgeRangeText(d.AgeMin, d.AgeMax, "%d-%d"),
				d.SexRequirement.Label(), levelLabel(d.MinLevel), yesNo(d.Board), yesNo(d.Lodging),
				count(d.ContractMonths), d.ValidFrom, d.ValidUntil, d.Status.Label(), d.Notes})
		})
	},
}

var placementExport = &exportSpec{
	columns: []column{
		{"姓名", 10}, {"性别", 6}, {"身份证号", 21}, {"联系电话", 14}, {"户籍地", 24}, {"用工单位", 30},
		{"岗位名称", 16}, {"工种", 14}, {"工作地点", 24}, {"阶段", 8}, {"推荐日期", 12}, {"面试日期", 12},
		{"录用日期", 12}, {"上岗日期", 12}, {"结束日期", 12}, {"结束原因", 12}, {"签订合同", 9},
		{"合同签订日期", 13}, {"合同期限（月）", 13}, {"社会保险", 9}, {"工伤保险", 9}, {"备注", 30},
	},
	count: func(s *storage.Store, opt ExportOptions) (int64, error) {
		return s.CountPlacements(opt.Filter.Placements)
	},
	each: func(s *storage.Store, opt ExportOptions, m masker, emit func([]any) error) error {
		return s.EachPlacementBy(opt.Order, opt.Filter.Placements, opt.Range, func(p *data.Placement) error {
			w, employer := p.WorkerOrBlank(), p.EmployerName()
			var title, occ, place string
			if d := p.Demand; d != nil {
				title, occ, place = d.Title, occupationName(d.Occupation), regionName(d.WorkRegion)
			}
			reason := ""
			if p.CloseReason != "" {
				reason = data.LabelOf(data.CloseReasons, p.CloseReason)
			}
			return emit([]any{w.Name, w.Sex.Label(), m.id(w.IDNumber), m.phone(w.Phone), regionName(w.HukouRegion),
				employer, title, occ, place, p.Stage.Label(), p.ReferredOn, p.InterviewedOn, p.HiredOn,
				p.StartedOn, p.EndedOn, reason, yesNo(p.ContractSigned), p.ContractDate, count(p.ContractMonths),
				yesNo(p.SocialInsurance), yesNo(p.AccidentInsurance), p.Notes})
		})
	},
}

var followUpExport = &exportSpec{
	columns: []column{
		{"姓名", 10}, {"身份证号", 21}, {"联系电话", 14}, {"类别", 11}, {"用工单位", 30}, {"应办日期", 12},
		{"办结日期", 12}, {"方式", 7}, {"情况", 36}, {"金额（元）", 12}, {"状态", 8}, {"经办人", 10}, {"备注", 30},
	},
	count: func(s *storage.Store, opt ExportOptions) (int64, error) {
		return s.CountFollowUps(opt.Filter.FollowUps)
	},
	each: func(s *storage.Store, opt ExportOptions, m masker, emit func([]any) error) error {
		return s.EachFollowUpBy(opt.Order, opt.Filter.FollowUps, opt.Range, func(f *data.FollowUp) error {
			w, employer := f.WorkerOrBlank(), f.EmployerName()
			method := ""
			if f.Method != "" {
				method = data.LabelOf(data.Methods, f.Method)
			}
			return emit([]any{w.Name, m.id(w.IDNumber), m.phone(w.Phone), f.Kind.Label(), employer, f.DueOn,
				f.DoneOn, method, f.Outcome, money(f.Amount), f.Status.Label(), f.HandledBy, f.Notes})
		})
	},
}
