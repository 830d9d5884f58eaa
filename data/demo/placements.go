package demo

import (
	"duikou/data"
	"duikou/data/catalog"
)

// plan is one placement the demo will record: the demand, the stage it has
// reached, its dates, and (once written) the worker.
type plan struct {
	demand *data.Demand
	p      *data.Placement
	worker *data.Worker
}

// stageTable: the fair is a few months old, so many are at work, many
// still referred, some gone home.
var stageTable = newTable([]weighted[data.Stage]{
	{data.StageReferred, 25}, {data.StageInterviewed, 13}, {data.StageHired, 12},
	{data.StageStarted, 32}, {data.StageLeft, 10}, {data.StageReturned, 8},
})

// everyStage opens the plan, so even a small demo shows each stage.
var everyStage = []data.Stage{data.StageReferred, data.StageInterviewed, data.StageHired,
	data.StageStarted, data.StageLeft, data.StageReturned}

var (
	leftReasons = newTable([]weighted[string]{
		{"unfit", 3}, {"wage", 2}, {"family", 3}, {"personal", 3}, {"layoff", 1}, {"other", 1},
	})
	returnReasons = newTable([]weighted[string]{{"family", 5}, {"personal", 3}, {"unfit", 2}, {"other", 1}})
	closeNotes    = map[string][]string{
		"unfit":    {"不适应南方气候和饮食", "工作强度大，身体吃不消", "不适应夜班"},
		"wage":     {"实际工资低于招聘时约定", "加班费计算有分歧"},
		"family":   {"家中老人生病，返乡照顾", "孩子上学无人照看", "家中农忙"},
		"personal": {"想换到离老乡近的岗位", "个人身体原因", "准备回乡创业"},
		"layoff":   {"企业订单减少，减员"},
		"other":    {"其他原因"},
	}
)

// fillShare caps how much of a demand the demo fills, so every demand
// still has headcount left: the fair is still recruiting.
const fillShare = 0.6

// planPlacements draws n placements over the demands: a stage for each, a
// demand (one with room left for 已录用 and 已上岗, and for an open
// referral one whose referrals stay within the over-referral limit) and
// consistent dates.
func (g *gen) planPlacements(demands []*data.Demand, n int) []*plan {
	filled := make([]int, len(demands))
	open := make([]int, len(demands))
	var plans []*plan
	for i := 0; i < n; i++ {
		stage := stageTable.draw(g)
		if i < len(everyStage) {
			stage = everyStage[i]
		}
		di := g.pickDemand(demands, filled, open, stage)
		if di < 0 && stage.FillsPosition() { // every demand at its share: refer instead
			stage = data.StageReferred
			di = g.pickDemand(demands, filled, open, stage)
		}
		if di < 0 { // every demand has all the referrals it may: one went home instead
			stage = data.StageReturned
			di = g.pickDemand(demands, filled, open, stage)
		}
		switch {
		case stage.FillsPosition():
			filled[di]++
		case stage.Referral():
			open[di]++
		}
		d := demands[di]
		plans = append(plans, &plan{demand: d, p: g.timeline(d, stage)})
	}
	return plans
}

func fillsPosition(s data.Stage) bool { return s == data.StageHired || s == data.StageStarted }

func isOpenReferral(s data.Stage) bool { return s == data.StageReferred || s == data.StageInterviewed }

// referralCap is how many referrals may be open on d however the demo's
// hires fall: the over-referral limit on the headcount left once the demo
// has filled its share.
func referralCap(d *data.Demand) int {
	return data.DefaultOverReferral * (d.Headcount - int(float64(d.Headcount)*fillShare))
}

// pickDemand draws a demand for a placement at stage, weighted by
// headcount, or by the room left below fillShare when the placement takes
// a position; a demand whose open referrals reached referralCap takes no
// more. -1 if none has room.
func (g *gen) pickDemand(demands []*data.Demand, filled, open []int, stage data.Stage) int {
	weights := make([]int, len(demands))
	sum := 0
	for i, d := range demands {
		w := d.Headcount
		switch {
		case stage.FillsPosition():
			w = int(float64(d.Headcount)*fillShare) - filled[i]
		case stage.Referral() && open[i] >= referralCap(d):
			w = 0
		}
		if w > 0 {
			weights[i] = w
			sum += w
		}
	}
	if sum == 0 {
		return -1
	}
	x := g.intn(sum)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return -1
}

// timeline dates a placement at stage: each stage some days after the one
// before, the last one at most today, and the referral after the demand
// opened where the gaps allow.
func (g *gen) timeline(d *data.Demand, stage data.Stage) *data.Placement {
	p := &data.Placement{DemandID: d.ID, Stage: stage}
	reached := stage
	if stage == data.StageReturned { // went home from some earlier stage
		reached = pick(g, []data.Stage{data.StageReferred, data.StageInterviewed, data.StageStarted, data.StageStarted})
	}
	rank := map[data.Stage]int{data.StageReferred: 0, data.StageInterviewed: 1, data.StageHired: 2,
		data.StageStarted: 3, data.StageLeft: 4}[reached]
	if stage == data.StageLeft {
		rank = 4
	}
	// Domestic service often hires on a video call, without an interview.
	skipInterview := rank >= 2 && g.chance(skipInterviewShare(d.Occupation))
	var gaps []int // days after the referral, per stage reached
	at := 0
	if rank >= 1 && !skipInterview {
		at += g.between(2, 10)
		gaps = append(gaps, at)
	} else {
		gaps = append(gaps, -1)
	}
	if rank >= 2 {
		at += g.between(1, 7)
	}
	hireAt := at
	if rank >= 3 {
		at += g.between(2, 15)
	}
	startAt := at
	endAt := -1
	switch {
	case stage == data.StageLeft:
		at += g.between(20, 120)
		endAt = at
	case stage == data.StageReturned:
		at += g.between(3, 60)
		endAt = at
	}
	lag := map[data.Stage][2]int{
		data.StageReferred: {0, 20}, data.StageInterviewed: {0, 15}, data.StageHired: {0, 12},
		data.StageStarted: {1, 140}, data.StageLeft: {0, 60}, data.StageReturned: {0, 45},
	}[stage]
	back := at + g.between(lag[0], lag[1])
	if open := d.ValidFrom.DaysUntil(g.today); back > open {
		back = max(open, at)
	}
	ref := g.daysAgo(back)
	p.ReferredOn = ref
	if gaps[0] >= 0 {
		p.InterviewedOn = ref.AddDays(gaps[0])
	}
	if rank >= 2 {
		p.HiredOn = ref.AddDays(hireAt)
	}
	if rank >= 3 {
		p.StartedOn = ref.AddDays(startAt)
	}
	if endAt >= 0 {
		p.EndedOn = ref.AddDays(endAt)
	}
	switch stage {
	case data.StageLeft:
		p.CloseReason = leftReasons.draw(g)
	case data.StageReturned:
		p.CloseReason = returnReasons.draw(g)
	}
	if p.CloseReason != "" {
		p.CloseNote = pick(g, closeNotes[p.CloseReason])
	}
	g.contract(p, d)
	if g.chance(0.5) {
		p.Notes = "甘肃专场招聘会现场推荐"
	}
	return p
}

func skipInterviewShare(occ string) float64 {
	if o, ok := catalog.OccupationByKey(occ); ok && o.Group == "家政服务" {
		return 0.4
	}
	return 0.1
}

// contract: most who started work signed a contract (the receiving union
// guides it) and are insured; some just hired have signed already.
func (g *gen) contract(p *data.Placement, d *data.Demand) {
	if p.HiredOn.IsZero() {
		return
	}
	if p.StartedOn.IsZero() {
		if g.chance(0.5) {
			p.ContractSigned = true
			p.ContractDate = minDate(p.HiredOn.AddDays(g.between(0, 3)), g.today)
			p.ContractMonths = d.ContractMonths
		}
		p.SocialInsurance, p.AccidentInsurance = g.chance(0.3), g.chance(0.5)
		return
	}
	if g.chance(0.92) {
		p.ContractSigned = true
		p.ContractDate = p.HiredOn.AddDays(g.between(0, p.HiredOn.DaysUntil(p.StartedOn)))
		p.ContractMonths = d.ContractMonths
	}
	p.SocialInsurance, p.AccidentInsurance = g.chance(0.75), g.chance(0.9)
}

// statusAfter is the worker status a placement at stage implies (as the
// Store derives it): employed once hired, back to 待业 after leaving.
func statusAfter(stage data.Stage) data.WorkerStatus {
	switch stage {
	case data.StageReferred, data.StageInterviewed:
		return data.WorkerReferred
	case data.StageHired, data.StageStarted:
		return data.WorkerEmployed
	case data.StageReturned:
		return data.WorkerReturned
	}
	return data.WorkerIdle
}
