package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/storage"
)

// quickEntry records the result of one follow-up beside the list: method
// (电话 unless the item says otherwise), the result, the day it was done
// (today) and, for the kinds that carry money, the amount in yuan. A case
// the partner office owns takes only a note from this side (the Store
// refuses anything else).
type quickEntry struct {
	s     *followUpsScreen
	f     *data.FollowUp
	ours  bool
	built fyne.CanvasObject

	method  *widget.Select
	outcome *textEntry
	done    *textEntry
	amount  *textEntry
	closeIt *escCheck
	note    *textEntry
	errMsg  *cjkLabel
}

// amountLabel names the amount a kind records, "" for kinds without one.
func amountLabel(k data.FollowUpKind) string {
	switch k {
	case data.KindWarmth:
		return "慰问金（元）"
	case data.KindArrears:
		return "追回工资（元）"
	case data.KindHardship:
		return "帮扶金（元）"
	case data.KindInjury, data.KindDispute:
		return "涉及金额（元）"
	}
	return ""
}

func newQuickEntry(s *followUpsScreen, f *data.FollowUp) *quickEntry {
	return &quickEntry{s: s, f: f, ours: s.ours(f)}
}

func (q *quickEntry) view() fyne.CanvasObject {
	if q.built != nil {
		return q.built
	}
	f, today := q.f, q.s.st.Today()
	who := ""
	if f.Worker != nil {
		who = f.Worker.Name
	}
	title := widget.NewLabelWithStyle(f.Kind.Label()+" · "+who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	due := widget.NewLabel(fmt.Sprintf("到期 %s（%s）", f.DueOn, dueText(f, today)))
	if f.Overdue(today) {
		due.Importance = widget.DangerImportance
	}
	info := []fyne.CanvasObject{title, due}
	if f.Placement != nil {
		info = append(info, widget.NewLabel(placementEmployer(f.Placement)))
	}
	if f.Notes != "" {
		n := wrapLabel("备注：" + f.Notes)
		info = append(info, n)
	}
	q.errMsg = wrapLabel("")
	q.errMsg.Importance = widget.DangerImportance
	q.errMsg.Hide()
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), q.s.closeEntry)

	var above, form []fyne.CanvasObject                  // form: label / input rows
	footer := []fyne.CanvasObject{widget.NewSeparator()} // below the scrolling part, always in sight
	if q.ours {
		q.method = widget.NewSelect(labelsOf(data.Methods), nil)
		q.method.PlaceHolder = "请选择"
		method := f.Method
		if method == "" {
			method = "phone" // a call, unless the item was recorded otherwise
		}
		q.method.SetSelected(labelForCode(data.Methods, method))
		q.outcome = newTextEntry("如：情况良好，工资按时发放")
		q.outcome.SetText(f.Outcome)
		q.outcome.OnSubmitted = func(string) { q.save() }
		q.done = newTextEntry("如 2026-01-31")
		q.done.SetText(today.String())
		if !f.DoneOn.IsZero() {
			q.done.SetText(f.DoneOn.String())
		}
		q.done.OnSubmitted = func(string) { q.save() }
		q.closeIt = newCheck("已办结", nil)
		q.closeIt.SetChecked(true)
		form = append(form, formLabel("方式"), q.method, formLabel("结果"), q.outcome,
			formLabel("完成日期"), q.done)
		if l := amountLabel(f.Kind); l != "" {
			q.amount = newTextEntry("0.00")
			q.amount.SetText(yuanText(f.Amount))
			q.amount.OnSubmitted = func(string) { q.save() }
			form = append(form, formLabel(l), q.amount)
		}
		save := widget.NewButtonWithIcon("保存结果", theme.DocumentSaveIcon(), q.save)
		save.Importance = widget.HighImportance
		footer = append(footer, q.closeIt, q.errMsg, container.NewHBox(cancel, save))
	} else {
		owner := wrapLabel("该事项由对方工会负责，结果由对方记录；我方只能添加备注。")
		owner.Importance = widget.WarningImportance
		q.note = newTextEntry("如：已电话告知对方工会")
		q.note.OnSubmitted = func(string) { q.save() }
		add := widget.NewButtonWithIcon("添加备注", theme.DocumentSaveIcon(), q.save)
		add.Importance = widget.HighImportance
		above = append(above, owner)
		form = append(form, formLabel("备注"), q.note)
		footer = append(footer, q.errMsg, container.NewHBox(cancel, add))
	}
	// Each label stands beside its input, not above it: on a 1024 × 768
	// screen the list leaves room for the item's lines and every field
	// only so (TestRecordResultShowsEveryFieldOnASmallScreen).
	parts := append(append(info, widget.NewSeparator()), above...)
	box := container.NewVBox(append(parts, container.New(layout.NewFormLayout(), form...))...)
	// The panel scrolls within the list's height rather than making the
	// window taller (long notes); 已办结, the error and the buttons stay
	// below it, in sight at 1024 × 768.
	q.built = withWidth(330, widget.NewCard("", "记录结果",
		scrollAboveFooter(box, footer...)))
	return q.built
}

func (q *quickEntry) shown() {
	q.s.g.setActions(actions{Save: q.save, Cancel: q.s.closeEntry, New: q.s.openNew})
	if q.outcome != nil {
		q.s.g.focus(q.outcome)
	} else if q.note != nil {
		q.s.g.focus(q.note)
	}
}

// save writes the result (or the note) and closes the entry; the list
// reloads from the Store's change, so a recorded item leaves the 待办 and
// 逾期 views. When another clerk saved the item since it was listed, the
// result's fields they set differently are offered for a choice
// (记录已被其他经办人修改) and a note is added to theirs.
func (q *quickEntry) save() {
	q.write(func() {
		who := ""
		if q.f.Worker != nil {
			who = q.f.Worker.Name
		}
		q.s.closeEntry()
		q.s.say("已记录：" + who + " " + q.f.Kind.Label())
	}, func(err error) {
		q.errMsg.SetText(err.Error())
		q.errMsg.Show()
	})
}

func (q *quickEntry) write(saved func(), refused func(error)) {
	if !q.ours {
		text := strings.TrimSpace(q.note.Text)
		if text == "" {
			refused(errors.New("备注：请填写备注"))
			return
		}
		if err := addFollowUpNote(q.s.st, q.f.ID, text); err != nil {
			refused(err)
			return
		}
		saved()
		return
	}
	// The version the entry was filled from: the list's row.
	opened := q.f
	q.s.g.saveEdit(q.s.st, opened, partEdit(q.setResult), saved, refused)
}

// setResult puts the entry's result into f, a copy of a stored version.
func (q *quickEntry) setResult(f *data.FollowUp) error {
	st := q.s.st
	f.Worker, f.Placement = nil, nil // the list's joined rows are not the follow-up's to write
	on, msg := parseDateText(q.done.Text)
	if msg != "" {
		return errors.New("完成日期：" + msg)
	}
	f.Method = codeForLabel(data.Methods, q.method.Selected)
	f.Outcome = strings.TrimSpace(q.outcome.Text)
	if q.amount != nil {
		amt, msg := parseYuanText(q.amount.Text)
		if msg != "" {
			return errors.New("金额：" + msg)
		}
		f.Amount = amt
	}
	if q.closeIt.Checked {
		if f.Outcome == "" {
			return errors.New("结果：办结时请填写结果")
		}
		if on.IsZero() {
			on = st.Today()
		}
		f.Status, f.DoneOn = data.FollowUpDone, on
		if o := st.Office(); o != nil && f.HandledBy == "" {
			f.HandledBy = o.ClerkName
		}
	}
	return nil
}

// addFollowUpNote appends text to the notes of the follow-up as stored
// now. A note only adds to what is there, so there is nothing for the
// clerk to choose when another clerk saved the item meanwhile: the note
// is added to the version they saved, read again, a few times at most.
func addFollowUpNote(st FollowUpStore, id, text string) error {
	var err error
	for range 3 {
		var f *data.FollowUp
		if f, err = st.FollowUp(id); err != nil {
			return err
		}
		if f.Notes != "" {
			f.Notes += "；" + text
		} else {
			f.Notes = text
		}
		var cm *storage.ChangedMeanwhile
		if err = st.UpdateFrom(f, f.SyncInfo().HLC); !errors.As(err, &cm) {
			return err
		}
	}
	return err
}
