package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
}

// skillsEditor edits a worker's skills: one line per 工种 with its level and
// certificate number; the first line is the main 工种 shown in lists.
type skillsEditor struct {
	rowsEditor[*skillRow]
	parent fyne.Window
}

func newSkillsEditor(parent fyne.Window) *skillsEditor {
	e := &skillsEditor{parent: parent}
	e.init(e, "添加技能", func() { e.addRow(data.Skill{}) }, func(i int, r *skillRow) fyne.CanvasObject {
		tag := widget.NewLabel(fmt.Sprintf("%d.", i+1))
		if i == 0 {
			tag.SetText("主")
		}
		return container.NewBorder(nil, nil, tag, nil, container.NewGridWithColumns(3, r.occ, r.level, r.cert))
	})
	e.added = func(r *skillRow) { r.occ.open() }
	return e
}

func (e *skillsEditor) setSkills(skills []data.Skill) { refillRows(&e.rowsEditor, skills, e.addRow) }

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

func (e *skillsEditor) skills() []data.Skill {
	var out []data.Skill
	for _, r := range e.rows {
		out = append(out, data.Skill{Occupation: r.occ.code, Level: levelOf(r.level.Selected), CertNo: strings.TrimSpace(r.cert.Text)})
	}
	return out
}

func (e *skillsEditor) check() string {
	seen := map[string]bool{}
	for i, r := range e.rows {
		if r.occ.code == "" {
			return fmt.Sprintf("第%d项技能还没有选工种（不需要请点删除）", i+1)
		}
		if seen[r.occ.code] {
			return fmt.Sprintf("第%d项技能的工种“%s”重复了", i+1, occName(r.occ.code))
		}
		seen[r.occ.code] = true
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
	rowsEditor[*trainingRow]
}

func newTrainingsEditor() *trainingsEditor {
	e := &trainingsEditor{}
	e.init(e, "添加培训经历", func() { e.addRow(data.Training{}) }, func(_ int, r *trainingRow) fyne.CanvasObject {
		return container.NewVBox(
			container.NewGridWithColumns(2, r.course, r.provider),
			container.NewGridWithColumns(3, r.from, r.to, r.cert))
	})
	return e
}

func (e *trainingsEditor) setTrainings(ts []data.Training) { refillRows(&e.rowsEditor, ts, e.addRow) }

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
