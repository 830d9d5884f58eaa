package app

import (
	"errors"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

// The two sides of a field another clerk changed while this clerk had the
// form open: the radio words the clerk chooses between.
const (
	theirsWord = "对方保存的值"
	yoursWord  = "您填写的值"
)

// errMeanwhileKept is the form's line when the clerk closes the choice
// without saving: the form keeps what was typed.
var errMeanwhileKept = errors.New("其他经办人在您打开后修改了这条记录，您的修改尚未保存")

// saveEdited saves mine, a form's record edited from opened. When another
// clerk (another desktop, or a partner's bundle) saved the row meanwhile,
// nothing is written; the clerk sees each field that differs with both
// values side by side and chooses, and 保存 tries again against the row as
// it is now, so a third save in between is caught the same way. saved
// runs once the record is stored; refused shows an error in the form.
func (g *GUI) saveEdited(st EditSaver, opened, mine data.Record, saved func(), refused func(error)) {
	g.saveEdit(st, opened, func(data.Record) (data.Record, error) { return mine, nil }, saved, refused)
}

// An edit is what the clerk changed, applied to a version of the record:
// a record form returns the whole record it holds, whatever the version;
// a dialog that holds a few of the record's fields (a placement's stage
// or contract, a follow-up's result) returns a copy of base with those
// fields set, so the fields it does not hold keep the version's values.
// It must not change base.
type edit func(base data.Record) (data.Record, error)

// saveEdit is saveEdited for an edit: tried first on opened and, when
// another clerk saved the row meanwhile, applied again to the row as it
// is now, so only the fields the clerk's dialog holds can differ from the
// other clerk's and be offered for a choice.
func (g *GUI) saveEdit(st EditSaver, opened data.Record, change edit, saved func(), refused func(error)) {
	mine, err := change(opened)
	if err == nil {
		err = st.UpdateFrom(mine, opened.SyncInfo().HLC)
	}
	var cm *storage.ChangedMeanwhile
	switch {
	case errors.As(err, &cm):
		g.chooseMeanwhile(st, opened, change, cm.Current, saved, refused)
	case err != nil:
		refused(err)
	default:
		saved()
	}
}

// partEdit is the edit of a dialog that sets some fields of a T: set
// runs on a copy of the base version.
func partEdit[T any, P interface {
	*T
	data.Record
}](set func(rec P) error) edit {
	return func(base data.Record) (data.Record, error) {
		rec := P(new(T))
		*rec = *base.(P)
		if err := set(rec); err != nil {
			return nil, err
		}
		return rec, nil
	}
}

// fieldChoice is one row of the choice: which side the clerk keeps.
type fieldChoice struct {
	storage.FieldChoice
	theirs, yours *widget.RadioGroup
}

func (c *fieldChoice) keepTheirs() bool { return c.theirs.Selected != "" }

// chooseMeanwhile shows the fields the other clerk changed that this
// clerk's form holds differently, 对方保存的值 beside 您填写的值, each on
// 您填写的值 until the clerk picks the other.
func (g *GUI) chooseMeanwhile(st EditSaver, opened data.Record, change edit, current data.Record, saved func(), refused func(error)) {
	mine, err := change(current)
	if err != nil {
		refused(err)
		return
	}
	fields, err := st.FieldsChangedMeanwhile(opened, mine, current)
	if err != nil {
		refused(err)
		return
	}
	if len(fields) == 0 {
		// The other clerk changed only what this clerk left alone or set
		// to the same value: nothing to choose, save on the new version.
		g.saveEdit(st, current, change, saved, refused)
		return
	}
	rows := container.NewVBox()
	choices := make([]*fieldChoice, len(fields))
	for i, f := range fields {
		c := &fieldChoice{FieldChoice: f}
		c.theirs = widget.NewRadioGroup([]string{theirsWord}, nil)
		c.yours = widget.NewRadioGroup([]string{yoursWord}, nil)
		c.yours.SetSelected(yoursWord)
		// Two groups of one option each, so each value sits under its
		// own word; picking one clears the other.
		c.theirs.OnChanged = func(s string) {
			if s != "" {
				c.yours.SetSelected("")
			}
		}
		c.yours.OnChanged = func(s string) {
			if s != "" {
				c.theirs.SetSelected("")
			}
		}
		c.theirs.Required, c.yours.Required = true, true
		choices[i] = c
		title := widget.NewLabelWithStyle(fieldLabel(f.Column), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		rows.Add(container.NewVBox(title, container.NewGridWithColumns(2,
			c.theirs, c.yours,
			wrappedText(meanwhileValue(f.Table, f.Column, f.Theirs), 290),
			wrappedText(meanwhileValue(f.Table, f.Column, f.Yours), 290))))
		rows.Add(widget.NewSeparator())
	}
	intro := wrappedText("您打开这条"+current.RecordName()+"后，其他经办人修改并保存了下列字段，与您填写的不同。"+
		"请逐项选择保留哪一个值；您修改的其他字段照常保存。", 600)
	scroll := container.NewVScroll(rows)
	height := rows.MinSize().Height
	if height > 380 {
		height = 380 // fits a 1000×690 window with the title and buttons
	}
	scroll.SetMinSize(fyne.NewSize(600, height))
	d := dialog.NewCustomWithoutButtons("记录已被其他经办人修改", container.NewVBox(intro, scroll), g.win)
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() {
		d.Hide()
		g.saveEdit(st, current, keepTheirs(st, change, current, choices), saved, refused)
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() {
		d.Hide()
		refused(errMeanwhileKept)
	})
	d.SetButtons([]fyne.CanvasObject{cancel, save})
	d.Show()
}

// keepTheirs is change with the fields where the clerk kept the other
// clerk's value taken from current, on a copy (a record form's change
// returns the form's own record every time).
func keepTheirs(st EditSaver, change edit, current data.Record, choices []*fieldChoice) edit {
	var take []string
	for _, c := range choices {
		if c.keepTheirs() {
			take = append(take, c.Column)
		}
	}
	return func(base data.Record) (data.Record, error) {
		mine, err := change(base)
		if err != nil {
			return nil, err
		}
		v := reflect.New(reflect.TypeOf(mine).Elem())
		v.Elem().Set(reflect.ValueOf(mine).Elem())
		merged := v.Interface().(data.Record)
		if err := st.TakeFields(merged, current, take); err != nil {
			return nil, err
		}
		return merged, nil
	}
}

// meanwhileValue is a stored value in words; ID numbers and phones stay
// masked, as in the lists (the form's 显示 is where they are revealed).
func meanwhileValue(table data.Table, column, raw string) string {
	s := data.ConflictValue(table, column, raw)
	switch column {
	case "id_number":
		s = ident.MaskID(s)
	case "phone": // a worker's; an employer's contact phone is shown in full everywhere
		s = ident.MaskPhone(s)
	}
	return orDash(s)
}
