package demo

import (
	"fmt"

	"duikou/data"
)

// Who handles follow-ups on each side.
var (
	ourClerks     = []string{"马丽娟", "王建军", "李晓红"}
	partnerClerks = []string{"陈静", "周明", "吴婷"}
)

// followUpState is how a follow-up stands today.
type followUpState int

const (
	stateDone followUpState = iota
	stateOverdue
	stateUpcoming
)

// kindSpec says how a kind of follow-up looks in the demo.
type kindSpec struct {
	kind      data.FollowUpKind
	share     float64 // of the eligible placements
	pool      string  // "employed" (at work now), "worked" (ever started), "poor" (脱贫户/监测对象)
	partner   bool    // the receiving office owns it
	states    *table[followUpState]
	methods   []string
	done      []string // outcomes of finished cases
	pending   []string // notes of open cases
	amountMin int      // yuan; 0 for none
	amountMax int
	step      int
}

func states(done, overdue, upcoming int) *table[followUpState] {
	return newTable([]weighted[followUpState]{{stateDone, done}, {stateOverdue, overdue}, {stateUpcoming, upcoming}})
}

// kinds other than the check-ins, which follow each start of work.
var kinds = []kindSpec{
	{data.KindWarmth, 0.3, "employed", false, states(70, 10, 20), []string{"visit", "visit", "wechat"},
		[]string{"春节前走访慰问，送去慰问金和米面油", "中秋节慰问，送去月饼和慰问金", "高温季节送清凉，了解工作生活情况", "两地工会联合走访慰问"},
		[]string{"计划节前上门慰问"}, 500, 1500, 100},
	{data.KindArrears, 0.06, "worked", true, states(45, 35, 20), []string{"phone", "visit"},
		[]string{"经南京市总工会协调，企业已足额补发拖欠工资", "经劳动监察介入，工资已追回", "企业分两次结清欠薪"},
		[]string{"已受理，转南京市总工会协调", "已联系企业负责人，承诺月底前支付"}, 3000, 30000, 100},
	{data.KindDispute, 0.02, "worked", true, states(50, 30, 20), []string{"visit", "phone"},
		[]string{"经劳动争议调解委员会调解，双方达成协议", "工会法律援助律师代理，已申请劳动仲裁并调解结案"},
		[]string{"已转南京市总工会法律援助中心"}, 2000, 15000, 500},
	{data.KindInjury, 0.015, "worked", true, states(50, 25, 25), []string{"visit", "phone"},
		[]string{"已协助申报工伤认定，医疗费用由工伤保险支付", "轻微擦伤，已治愈返岗"},
		[]string{"协助收集工伤认定材料"}, 0, 0, 1},
	{data.KindMental, 0.03, "employed", true, states(70, 15, 15), []string{"phone", "wechat"},
		[]string{"心理咨询师电话疏导，情绪稳定", "组织老乡座谈，缓解思乡情绪"},
		[]string{"反映想家、睡眠不好，约心理咨询"}, 0, 0, 1},
	{data.KindTraining, 0.05, "employed", true, states(60, 10, 30), []string{"visit", "wechat"},
		[]string{"参加南京市总工会技能提升培训，取得上一级证书", "参加岗位技能提升培训，考核合格"},
		[]string{"已报名下期技能提升培训班"}, 0, 0, 1},
	{data.KindHardship, 0.1, "poor", false, states(60, 25, 15), []string{"visit", "phone"},
		[]string{"入户核实家庭困难情况，发放帮扶金", "协调办理临时救助", "帮助子女申请助学金"},
		[]string{"待入户核实家庭情况"}, 1000, 3000, 100},
	{data.KindRecuperate, 0.01, "employed", true, states(50, 10, 40), []string{"phone", "wechat"},
		[]string{"安排赴长三角职工疗休养基地疗休养5天", "参加劳模和优秀务工人员疗休养"},
		[]string{"已列入下批疗休养名单"}, 0, 0, 1},
}

var checkInOutcomes = []string{"工作稳定，雇主满意", "已适应岗位，住宿条件良好", "反映加班较多，已与企业沟通",
	"工资按时发放，无异常", "有些想家，已做思想疏导", "已签订劳动合同，缴纳社保"}

// checkIn brings one scheduled 回访 to where it stands today: done (most of
// those due), still open (some overdue), or cancelled if the worker left
// before it was due. It reports whether the item is to be written.
func (g *gen) checkIn(f *data.FollowUp, ended data.Date) bool {
	if !ended.IsZero() && f.DueOn.After(ended) {
		if f.ID == "" {
			return false // never scheduled: the worker had left
		}
		f.Status, f.Outcome = data.FollowUpCancelled, "劳动者已离职，回访取消"
		return true
	}
	doneP := 0.75
	if !ended.IsZero() {
		doneP = 0.95
	}
	if f.DueOn.After(g.today) || !g.chance(doneP) {
		f.Status = data.FollowUpOpen
		return true
	}
	f.Status = data.FollowUpDone
	f.DoneOn = minDate(f.DueOn.AddDays(g.between(0, 4)), g.today)
	f.Method = pick(g, []string{"phone", "phone", "phone", "wechat", "visit"})
	f.Outcome = pick(g, checkInOutcomes)
	f.HandledBy = pick(g, ourClerks)
	return true
}

// followUp draws one item of a kind for a worker (and placement, if any).
// force, when set, fixes the state, so each kind shows an overdue case.
func (g *gen) followUp(k kindSpec, w *data.Worker, pl *data.Placement, ours, partner string, force *followUpState) *data.FollowUp {
	f := &data.FollowUp{WorkerID: w.ID, Kind: k.kind, ResponsibleOffice: ours}
	handlers := ourClerks
	if k.partner || (k.kind == data.KindWarmth && g.chance(0.5)) {
		f.ResponsibleOffice, handlers = partner, partnerClerks
	}
	since := g.today.AddDays(-365)
	if pl != nil {
		id := pl.ID
		f.PlacementID = &id
		since = pl.ReferredOn
		if !pl.StartedOn.IsZero() {
			since = pl.StartedOn
		}
	}
	span := max(since.DaysUntil(g.today), 1)
	state := k.states.draw(g)
	if force != nil {
		state = *force
	}
	amount := 0
	if k.amountMax > 0 {
		amount = g.between(k.amountMin, k.amountMax) / k.step * k.step
	}
	switch state {
	case stateDone:
		f.DueOn = g.daysAgo(g.between(1, span))
		f.DoneOn = minDate(f.DueOn.AddDays(g.between(0, 7)), g.today)
		f.Status = data.FollowUpDone
		f.Method = pick(g, k.methods)
		f.Outcome = pick(g, k.done)
		f.HandledBy = pick(g, handlers)
	case stateOverdue:
		f.DueOn = g.daysAgo(g.between(1, min(span, 30)))
		f.Status = data.FollowUpOpen
		f.Notes = pick(g, k.pending)
		f.HandledBy = pick(g, handlers)
	default:
		f.DueOn = g.daysAgo(-g.between(1, 30))
		f.Status = data.FollowUpOpen
		f.Notes = pick(g, k.pending)
	}
	if state != stateDone && k.kind != data.KindArrears && k.kind != data.KindDispute {
		amount = 0 // 慰问金 and 帮扶金 are recorded when paid
	}
	f.Amount = data.Yuan(int64(amount))
	if k.kind == data.KindArrears {
		f.Notes = fmt.Sprintf("拖欠工资%d元。%s", amount, f.Notes)
	}
	return f
}
