package data

import "duikou/data/ident"

// Codes are stored (short, stable, English); labels are what a clerk sees.
// Every enum has Label() and a list for pickers.

// Sex of a worker, derived from the ID number: the ID number's own, so
// that the two cannot disagree on codes or labels (男 / 女).
type Sex = ident.Sex

const (
	SexUnknown = ident.SexUnknown
	Male       = ident.Male
	Female     = ident.Female
)

// SexRequirement of a demand.
type SexRequirement int

const (
	AnySex     SexRequirement = 0
	MaleOnly   SexRequirement = 1
	FemaleOnly SexRequirement = 2
)

// Label is 不限 / 限男性 / 限女性.
func (s SexRequirement) Label() string {
	return [...]string{"不限", "限男性", "限女性"}[s%3]
}

// Labelled is a code with its Chinese label, for pickers and exports.
type Labelled struct {
	Code  string
	Label string
}

// LabelOf is code's label in list; a code not in it is shown as it is.
func LabelOf(list []Labelled, code string) string {
	for _, l := range list {
		if l.Code == code {
			return l.Label
		}
	}
	return code
}

func codeOf(list []Labelled, label string) (string, bool) {
	for _, l := range list {
		if l.Label == label || l.Code == label {
			return l.Code, true
		}
	}
	return "", false
}

func ValidCode(list []Labelled, code string) bool {
	_, ok := codeOf(list, code)
	return ok && LabelOf(list, code) != code
}

// WorkerStatus is where a worker stands.
type WorkerStatus string

const (
	WorkerIdle     WorkerStatus = "idle"     // 待业
	WorkerReferred WorkerStatus = "referred" // 已推荐
	WorkerEmployed WorkerStatus = "employed" // 已就业
	WorkerReturned WorkerStatus = "returned" // 返乡
)

// WorkerStatuses for pickers.
var WorkerStatuses = []Labelled{
	{string(WorkerIdle), "待业"}, {string(WorkerReferred), "已推荐"},
	{string(WorkerEmployed), "已就业"}, {string(WorkerReturned), "返乡"},
}

// Label in Chinese.
func (s WorkerStatus) Label() string { return LabelOf(WorkerStatuses, string(s)) }

// Poverty is the household's poverty-alleviation status.
type Poverty string

const (
	PovertyGeneral   Poverty = "general"   // 一般
	PovertyLifted    Poverty = "lifted"    // 脱贫户
	PovertyMonitored Poverty = "monitored" // 监测对象
)

// Poverties for pickers.
var Poverties = []Labelled{
	{string(PovertyGeneral), "一般"}, {string(PovertyLifted), "脱贫户"}, {string(PovertyMonitored), "监测对象"},
}

// Label in Chinese.
func (p Poverty) Label() string { return LabelOf(Poverties, string(p)) }

// Education is the highest schooling completed.
type Education string

// Educations for pickers.
var Educations = []Labelled{
	{"none", "未上学"}, {"primary", "小学"}, {"junior", "初中"}, {"senior", "高中"},
	{"vocational", "中专/技校"}, {"college", "大专"}, {"bachelor", "本科及以上"},
}

// Label in Chinese.
func (e Education) Label() string { return LabelOf(Educations, string(e)) }

// DemandStatus of a labour demand.
type DemandStatus string

const (
	DemandOpen   DemandStatus = "open"   // 招聘中
	DemandPaused DemandStatus = "paused" // 暂停
	DemandClosed DemandStatus = "closed" // 已结束
)

// DemandStatuses for pickers.
var DemandStatuses = []Labelled{
	{string(DemandOpen), "招聘中"}, {string(DemandPaused), "暂停"}, {string(DemandClosed), "已结束"},
}

// Label in Chinese.
func (s DemandStatus) Label() string { return LabelOf(DemandStatuses, string(s)) }

// Stage of a placement; the order of the constants is the order of the path.
type Stage string

const (
	StageReferred    Stage = "referred"    // 已推荐
	StageInterviewed Stage = "interviewed" // 已面试
	StageHired       Stage = "hired"       // 已录用
	StageStarted     Stage = "started"     // 已上岗
	StageLeft        Stage = "left"        // 已离职
	StageReturned    Stage = "returned"    // 已返乡
)

// Stages for pickers, in path order.
var Stages = []Labelled{
	{string(StageReferred), "已推荐"}, {string(StageInterviewed), "已面试"}, {string(StageHired), "已录用"},
	{string(StageStarted), "已上岗"}, {string(StageLeft), "已离职"}, {string(StageReturned), "已返乡"},
}

// Label in Chinese.
func (s Stage) Label() string { return LabelOf(Stages, string(s)) }

// CloseReasons for a placement that ended.
var CloseReasons = []Labelled{
	{"unfit", "不适应岗位"}, {"wage", "薪资不符"}, {"family", "家庭原因"}, {"contract_end", "合同到期"},
	{"layoff", "企业裁员"}, {"personal", "个人原因"}, {"other", "其他"},
}

// FollowUpKind is what a follow-up is about.
type FollowUpKind string

const (
	KindCheckIn    FollowUpKind = "checkin"    // 回访
	KindWarmth     FollowUpKind = "warmth"     // 送温暖慰问
	KindArrears    FollowUpKind = "arrears"    // 欠薪
	KindDispute    FollowUpKind = "dispute"    // 劳动争议
	KindInjury     FollowUpKind = "injury"     // 工伤
	KindMental     FollowUpKind = "mental"     // 心理健康
	KindTraining   FollowUpKind = "training"   // 技能培训
	KindHardship   FollowUpKind = "hardship"   // 困难帮扶
	KindRecuperate FollowUpKind = "recuperate" // 疗休养
)

// FollowUpKinds for pickers.
var FollowUpKinds = []Labelled{
	{string(KindCheckIn), "回访"}, {string(KindWarmth), "送温暖慰问"}, {string(KindArrears), "欠薪"},
	{string(KindDispute), "劳动争议"}, {string(KindInjury), "工伤"}, {string(KindMental), "心理健康"},
	{string(KindTraining), "技能培训"}, {string(KindHardship), "困难帮扶"}, {string(KindRecuperate), "疗休养"},
}

// Label in Chinese.
func (k FollowUpKind) Label() string { return LabelOf(FollowUpKinds, string(k)) }

// FollowUpStatus of a follow-up.
type FollowUpStatus string

const (
	FollowUpOpen      FollowUpStatus = "open"      // 待办
	FollowUpDone      FollowUpStatus = "done"      // 已完成
	FollowUpCancelled FollowUpStatus = "cancelled" // 已取消
)

// FollowUpStatuses for pickers.
var FollowUpStatuses = []Labelled{
	{string(FollowUpOpen), "待办"}, {string(FollowUpDone), "已完成"}, {string(FollowUpCancelled), "已取消"},
}

// Label in Chinese.
func (s FollowUpStatus) Label() string { return LabelOf(FollowUpStatuses, string(s)) }

// Methods of contact for a follow-up.
var Methods = []Labelled{{"phone", "电话"}, {"visit", "上门"}, {"wechat", "微信"}}

// OfficeRole is what an office does in the cooperation.
type OfficeRole string

const (
	RoleSending   OfficeRole = "sending"   // 输出地
	RoleReceiving OfficeRole = "receiving" // 输入地
	RoleBoth      OfficeRole = "both"      // 双向
)

// OfficeRoles for pickers.
var OfficeRoles = []Labelled{
	{string(RoleSending), "输出地（派出劳动者）"}, {string(RoleReceiving), "输入地（提供岗位）"}, {string(RoleBoth), "双向"},
}

// Label in Chinese.
func (r OfficeRole) Label() string { return LabelOf(OfficeRoles, string(r)) }
