package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/ident"
)

// ownerAuto lets the Store choose the responsible office by the split of
// duties (欠薪 and disputes to the receiving side, hardship to the sending
// side).
const ownerAuto = "按分工自动确定"

// newFollowUpDialog asks for a new follow-up: on worker w and placement p
// when given (from a placement's page), else the clerk finds the worker by
// name or ID number. after, if not nil, runs once it is saved.
func newFollowUpDialog(g *GUI, st FollowUpAdder, w *data.Worker, p *data.Placement, after func()) *formDialog {
	var found []data.Worker
	var who fyne.CanvasObject
	pick := widget.NewSelect(nil, nil)
	if w != nil {
		who = widget.NewLabel(w.Name + "（" + ident.MaskID(w.IDNumber) + "）")
	} else {
		search := newTextEntry("姓名或身份证号，回车查找")
		pick.PlaceHolder = "先查找劳动者"
		find := func() {
			rows, _, err := st.ListWorkers(data.WorkerFilter{Text: strings.TrimSpace(search.Text)}, data.Page{Limit: 20})
			if err != nil {
				g.showError("查找劳动者出错", err)
				return
			}
			found = rows
			opts := make([]string, len(rows))
			for i, r := range rows {
				opts[i] = r.Name + "（" + ident.MaskID(r.IDNumber) + "）"
			}
			pick.SetOptions(opts)
			if len(opts) > 0 {
				pick.SetSelectedIndex(0)
			} else {
				pick.ClearSelected()
				pick.PlaceHolder = "没有找到"
				pick.Refresh()
			}
		}
		search.OnSubmitted = func(string) { find() }
		who = container.NewVBox(container.NewBorder(nil, nil, nil, widget.NewButton("查找", find), search), pick)
	}
	kind := widget.NewSelect(labelsOf(data.FollowUpKinds), nil)
	kind.PlaceHolder = "请选择"
	kind.SetSelectedIndex(0)
	due := newTextEntry("如 2026-01-31")
	due.SetText(st.Today().String())
	owners := []string{ownerAuto, ownerMine}
	partners, _ := st.Partners()
	for _, pt := range partners {
		owners = append(owners, "对方："+pt.Name)
	}
	owner := widget.NewSelect(owners, nil)
	owner.PlaceHolder = "请选择"
	owner.SetSelectedIndex(0)
	amount := newTextEntry("如欠薪金额，可不填")
	notes := newTextEntry("情况说明")
	content := container.NewVBox(widget.NewLabel("劳动者"), who, widget.NewLabel("类别"), kind,
		widget.NewLabel("到期日"), due, widget.NewLabel("负责方"), owner,
		widget.NewLabel("金额（元）"), amount, widget.NewLabel("说明"), notes)
	return g.newFormDialog("新增跟踪服务", content, "保存", func() error {
		f := &data.FollowUp{Kind: data.FollowUpKind(codeForLabel(data.FollowUpKinds, kind.Selected))}
		switch {
		case w != nil:
			f.WorkerID = w.ID
		case pick.SelectedIndex() >= 0 && pick.SelectedIndex() < len(found):
			f.WorkerID = found[pick.SelectedIndex()].ID
		default:
			return errors.New("劳动者：请先查找并选择劳动者")
		}
		if p != nil {
			id := p.ID
			f.PlacementID = &id
		}
		d, msg := parseDateText(due.Text)
		if msg != "" {
			return errors.New("到期日：" + msg)
		}
		f.DueOn = d
		if f.Amount, msg = parseYuanText(amount.Text); msg != "" {
			return errors.New("金额：" + msg)
		}
		f.Notes = strings.TrimSpace(notes.Text)
		switch i := owner.SelectedIndex(); {
		case i == 1:
			if o := st.Office(); o != nil {
				f.ResponsibleOffice = o.ID
			}
		case i >= 2:
			f.ResponsibleOffice = partners[i-2].ID
		}
		if err := st.Create(f); err != nil {
			return err
		}
		if after != nil {
			after()
		}
		return nil
	})
}
