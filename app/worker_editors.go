package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/catalog"
)

// levelLabels are the skill levels for a picker, "无" first.
func levelLabels() []string {
	out := []string{catalog.LevelNone.Label()}
	for _, l := range catalog.SkillLevels() {
		out = append(out, l.Label())
	}
	return out
}

func levelOf(label string) catalog.SkillLevel {
	if l, ok := catalog.ParseSkillLevel(label); ok {
		return l
	}
	return catalog.LevelNone
}

// skillRow is one 工种 a worker holds.
type skillRow struct {
	occ   *occField
	level *widget.Select
	cert  *textEntry
	box   fyne.CanvasObject
}

// skillsEditor edits a worker's skills: one line per 工种 with its level and
// certificate number; the first line is the main 工种 shown in lists.
type skillsEditor struct {
	widget.BaseWidget
	parent    fyne.Window
	rows      []*skillRow
	lines     *fyne.Container
	add       *widget.Button
	onChanged func()
}

func newSkillsEditor(parent fyne.Window) *skillsEditor {
	e := &skillsEditor{parent: parent, lines: container.NewVBox()}
	e.add = widget.NewButtonWithIcon("添加技能", theme.ContentAddIcon(), func() {
		e.addRow(data.Skill{})
		e.layoutRows()
		e.changed()
		e.rows[len(e.rows)-1].occ.open()
	})
	e.ExtendBaseWidget(e)
	return e
}

func (e *skillsEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(e.lines, container.NewHBox(e.add)))
}

func (e *skillsEditor) changed() {
	if e.onChanged != nil {
		e.onChanged()
	}
}

func (e *skillsEditor) setSkills(skills []data.Skill) {
	e.rows = nil
	for _, s := range skills {
		e.addRow(s)
	}
	e.layoutRows()
}

func (e *skillsEditor) addRow(s data.Skill) {
	r := &skillRow{occ: newOccField(e.parent, false, "选择工种"), level: widget.NewSelect(levelLabels(), nil), cert: newTextEntry("证书编号")}
	r.occ.set(s.Occupation, false)
	r.level.PlaceHolder = "技能等级"
	r.level.SetSelected(s.Level.Label())
	r.cert.SetText(s.CertNo)
	r.occ.onChanged = func(string) { e.changed() }
	r.level.OnChanged = func(string) { e.changed() }
	r.cert.OnChanged = func(string) { e.changed() }
	e.rows = append(e.rows, r)
}

// layoutRows rebuilds the lines after rows were added or removed.
func (e *skillsEditor) layoutRows() {
	e.lines.Objects = nil
	for i, r := range e.rows {
		r := r
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeRow(r) })
		rm.Importance = widget.LowImportance
		tag := widget.NewLabel(fmt.Sprintf("%d.", i+1))
		if i == 0 {
			tag.SetText("主")
		}
		r.box = container.NewBorder(nil, nil, tag, rm,
			container.NewGridWithColumns(3, r.occ, r.level, r.cert))
		e.lines.Add(r.box)
	}
	e.lines.Refresh()
}

func (e *skillsEditor) removeRow(r *skillRow) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.layoutRows()
	e.changed()
}

func (e *skillsEditor) skills() []data.Skill {
	var out []data.Skill
	for _, r := range e.rows {
		out = append(out, data.Skill{Occupation: r.occ.key, Level: levelOf(r.level.Selected), CertNo: strings.TrimSpace(r.cert.Text)})
	}
	return out
}

func (e *skillsEditor) check() string {
	seen := map[string]bool{}
	for i, r := range e.rows {
		if r.occ.key == "" {
			return fmt.Sprintf("第%d项技能还没有选工种（不需要请点删除）", i+1)
		}
		if seen[r.occ.key] {
			return fmt.Sprintf("第%d项技能的工种“%s”重复了", i+1, occName(r.occ.key))
		}
		seen[r.occ.key] = true
	}
	return ""
}

// trainingRow is one course a worker attended.
type trainingRow struct {
	course, provider, from, to, cert *textEntry
}

// trainingsEditor edits a worker's trainings: course, provider, dates and
// certificate, one line each.
type trainingsEditor struct {
	widget.BaseWidget
	rows      []*trainingRow
	lines     *fyne.Container
	add       *widget.Button
	onChanged func()
}

func newTrainingsEditor() *trainingsEditor {
	e := &trainingsEditor{lines: container.NewVBox()}
	e.add = widget.NewButtonWithIcon("添加培训经历", theme.ContentAddIcon(), func() {
		e.addRow(data.Training{})
		e.layoutRows()
		e.changed()
	})
	e.ExtendBaseWidget(e)
	return e
}

func (e *trainingsEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(e.lines, container.NewHBox(e.add)))
}

func (e *trainingsEditor) changed() {
	if e.onChanged != nil {
		e.onChanged()
	}
}

func (e *trainingsEditor) setTrainings(ts []data.Training) {
	e.rows = nil
	for _, t := range ts {
		e.addRow(t)
	}
	e.layoutRows()
}

func (e *trainingsEditor) addRow(t data.Training) {
	r := &trainingRow{course: newTextEntry("课程，如：家政服务员培训"), provider: newTextEntry("培训机构"),
		from: newTextEntry("开始日期"), to: newTextEntry("结束日期"), cert: newTextEntry("结业证书编号")}
	r.course.SetText(t.Course)
	r.provider.SetText(t.Provider)
	r.from.SetText(t.From.String())
	r.to.SetText(t.To.String())
	r.cert.SetText(t.Certificate)
	for _, en := range []*textEntry{r.course, r.provider, r.from, r.to, r.cert} {
		en.OnChanged = func(string) { e.changed() }
	}
	e.rows = append(e.rows, r)
}

func (e *trainingsEditor) layoutRows() {
	e.lines.Objects = nil
	for _, r := range e.rows {
		r := r
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeRow(r) })
		rm.Importance = widget.LowImportance
		e.lines.Add(container.NewBorder(nil, nil, nil, rm, container.NewVBox(
			container.NewGridWithColumns(2, r.course, r.provider),
			container.NewGridWithColumns(3, r.from, r.to, r.cert))))
	}
	e.lines.Refresh()
}

func (e *trainingsEditor) removeRow(r *trainingRow) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.layoutRows()
	e.changed()
}

func (e *trainingsEditor) trainings() []data.Training {
	var out []data.Training
	for _, r := range e.rows {
		from, _ := data.ParseDate(r.from.Text)
		to, _ := data.ParseDate(r.to.Text)
		out = append(out, data.Training{Course: strings.TrimSpace(r.course.Text), Provider: strings.TrimSpace(r.provider.Text),
			From: from, To: to, Certificate: strings.TrimSpace(r.cert.Text)})
	}
	return out
}

func (e *trainingsEditor) check() string {
	for i, r := range e.rows {
		if strings.TrimSpace(r.course.Text) == "" {
			return fmt.Sprintf("第%d条培训经历没有填课程名称（不需要请点删除）", i+1)
		}
		from, err := data.ParseDate(r.from.Text)
		if err != nil {
			return fmt.Sprintf("第%d条培训经历的开始日期：%s", i+1, err.Error())
		}
		to, err := data.ParseDate(r.to.Text)
		if err != nil {
			return fmt.Sprintf("第%d条培训经历的结束日期：%s", i+1, err.Error())
		}
		if !from.IsZero() && !to.IsZero() && to.Before(from) {
			return fmt.Sprintf("第%d条培训经历的结束日期早于开始日期", i+1)
		}
	}
	return ""
}
