package storage

import (
	"duikou/data"
	"encoding/json"
	"fmt"
)

// Conflicts lists the conflict list, open ones first, newest first.
func (s *Store) Conflicts(openOnly bool, limit int) ([]Conflict, error) {
	q := s.db.Order("resolved, id DESC").Limit(limit)
	if openOnly {
		q = q.Where("resolved = ?", false)
	}
	var out []Conflict
	return out, q.Find(&out).Error
}

// CountOpenConflicts counts conflicts waiting for a clerk.
func (s *Store) CountOpenConflicts() (int64, error) {
	var n int64
	return n, s.db.Model(&Conflict{}).Where("resolved = ?", false).Count(&n).Error
}

// ResolveConflict settles a conflict: keep the current value or take the
// one that lost. Either way an op is written on the field, based on what
// both offices now hold, so the decision travels: the partner fast-forwards
// to it and closes its own copy of the conflict.
func (s *Store) ResolveConflict(id int64, takeLoser bool) error {
	return s.Write(func(tx *Tx) error {
		var cf Conflict
		if err := tx.db.Where("id = ? AND resolved = ?", id, false).First(&cf).Error; err != nil {
			return fmt.Errorf("冲突 %d 不存在或已处理", id)
		}
		rec, err := tx.loadAny(cf.Table, cf.RowID)
		if err != nil {
			return err
		}
		if rec == nil {
			return fmt.Errorf("冲突所属的记录不存在")
		}
		cur, _, err := tx.values(rec)
		if err != nil {
			return err
		}
		value := cur[cf.Field]
		resolution := "保留当前值"
		if takeLoser {
			value, resolution = json.RawMessage(cf.LoserValue), "改用另一值"
		}
		if err := tx.setField(rec, cf.Field, value); err != nil {
			return err
		}
		tx.auditRow(data.ActUpdate, cf.Table, cf.RowID, fmt.Sprintf("处理冲突（%s）：%s", cf.Field, resolution))
		return tx.db.Model(&Conflict{}).Where("id = ?", id).
			Updates(map[string]any{"resolved": true, "resolved_at": s.now().UTC(), "resolution": resolution}).Error
	})
}

// setField writes one column with an op even when the value is unchanged
// (a decision to keep a value must travel too).
func (tx *Tx) setField(rec data.Record, column string, value json.RawMessage) error {
	sy := rec.SyncInfo()
	if err := setColumn(tx.db, rec, column, value); err != nil {
		return err
	}
	_, table, err := tx.columns(rec)
	if err != nil {
		return err
	}
	op := tx.nextOp(table, sy.ID)
	op.Fields[column] = FieldChange{Value: value, Base: sy.FieldOps.Base(column)}
	sy.FieldOps = cloneFieldOps(sy.FieldOps)
	sy.FieldOps[column] = op.Ref()
	sy.HLC = op.HLC
	if err := tx.db.Omit("Employer", "Worker", "Demand", "Placement").Save(rec).Error; err != nil {
		return err
	}
	if err := tx.db.Create(op).Error; err != nil {
		return err
	}
	tx.changes = append(tx.changes, data.Change{Table: table, ID: sy.ID, Deleted: sy.Deleted})
	return nil
}
