package app

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/recommend"
)

// opening is a demand ranked for a worker, with the stored record for its
// 工种, place and headcount.
type opening struct {
	rank   int
	r      recommend.Ranked
	demand data.Demand
}

// matchByWorker is 按劳动者找岗位: pick a worker, see the ranked demands.
type matchByWorker struct {
	s      *matchScreen
	pick   *pickList[data.Worker]
	worker *data.Worker
	run    *latest

	heading *widget.Label
	note    *cjkLabel
	table   *checkTable[opening]
	detail  *reasonPanel
}

func newMatchByWorker(s *matchScreen) *matchByWorker {
	m := &matchByWorker{s: s, run: s.g.newLatest()}
	st := s.st
	today := st.Today()
	m.pick = newPickList(s.g, "搜索姓名、身份证号或电话",
		func(w data.Worker) (string, string) {
			title := w.Name + " · " + w.Sex.Label()
			if !w.Birth.IsZero() {
				title += " · " + strconv.Itoa(w.Age(today)) + "岁"
			}
			return title + " · " + skillText(&w), ident.MaskID(w.IDNumber) + " · " + ident.MaskPhone(w.Phone) + " · " + w.Status.Label()
		},
		func(q string) ([]data.Worker, error) {
			rows, _, err := st.ListWorkers(data.WorkerFilter{Text: q}, data.Page{Limit: pickLimit})
			return rows, err
		},
		func(w data.Worker) {
			m.worker = &w
			m.rank()
		})
	m.heading = widget.NewLabelWithStyle("请在左侧选择一名劳动者", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.note = wrapLabel("")
	m.table = newCheckTable(m.columns(), nil)
	m.table.onSelect = func(o opening) { m.detail.SetText(rankedDetail(o.r.Name, o.r)) }
	m.detail = newReasonPanel()
	return m
}

func (m *matchByWorker) columns() []column[opening] {
	return []column[opening]{
		{title: "排名", width: 52, text: func(o *opening) string { return strconv.Itoa(o.rank) }},
		{title: "用工需求", width: 300, text: func(o *opening) string { return o.r.Name }},
		{title: "工种", width: 110, text: func(o *opening) string { return occName(o.demand.Occupation) }},
		{title: "工作地", width: 150, text: func(o *opening) string { return shortRegionName(o.demand.WorkRegion) }},
		{title: "还缺", width: 60, text: func(o *opening) string { return strconv.Itoa(o.demand.Left()) + " 人" }},
		{title: "匹配度", width: 72, text: func(o *opening) string { return o.r.BandLabel }},
		{title: "分数", width: 64, text: func(o *opening) string { return scoreText(o.r.Score) }},
		{title: "欠缺", width: 300, text: func(o *opening) string { return joinOrNone(o.r.Missing) }},
	}
}

func (m *matchByWorker) view() fyne.CanvasObject {
	return rankingView(m.pick.view(), m.heading, m.note, m.table.table, m.detail.view())
}

func (m *matchByWorker) refresh() {
	m.pick.reload()
	m.rank()
}

// rank ranks the open demands for the picked worker in the background.
func (m *matchByWorker) rank() {
	if m.worker == nil {
		return
	}
	w := *m.worker
	m.heading.SetText("劳动者：" + w.Name + "（" + skillText(&w) + "，户籍 " + shortRegionName(w.HukouRegion) + "）")
	st := m.s.st
	stale := func() bool { return m.worker == nil || m.worker.ID != w.ID }
	top := func(e matchEngine) ([]recommend.Ranked, error) { return e.TopDemands(w.ID, rankLimit) }
	m.s.rankAside(m.run, m.note, stale, top, func(e matchEngine, ranked []recommend.Ranked, took time.Duration) (func(), error) {
		rows, err := openingsOf(st, ranked)
		if err != nil {
			return nil, err
		}
		var why string
		if len(ranked) == 0 {
			why, _ = e.WorkerUnavailable(w.ID)
		}
		return func() {
			m.table.setRows(rows)
			m.detail.SetText(reasonPrompt)
			m.note.SetText(rankingNote(why, "，不推荐岗位", len(rows),
				"没有符合条件的用工需求（只列出招聘中、还缺人的用工需求）",
				fmt.Sprintf("列出最合适的 %d 条用工需求（匹配用时 %s）。推荐请在“按需求找人”中选这条需求后勾选此人。", len(rows), durationText(took))))
		}, nil
	})
}

// openingsOf adds the stored demand records to a ranking.
func openingsOf(st MatchStore, ranked []recommend.Ranked) ([]opening, error) {
	return withRecords(ranked, st.DemandsByID,
		func(r recommend.Ranked) string { return r.DemandID },
		func(d *data.Demand) string { return d.ID },
		func(rank int, r recommend.Ranked, d data.Demand) opening { return opening{rank: rank, r: r, demand: d} })
}
