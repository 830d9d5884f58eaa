package storage

import (
	"duikou/data"
	"fmt"
	"reflect"
)

// Create validates and stores a new record with its op and audit entry.
func (tx *Tx) Create(rec data.Record) error {
	h, err := hooks(rec)
	if err != nil {
		return err
	}
	if err := h.prepare(tx, nil); err != nil {
		return err
	}
	if err := tx.insert(rec); err != nil {
		return err
	}
	return tx.wrote(rec, nil, h, data.ActCreate, "新增")
}

// Update validates rec and stores the columns that changed.
func (tx *Tx) Update(rec data.Record) error {
	h, err := hooks(rec)
	if err != nil {
		return err
	}
	old := reflect.New(reflect.TypeOf(rec).Elem()).Interface().(data.Record)
	if err := tx.load(old, rec.SyncInfo().ID); err != nil {
		return err
	}
	if err := h.prepare(tx, old); err != nil {
		return err
	}
	changed, err := tx.update(old, rec)
	if err != nil || !changed {
		return err
	}
	return tx.wrote(rec, old, h, data.ActUpdate, "修改")
}

// wrote finishes a write of rec (old the row before it, nil for a new
// one): the bookkeeping that follows every write, then the audit entry,
// act with verb before the record's description.
func (tx *Tx) wrote(rec, old data.Record, h recordHooks, act data.Action, verb string) error {
	if err := afterWrite(tx, rec, old); err != nil {
		return err
	}
	if !tx.quiet { // describing every row of a bulk job costs more than writing it
		tx.auditRow(act, tableOf(tx, rec), rec.SyncInfo().ID, verb+h.describe())
	}
	return nil
}

// Delete tombstones the record of rec's type with rec's ID.
func (tx *Tx) Delete(rec data.Record) error {
	id := rec.SyncInfo().ID
	if err := tx.load(rec, id); err != nil {
		return err
	}
	h, err := hooks(rec)
	if err != nil {
		return err
	}
	if err := h.beforeDelete(tx); err != nil {
		return err
	}
	old := reflect.New(reflect.TypeOf(rec).Elem())
	old.Elem().Set(reflect.ValueOf(rec).Elem())
	rec.SyncInfo().Deleted = true
	if _, err := tx.update(old.Interface().(data.Record), rec); err != nil {
		return err
	}
	if err := afterWrite(tx, rec, old.Interface().(data.Record)); err != nil {
		return err
	}
	tx.auditRow(data.ActDelete, tableOf(tx, rec), id, "删除"+h.describe())
	return nil
}

func tableOf(tx *Tx, rec any) data.Table {
	_, table, _ := tx.columns(rec)
	return table
}

// Create stores a new record in its own transaction.
func (s *Store) Create(rec data.Record) error {
	return s.Write(func(tx *Tx) error { return tx.Create(rec) })
}

// Update stores a changed record in its own transaction.
func (s *Store) Update(rec data.Record) error {
	return s.Write(func(tx *Tx) error { return tx.Update(rec) })
}

// Delete tombstones a record (of rec's type, with rec's ID).
func (s *Store) Delete(rec data.Record) error {
	return s.Write(func(tx *Tx) error { return tx.Delete(rec) })
}

// get loads a live record by id.
func get[T any, PT interface {
	*T
	data.Record
}](s *Store, id string) (*T, error) {
	rec := PT(new(T))
	res := s.db.Where("id = ? AND deleted = ?", id, false).Limit(1).Find(rec)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, fmt.Errorf("%s %s：%w", rec.RecordName(), id, data.ErrNotFound)
	}
	return (*T)(rec), nil
}

// Worker loads a live worker.
func (s *Store) Worker(id string) (*data.Worker, error) { return get[data.Worker](s, id) }

// Employer loads a live employer.
func (s *Store) Employer(id string) (*data.Employer, error) { return get[data.Employer](s, id) }

// Demand loads a live demand.
func (s *Store) Demand(id string) (*data.Demand, error) { return get[data.Demand](s, id) }

// Placement loads a live placement.
func (s *Store) Placement(id string) (*data.Placement, error) { return get[data.Placement](s, id) }

// FollowUp loads a live follow-up.
func (s *Store) FollowUp(id string) (*data.FollowUp, error) { return get[data.FollowUp](s, id) }
