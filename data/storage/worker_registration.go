package storage

import (
	"fmt"

	"duikou/data"

	"gorm.io/gorm"
)

// A worker's 登记日期 (RegisteredOn): its default, its check against the
// calendar, and the migration that gave existing workers one.

// backfillRegistration gives the workers of a version-2 database their
// 登记日期: the local day their row was created here, which is what the
// lists and the 统计报表 showed as 登记日期 before the field existed. It
// writes no op: every office fills its own copy the same way, and a value
// a clerk later corrects travels as an ordinary edit.
func backfillRegistration(tx *gorm.DB) error {
	return tx.Exec("UPDATE workers SET registered_on = date(created_at, 'localtime') WHERE registered_on IS NULL").Error
}

// checkRegistration registers a worker that came without a 登记日期 (the
// form's default, an import row with the cell blank, a partner on an
// older version): an edit keeps the stored one; a new record is
// registered on the day it is stored, or on the day its creation time
// says when the caller set one (the demo backdates them). A local entry
// may not be registered after today.
func (tx *Tx) checkRegistration(w *data.Worker, old data.Record) error {
	today := tx.s.today()
	prev, _ := old.(*data.Worker)
	switch {
	case !w.RegisteredOn.IsZero():
	case prev != nil && !prev.RegisteredOn.IsZero():
		w.RegisteredOn = prev.RegisteredOn
	case !w.CreatedAt.IsZero():
		w.RegisteredOn = data.DateOf(w.CreatedAt.Local())
	default:
		w.RegisteredOn = today
	}
	if !tx.remote && w.RegisteredOn.After(today) {
		return data.NewFieldError("劳动者", "RegisteredOn", "登记日期", fmt.Sprintf("%s 晚于今天（%s）", w.RegisteredOn, today))
	}
	return nil
}
