package app

import "duikou/data"

// The steps every record form (劳动者, 用工单位, 用工需求) takes the same
// way: write the record, leave without saving, delete it.

// write creates rec, or updates it when the form edits a stored record; a
// refused write (a *data.FieldError names the field) is shown on the form.
// It says whether rec was written.
func (fm *form) write(st RecordWriter, rec data.Record, isNew bool) bool {
	var err error
	if isNew {
		err = st.Create(rec)
	} else {
		err = st.Update(rec)
	}
	if err != nil {
		fm.refuseError(err)
		return false
	}
	return true
}

// leaveForm runs close, after the clerk confirms it when the form holds
// changes not yet saved.
func (g *GUI) leaveForm(dirty bool, close func()) {
	if !dirty {
		close()
		return
	}
	g.confirm("放弃修改", "填写的内容还没有保存，确定放弃吗？", "放弃修改", close)
}

// deleteRecord asks title's question and, when the clerk confirms,
// deletes rec (by its id) and runs done; a refused delete is shown.
func (g *GUI) deleteRecord(st RecordWriter, title, question string, rec data.Record, done func()) {
	g.confirm(title, question, "删除", func() {
		if err := st.Delete(rec); err != nil {
			g.showError("无法删除", err)
			return
		}
		done()
	})
}
