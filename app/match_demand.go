package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/match"
	"duikou/data/recommend"
)

// candidate is a worker ranked for a demand, with the stored record for
// the columns the index does not hold (户籍地, phone).
type candidate struct {
	rank   int
	r      recommend.Ranked
	worker data.Worker
}

// matchByDemand is 按需求找人: pick a demand, see the ranked workers, tick
// some and refer them.
type matchByDemand struct {
	s      *matchScreen
	pick   *pickList[data.Demand]
	demand *data.Demand // the picked demand, nil before
	left   int          // its headcount left, as the last ranking saw it
	room   int          // how many this batch may refer (match.Demand.Room)
	open   int          // its open referrals (已推荐, 已面试)
	run    *latest

	heading *cjkLabel
	note    *cjkLabel
	table   *checkTable[candidate]
	detail  *reasonPanel
	refer   *widget.Button
}

func newMatchByDemand(s *matchScreen) *matchByDemand {
	m := &matchByDemand{s: s, run: s.g.newLatest()}
	st := s.st
	m.pick = newPickList(s.g, "搜索单位、岗位或工种，如：保姆",
		func(d data.Demand) (string, string) { return demandTitle(&d), demandLine(&d) },
		func(q string) ([]data.Demand, error) {
			rows, _, err := st.ListDemands(demandSearch(q, st.Today()), data.Page{Limit: pickLimit})
			return rows, err
		},
		func(d data.Demand) {
			m.demand = &d
			m.rank()
		})
	m.heading = wrapLabel("请在左侧选择一条用工需求")
	m.heading.TextStyle = fyne.TextStyle{Bold: true}
	m.note = wrapLabel("")
	m.table = newCheckTable(m.columns(), func(c candidate) string { return c.r.WorkerID })
	m.table.onSelect = func(c candidate) { m.detail.SetText(rankedDetail(c.r.Name, c.r)) }
	m.detail = newReasonPanel()
	m.refer = widget.NewButton("推荐所选", m.confirmRefer)
	m.refer.Importance = widget.HighImportance
	m.refer.Disable()
	m.table.onCheck = m.updateReferButton
	return m
}

// demandSearch is the filter for the demand search: a 工种 name or alias
// (保姆) finds that 工种's demands, other text the employer or title. Only
// demands recruiting today with headcount left can take a referral.
func demandSearch(q string, today data.Date) data.DemandFilter {
	f := data.DemandFilter{OpenOn: today}
	q = strings.TrimSpace(q)
	if o, ok := catalog.OccupationByName(q); ok {
		f.Occupation = o.Key
	} else {
		f.Text = q
	}
	return f
}

func (m *matchByDemand) columns() []column[candidate] {
	today := m.s.st.Today()
	return []column[candidate]{
		{title: "排名", width: 48, text: func(c *candidate) string { return strconv.Itoa(c.rank) }},
		{title: "姓名", width: 80, text: func(c *candidate) string { return c.r.Name }},
		// The verdict next to the name: in a window 1,240 pixels wide the
		// columns after 户籍地 need scrolling.
		{title: "匹配度", width: 70, text: func(c *candidate) string { return c.r.BandLabel }},
		{title: "分数", width: 60, text: func(c *candidate) string { return scoreText(c.r.Score) }},
		{title: "性别", width: 48, text: func(c *candidate) string { return c.worker.Sex.Label() }},
		{title: "年龄", width: 48, text: func(c *candidate) string {
			if c.worker.Birth.IsZero() {
				return ""
			}
			return strconv.Itoa(c.worker.Age(today))
		}},
		{title: "工种（等级）", width: 190, text: func(c *candidate) string { return skillText(&c.worker) }},
		{title: "户籍地", width: 130, text: func(c *candidate) string { return shortRegionName(c.worker.HukouRegion) }},
		{title: "联系电话", width: 132, text: func(c *candidate) string { return ident.MaskPhone(c.worker.Phone) }},
		{title: "欠缺", width: 320, text: func(c *candidate) string { return joinOrNone(c.r.Missing) }},
	}
}

func (m *matchByDemand) view() fyne.CanvasObject {
	return rankingView(m.pick.view(), m.heading, m.note, m.table.table, m.detail.view(m.refer))
}

// refresh fetches the demand list and the ranking again.
func (m *matchByDemand) refresh() {
	m.pick.reload()
	m.rank()
}

// rank ranks the workers for the picked demand in the background.
func (m *matchByDemand) rank() {
	if m.demand == nil {
		return
	}
	d := *m.demand
	m.heading.SetText("用工需求：" + demandTitle(&d) + "（" + occName(d.Occupation) + "，" + catalog.FullName(d.WorkRegion) + "）")
	st := m.s.st
	stale := func() bool { return m.demand == nil || m.demand.ID != d.ID }
	top := func(e matchEngine) ([]recommend.Ranked, error) { return e.TopWorkers(d.ID, rankLimit) }
	m.s.rankAside(m.run, m.note, stale, top, func(e matchEngine, ranked []recommend.Ranked, took time.Duration) (func(), error) {
		rows, err := candidatesOf(st, ranked)
		if err != nil {
			return nil, err
		}
		var why string
		left, room, open := 0, 0, 0
		if md, ok, _ := e.Demand(d.ID); ok {
			left, room, open = md.Left, md.Room(), md.Referred
		}
		if len(ranked) == 0 {
			why, _ = e.DemandClosed(d.ID)
		}
		return func() {
			m.left, m.room, m.open = left, room, open
			m.table.setRows(rows)
			m.detail.SetText(reasonPrompt)
			m.note.SetText(rankingNote(why, "，不推荐劳动者", len(rows),
				"没有符合条件的劳动者（只列出待业、同意共享信息、没有进行中安置的劳动者）",
				fmt.Sprintf("%s；列出最合适的 %d 名劳动者（匹配用时 %s）。勾选后点“推荐所选”。", roomText(left, open, room), len(rows), durationText(took))))
		}, nil
	})
}

// candidatesOf adds the stored worker records to a ranking.
func candidatesOf(st MatchStore, ranked []recommend.Ranked) ([]candidate, error) {
	return withRecords(ranked, st.WorkersByID,
		func(r recommend.Ranked) string { return r.WorkerID },
		func(w *data.Worker) string { return w.ID },
		func(rank int, r recommend.Ranked, w data.Worker) candidate {
			return candidate{rank: rank, r: r, worker: w}
		})
}

func (m *matchByDemand) updateReferButton() {
	n := len(m.table.checkedRows())
	m.refer.SetText(fmt.Sprintf("推荐所选（%d 人）", n))
	if n == 0 {
		m.refer.Disable()
	} else {
		m.refer.Enable()
	}
}

// confirmRefer checks the headcount, then asks before recording.
func (m *matchByDemand) confirmRefer() {
	picked := m.table.checkedRows()
	if m.demand == nil || len(picked) == 0 {
		return
	}
	if len(picked) > m.room {
		m.s.g.showError("不能推荐", fmt.Errorf("%s，已勾选%d人；请减少勾选的劳动者后再推荐", roomText(m.left, m.open, m.room), len(picked)))
		return
	}
	names := make([]string, len(picked))
	for i, c := range picked {
		names[i] = c.r.Name
	}
	msg := referQuestion(names, demandTitle(m.demand))
	m.s.g.confirm("推荐劳动者", msg, "推荐", func() { m.referPicked(picked) })
}

// referPicked records the ticked workers as referred, all or none, then
// ranks again: the referred workers drop out of the list.
func (m *matchByDemand) referPicked(picked []candidate) {
	d := *m.demand
	alloc := match.Allocation{}
	for _, c := range picked {
		alloc.Assignments = append(alloc.Assignments, match.Assignment{WorkerID: c.r.WorkerID, DemandID: d.ID, Score: c.r.Score, Band: c.r.Band})
	}
	m.refer.Disable()
	m.s.withEngine(func(e matchEngine) {
		m.s.writes.submit(func() func() {
			n, err := e.Apply(alloc)
			return func() {
				m.updateReferButton()
				if err != nil {
					m.s.g.showError("推荐失败", err)
					return
				}
				m.s.state.SetText(fmt.Sprintf("已推荐 %d 人到“%s”，已记录为就业安置（已推荐）", n, demandTitle(&d)))
				m.rank()
			}
		})
	})
}

// roomText is 还缺 with both numbers: the headcount still to fill and the
// referrals already open, and how many may be referred now.
func roomText(left, open, room int) string {
	return fmt.Sprintf("还缺 %d 人，推荐中 %d 人，现可推荐 %d 人", left, open, room)
}
