package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
)

// placementPage is one placement: who, where, the timeline of its stages,
// its contract and insurance, its follow-ups, and buttons that move it on.
// The Store decides whether a move is allowed; a refused move shows the
// Store's reason in the dialog.
type placementPage struct {
	s     *placementsScreen
	p     *data.Placement
	built fyne.CanvasObject

	info      *cjkLabel
	timeline  *fyne.Container
	contract  *widget.Label
	moves     *fyne.Container
	followUps *fyne.Container
}

func newPlacementPage(s *placementsScreen, p *data.Placement) *placementPage {
	return &placementPage{s: s, p: p}
}

func (pg *placementPage) view() fyne.CanvasObject {
	if pg.built != nil {
		return pg.built
	}
	pg.info = wrapLabel("")
	pg.timeline = container.NewHBox()
	pg.contract = widget.NewLabel("")
	pg.moves = container.NewHBox()
	pg.followUps = container.NewVBox()
	back := widget.NewButtonWithIcon("返回列表（Esc）", theme.NavigateBackIcon(), pg.s.closePage)
	editContract := widget.NewButtonWithIcon("合同与保险", theme.DocumentCreateIcon(), pg.editContract)
	addFollowUp := widget.NewButtonWithIcon("新增跟踪服务", theme.ContentAddIcon(), func() {
		newFollowUpDialog(pg.s.g, pg.s.st, pg.p.Worker, pg.p, pg.fillFollowUps).show()
	})
	// 返回列表 stays above the page as it scrolls.
	pg.built = container.NewBorder(container.NewHBox(back), nil, nil, nil, container.NewVScroll(container.NewVBox(
		section("基本情况", "", pg.info),
		section("安置进程", "每一步记日期；日期不能早于上一步，也不能晚于今天", container.NewVBox(pg.timeline, pg.moves)),
		section("劳动合同与保险", "", container.NewBorder(nil, nil, nil, editContract, pg.contract)),
		section("跟踪服务", "上岗后自动安排回访；欠薪、劳动争议等求助也记在这里",
			container.NewVBox(pg.followUps, container.NewHBox(addFollowUp))),
	)))
	pg.fill()
	return pg.built
}

func (pg *placementPage) shown() {
	pg.s.g.setHeading("就业安置：" + placementWorker(pg.p) + " · " + placementEmployer(pg.p))
	pg.s.g.setActions(actions{Cancel: pg.s.closePage})
}

// reload reads the placement again after a change and redraws.
func (pg *placementPage) reload() {
	p, err := loadPlacement(pg.s.st, pg.p.ID)
	if err != nil {
		pg.s.g.showError("无法刷新就业安置", err)
		return
	}
	pg.p = p
	pg.fill()
}

// fill draws the page from pg.p.
func (pg *placementPage) fill() {
	p := pg.p
	d := p.Demand
	owner := "我方负责"
	if o := pg.s.st.Office(); o != nil && p.ResponsibleOffice != o.ID {
		owner = "对方工会负责"
	}
	post := occName(d.Occupation)
	if d.Title != "" && d.Title != post {
		post = d.Title + "（" + post + "）"
	}
	pg.info.SetText(fmt.Sprintf("劳动者：%s（%s）\n用工单位：%s\n岗位：%s · 工作地点：%s\n跟进：%s",
		p.Worker.Name, p.Worker.Status.Label(), placementEmployer(p), post,
		shortRegionName(d.WorkRegion), owner))

	pg.timeline.Objects = nil
	steps := p.Timeline()
	for i, st := range steps {
		if i > 0 {
			pg.timeline.Add(widget.NewLabel("→"))
		}
		date := "（未经过）"
		if !st.Date.IsZero() {
			date = st.Date.String()
		}
		name := widget.NewLabelWithStyle(st.Stage.Label(), fyne.TextAlignCenter, fyne.TextStyle{Bold: i == len(steps)-1})
		if i == len(steps)-1 {
			name.Importance = widget.HighImportance
		}
		pg.timeline.Add(container.NewVBox(name, widget.NewLabelWithStyle(date, fyne.TextAlignCenter, fyne.TextStyle{})))
	}
	if p.Stage.Ended() {
		reason := labelForCode(data.CloseReasons, p.CloseReason)
		if p.CloseNote != "" {
			reason += "：" + p.CloseNote
		}
		pg.timeline.Add(widget.NewLabel("结束原因：" + reason))
	}
	pg.timeline.Refresh()

	pg.moves.Objects = nil
	for i, st := range p.NextStages() {
		st := st
		b := widget.NewButton("改为"+st.Label(), func() { pg.moveTo(st) })
		if i == 0 {
			b.Importance = widget.HighImportance // the usual next step
		}
		pg.moves.Add(b)
	}
	if len(pg.moves.Objects) == 0 {
		pg.moves.Add(widget.NewLabel("该安置已结束；如需再次推荐请在“匹配推荐”中新建。"))
	}
	pg.moves.Refresh()

	pg.contract.SetText(contractLine(p))
	pg.fillFollowUps()
}

// contractLine is the contract and insurance in a sentence.
func contractLine(p *data.Placement) string {
	c := "劳动合同：未签订"
	if p.ContractSigned {
		c = "劳动合同：" + p.ContractDate.String() + " 签订"
		if p.ContractMonths > 0 {
			c += fmt.Sprintf("，期限 %d 个月", p.ContractMonths)
		}
	}
	yes := func(b bool) string {
		if b {
			return "已参保"
		}
		return "未参保"
	}
	return c + "\n社会保险：" + yes(p.SocialInsurance) + "　工伤保险：" + yes(p.AccidentInsurance)
}

func (pg *placementPage) fillFollowUps() {
	pg.followUps.Objects = nil
	fs, err := pg.s.st.PlacementFollowUps(pg.p.ID)
	if err != nil {
		pg.followUps.Add(widget.NewLabel("读取跟踪服务出错：" + err.Error()))
	}
	if err == nil && len(fs) == 0 {
		pg.followUps.Add(widget.NewLabel("暂无"))
	}
	today := pg.s.st.Today()
	for i := range fs {
		f := &fs[i]
		l := wrapLabel(followUpLine(f, today))
		if f.Overdue(today) {
			l.Importance = widget.DangerImportance
		}
		pg.followUps.Add(l)
	}
	pg.followUps.Refresh()
}

// followUpLine is a follow-up in a line: 2026-10-17 回访 已完成 电话：情况良好.
func followUpLine(f *data.FollowUp, today data.Date) string {
	parts := []string{f.DueOn.String(), f.Kind.Label(), dueText(f, today)}
	if f.Method != "" && f.Status == data.FollowUpDone {
		parts = append(parts, labelForCode(data.Methods, f.Method))
	}
	if f.Amount > 0 {
		parts = append(parts, f.Amount.String()+"元")
	}
	line := strings.Join(parts, " ")
	if text := strings.TrimSpace(f.Outcome + " " + f.Notes); text != "" {
		line += "：" + text
	}
	return line
}

// moveTo asks for the dates the step needs (上岗 before 录用 asks for
// both) and what the stage needs, and moves the placement to st.
func (pg *placementPage) moveTo(st data.Stage) {
	g := pg.s.g
	type dateField struct {
		stage data.Stage
		label string
		entry *textEntry
	}
	var dates []dateField
	var items []fyne.CanvasObject
	for _, ds := range pg.p.StepDates(st) {
		e := newTextEntry("如 2026-01-31")
		e.SetText(pg.s.st.Today().String())
		f := dateField{ds, data.StageDateLabel(ds), e}
		dates = append(dates, f)
		items = append(items, widget.NewLabel(f.label), e)
	}
	var reason *widget.Select
	var note *textEntry
	if st.Ended() {
		reason = widget.NewSelect(labelsOf(data.CloseReasons), nil)
		reason.PlaceHolder = "请选择结束原因"
		note = newTextEntry("补充说明（可不填）")
		items = append(items, widget.NewLabel("结束原因"), reason, widget.NewLabel("说明"), note)
	}
	opened := pg.p
	fd := g.newFormDialogAsking("改为"+st.Label()+"："+placementWorker(opened), container.NewVBox(items...), "保存", func(finish func(error)) {
		pg.save(opened, func(next *data.Placement) error {
			next.Stage = st
			for _, f := range dates {
				on, msg := parseDateText(f.entry.Text)
				if msg != "" {
					return errors.New(f.label + "：" + msg)
				}
				if on.IsZero() {
					return errors.New(f.label + "：请填写日期")
				}
				next.SetStageDate(f.stage, on)
			}
			if reason != nil {
				next.CloseReason = codeForLabel(data.CloseReasons, reason.Selected)
				next.CloseNote = strings.TrimSpace(note.Text)
			}
			return nil
		}, finish)
	})
	last := dates[len(dates)-1].entry
	last.OnSubmitted = func(string) { fd.submit() }
	fd.show()
	g.focus(dates[0].entry)
}

// editContract records the labour contract and the insurances.
func (pg *placementPage) editContract() {
	g, p := pg.s.g, pg.p
	signed := newCheck("已签订劳动合同", nil)
	signed.SetChecked(p.ContractSigned)
	date := newTextEntry("签订日期，如 2026-01-31")
	if !p.ContractDate.IsZero() {
		date.SetText(p.ContractDate.String())
	} else {
		date.SetText(pg.s.st.Today().String())
	}
	months := newTextEntry("合同期限（月）")
	months.SetText(intText(p.ContractMonths))
	social := newCheck("已参加社会保险", nil)
	social.SetChecked(p.SocialInsurance)
	accident := newCheck("已参加工伤保险", nil)
	accident.SetChecked(p.AccidentInsurance)
	content := container.NewVBox(signed, widget.NewLabel("签订日期"), date, widget.NewLabel("合同期限（月）"), months,
		widget.NewSeparator(), social, accident)
	g.newFormDialogAsking("劳动合同与保险："+placementWorker(p), content, "保存", func(finish func(error)) {
		pg.save(p, func(next *data.Placement) error {
			next.ContractSigned = signed.Checked
			next.ContractDate = data.Date{}
			if signed.Checked {
				d, msg := parseDateText(date.Text)
				if msg != "" {
					return errors.New("签订日期：" + msg)
				}
				next.ContractDate = d
			}
			n, msg := parseOptionalInt(months.Text, "合同期限")
			if msg != "" {
				return errors.New(msg)
			}
			next.ContractMonths = n
			next.SocialInsurance, next.AccidentInsurance = social.Checked, accident.Checked
			return nil
		}, finish)
	}).show()
}

// save writes a dialog's change (set) of the placement as the dialog was
// opened on: when another clerk saved the placement meanwhile (another
// desktop, or a partner's bundle), the fields the dialog holds that the
// other clerk set differently are offered for a choice (记录已被其他经办人修改)
// rather than silently overwritten; its other fields keep the other
// clerk's values. finish gets nil once stored (the page reloads), or the
// reason to show in the dialog.
func (pg *placementPage) save(opened *data.Placement, set func(next *data.Placement) error, finish func(error)) {
	change := partEdit(func(next *data.Placement) error {
		next.Worker, next.Demand = nil, nil // the joined rows are not the placement's to write
		return set(next)
	})
	pg.s.g.saveEdit(pg.s.st, opened, change, func() {
		finish(nil)
		pg.reload()
	}, finish)
}
