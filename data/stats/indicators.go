package stats

import (
	"encoding/json"
	"fmt"

	"duikou/data"
)

// Code names an indicator in --json output, the README and the xlsx; it
// never changes once published.
type Code string

// The indicator codes.
const (
	WorkersRegistered    Code = "workers_registered"
	WorkersTotal         Code = "workers_total"
	PlacementsStarted    Code = "placements_started"
	StartedCrossProv     Code = "started_cross_province"
	StartedCrossCity     Code = "started_cross_city"
	StartedCrossCounty   Code = "started_cross_county"
	StartedInCounty      Code = "started_in_county"
	StartedPoverty       Code = "started_poverty"
	InWorkEnd            Code = "in_work_end"
	PlacementsLeft       Code = "placements_left"
	PlacementsReturned   Code = "placements_returned"
	ContractsSigned      Code = "contracts_signed"
	ContractsSignedPct   Code = "contracts_signed_pct"
	FollowUpsDone        Code = "followups_done"
	CheckinsOverdueEnd   Code = "checkins_overdue_end"
	ArrearsOpened        Code = "arrears_cases_opened"
	ArrearsClosed        Code = "arrears_cases_closed"
	ArrearsOwedYuan      Code = "arrears_owed_yuan"
	ArrearsRecoveredYuan Code = "arrears_recovered_yuan"
	WarmthVisits         Code = "warmth_visits"
	WarmthAmountYuan     Code = "warmth_amount_yuan"
	DemandsNew           Code = "demands_new"
	PositionsNew         Code = "positions_new"
)

// FollowUpsDoneOf is the code of the follow-ups of one kind done in the
// period, e.g. followups_done_checkin.
func FollowUpsDoneOf(k data.FollowUpKind) Code { return Code(string(FollowUpsDone) + "_" + string(k)) }

// Unit is how an indicator's value is measured.
type Unit int

const (
	Count   Unit = iota // 人, 件, 个: an integer
	Yuan                // money: the figure is held in fen, shown in yuan
	Percent             // one decimal
)

// Def is one indicator as the form shows it.
type Def struct {
	Code       Code
	Label      string
	Unit       Unit
	UnitLabel  string // 人, 件, 元, %
	Definition string
}

// Defs lists every indicator in the order of the form.
var Defs = buildDefs()

func buildDefs() []Def {
	defs := []Def{
		{WorkersRegistered, "新登记劳动者", Count, "人", "登记日期在所属期内的劳动者人数，已删除的不计"},
		{WorkersTotal, "期末登记劳动者总数", Count, "人", "登记日期不晚于期末、未删除的劳动者人数"},
		{PlacementsStarted, "上岗人数", Count, "人次", "上岗日期在所属期内的就业安置"},
		{StartedCrossProv, "其中：跨省就业", Count, "人次", "上岗者户籍县与工作县的省级代码（前2位）不同"},
		{StartedCrossCity, "其中：省内跨市就业", Count, "人次", "同省，户籍县与工作县的市级代码（前4位）不同"},
		{StartedCrossCounty, "其中：市内跨县就业", Count, "人次", "同市，户籍县与工作县的县级代码（6位）不同"},
		{StartedInCounty, "其中：县内就业", Count, "人次", "户籍县与工作县相同（任一方未填县码的不计入以上四项）"},
		{StartedPoverty, "其中：脱贫劳动力", Count, "人次", "上岗者为脱贫户或监测对象"},
		{InWorkEnd, "期末在岗人数", Count, "人次", "上岗日期不晚于期末、期末时未离职也未返乡的就业安置"},
		{PlacementsLeft, "离职人数", Count, "人次", "所属期内离职（结束日期在期内，阶段为已离职）"},
		{PlacementsReturned, "返乡人数", Count, "人次", "所属期内返乡（结束日期在期内，阶段为已返乡）"},
		{ContractsSigned, "签订劳动合同", Count, "人", "期内上岗者中，期末前已签订劳动合同的人数"},
		{ContractsSignedPct, "劳动合同签订率", Percent, "%", "签订劳动合同人数 ÷ 上岗人数 × 100，保留一位小数；无人上岗为 0"},
		{FollowUpsDone, "完成跟踪服务", Count, "件", "办结日期在所属期内、状态为已完成的跟踪服务（各类合计）"},
	}
	for _, k := range data.FollowUpKinds {
		defs = append(defs, Def{FollowUpsDoneOf(data.FollowUpKind(k.Code)), "其中：" + k.Label, Count, "件",
			"同上，类别为" + k.Label})
	}
	return append(defs,
		Def{CheckinsOverdueEnd, "期末逾期未回访", Count, "件", "应办日期不晚于期末、期末时仍未完成的回访（已取消的不计）"},
		Def{ArrearsOpened, "新受理欠薪案件", Count, "件", "应办日期（受理日期）在所属期内的欠薪案件，已取消的不计"},
		Def{ArrearsClosed, "办结欠薪案件", Count, "件", "办结日期在所属期内、状态为已完成的欠薪案件"},
		Def{ArrearsOwedYuan, "期末未结欠薪金额", Yuan, "元", "期末时尚未办结的欠薪案件所记金额（拖欠工资）之和"},
		Def{ArrearsRecoveredYuan, "追回欠薪金额", Yuan, "元", "期内办结的欠薪案件所记金额（办结时为追回工资）之和"},
		Def{WarmthVisits, "送温暖慰问人次", Count, "人次", "办结日期在所属期内、状态为已完成的送温暖慰问"},
		Def{WarmthAmountYuan, "慰问金额", Yuan, "元", "上述慰问所记金额之和"},
		Def{DemandsNew, "新增用工需求", Count, "条", "有效期起始日在所属期内的用工需求（未填起始日的按录入日期）"},
		Def{PositionsNew, "新增岗位数", Count, "个", "上述用工需求的招聘人数之和"},
	)
}

// DefOf finds an indicator's definition.
func DefOf(c Code) (Def, bool) {
	for _, d := range Defs {
		if d.Code == c {
			return d, true
		}
	}
	return Def{}, false
}

// Figures are the raw values the Store counts, money in fen. The percent
// is not among them: Build works it out.
type Figures map[Code]int64

// Indicator is one line of the report.
type Indicator struct {
	Code  Code        `json:"code"`
	Label string      `json:"label"`
	Value json.Number `json:"value"`
	// Submitted is the figure as submitted (报出), when the period was;
	// it differs from Value once a record was corrected afterwards.
	Submitted *json.Number `json:"submitted,omitempty"`
	// Unit and Definition are for the printed form.
	Unit       string `json:"-"`
	Definition string `json:"-"`
}

// Row is one line of the second table: a receiving city (for a sending
// office) or a sending county (for a receiving office).
type Row struct {
	Region    string `json:"region"`
	Name      string `json:"name"`
	Started   int64  `json:"placements_started"`
	Poverty   int64  `json:"started_poverty"`
	InWorkEnd int64  `json:"in_work_end"`
}

// Report is the filled form.
type Report struct {
	From       data.Date   `json:"from"`
	To         data.Date   `json:"to"`
	Office     string      `json:"office"`
	Indicators []Indicator `json:"indicators"`
	Rows       []Row       `json:"rows"`
	// ReportedOn is the 报出日期 (absent until submitted); Corrected says a
	// figure now differs from the submitted one (submission.go).
	ReportedOn data.Date `json:"reported_on,omitzero"`
	Corrected  bool      `json:"corrected,omitempty"`

	Period Period `json:"-"`
	// Figures are the raw values counted (money in fen), what 报出 stores.
	Figures Figures `json:"-"`
	// RowsBy says what the second table groups by: 工作地（市） or 户籍地（县）.
	RowsBy string `json:"-"`
	// Header is the form's header block.
	Header Header `json:"-"`
}

// Header is the block above the figures, as offices fill it.
type Header struct {
	FormNo   string // 表号
	Union    string // 填报单位
	Period   string // 所属期
	Head     string // 负责人
	Clerk    string // 填表人
	Phone    string // 联系电话
	Reported string // 报出日期
}

// FormNo is the form number printed in the header.
const FormNo = "对口劳协统1表"

// Build fills a report from the Store's figures.
func Build(p Period, office string, f Figures, rows []Row) *Report {
	r := &Report{From: p.From, To: p.To, Office: office, Period: p, Rows: rows, Figures: f}
	if r.Rows == nil {
		r.Rows = []Row{}
	}
	for _, d := range Defs {
		var v json.Number
		switch d.Unit {
		case Percent:
			v = percent(f[ContractsSigned], f[PlacementsStarted])
		case Yuan:
			v = json.Number(data.Fen(f[d.Code]).String())
		default:
			v = json.Number(fmt.Sprint(f[d.Code]))
		}
		r.Indicators = append(r.Indicators, Indicator{Code: d.Code, Label: d.Label, Value: v, Unit: d.UnitLabel, Definition: d.Definition})
	}
	r.Header = Header{FormNo: FormNo, Union: office, Period: p.Label()}
	return r
}

// percent is part/whole*100 rounded half up to one decimal ("66.7").
func percent(part, whole int64) json.Number {
	if whole <= 0 {
		return "0"
	}
	tenths := (part*1000 + whole/2) / whole
	if tenths%10 == 0 {
		return json.Number(fmt.Sprint(tenths / 10))
	}
	return json.Number(fmt.Sprintf("%d.%d", tenths/10, tenths%10))
}

// Value is an indicator's value by code ("" when absent).
func (r *Report) Value(c Code) string {
	for _, in := range r.Indicators {
		if in.Code == c {
			return string(in.Value)
		}
	}
	return ""
}

// Crossing is how far a worker went: the 户籍 county against the work
// county, both GB/T 2260 six-digit codes. ok is false when either code is
// not a full county code.
func Crossing(home, work string) (c Code, ok bool) {
	if len(home) != 6 || len(work) != 6 {
		return "", false
	}
	switch {
	case home[:2] != work[:2]:
		return StartedCrossProv, true
	case home[:4] != work[:4]:
		return StartedCrossCity, true
	case home != work:
		return StartedCrossCounty, true
	}
	return StartedInCounty, true
}
