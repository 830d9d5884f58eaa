package storage

import (
	"bytes"
	"duikou/data"
	"reflect"

	"gorm.io/gorm/clause"
)

// ChangedMeanwhile refuses a save: another clerk (another desktop, or a
// partner's bundle) wrote the row after the clerk's form was opened.
// Nothing was written; Current is the row as it is now, for the clerk to
// choose between the two values of each field (FieldsChangedMeanwhile).
type ChangedMeanwhile struct {
	Current data.Record
}

func (e *ChangedMeanwhile) Error() string {
	return "其他经办人在您打开后修改了这条" + e.Current.RecordName() + "，请对照双方的值后再保存"
}

// UpdateFrom is Update for a form opened at version opened (the row's HLC
// when it was read): every write of a row gives it a new HLC, so a row
// whose HLC is no longer opened was changed by someone else meanwhile,
// and saving over it would silently undo that change. The check and the
// write share the transaction, and the row is read FOR UPDATE (PostgreSQL
// holds it until commit; SQLite's BEGIN IMMEDIATE already keeps every
// other writer out), so nothing can come between them.
func (tx *Tx) UpdateFrom(rec data.Record, opened int64) error {
	current := reflect.New(reflect.TypeOf(rec).Elem()).Interface().(data.Record)
	res := tx.db.Clauses(clause.Locking{Strength: "UPDATE"}).
		Where("id = ? AND deleted = ?", rec.SyncInfo().ID, false).Limit(1).Find(current)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return tx.Update(rec) // gone meanwhile: Update says so in the clerk's words
	}
	if current.SyncInfo().HLC != opened {
		return &ChangedMeanwhile{Current: current}
	}
	return tx.Update(rec)
}

// UpdateFrom stores a record edited from the version opened, in its own
// transaction; a *ChangedMeanwhile when the row moved on since.
func (s *Store) UpdateFrom(rec data.Record, opened int64) error {
	return s.Write(func(tx *Tx) error { return tx.UpdateFrom(rec, opened) })
}

// FieldChoice is one travelling column that another clerk changed
// meanwhile and that the clerk's form holds differently: both values as
// JSON (data.ConflictValue shows them in words).
type FieldChoice struct {
	Table         data.Table
	Column        string
	Theirs, Yours string
}

// FieldsChangedMeanwhile lists, in the record's field order, the columns where current
// differs from opened (the other clerk changed them) and from yours (the
// clerk's form says otherwise). Columns only the clerk changed are not
// listed: there is nothing to choose, the clerk's value stands.
func (s *Store) FieldsChangedMeanwhile(opened, yours, current data.Record) ([]FieldChoice, error) {
	was, _, err := travellingValues(s.db, opened)
	if err != nil {
		return nil, err
	}
	mine, table, err := travellingValues(s.db, yours)
	if err != nil {
		return nil, err
	}
	now, _, err := travellingValues(s.db, current)
	if err != nil {
		return nil, err
	}
	cols, _, err := travellingColumns(s.db, current) // the record's own order, as the form has it
	if err != nil {
		return nil, err
	}
	var out []FieldChoice
	for _, f := range cols {
		col := f.DBName
		if v := now[col]; !bytes.Equal(v, was[col]) && !bytes.Equal(v, mine[col]) {
			out = append(out, FieldChoice{Table: table, Column: col, Theirs: string(v), Yours: string(mine[col])})
		}
	}
	return out, nil
}

// TakeFields copies the named travelling columns from src into dst (both
// of one record type): the fields where the clerk kept the other clerk's
// value.
func (s *Store) TakeFields(dst, src data.Record, columns []string) error {
	vals, _, err := travellingValues(s.db, src)
	if err != nil {
		return err
	}
	for _, col := range columns {
		if err := setColumn(s.db, dst, col, vals[col]); err != nil {
			return err
		}
	}
	return nil
}
