package storage

import (
	"duikou/data"
	"fmt"
)

// recordHooks is what the generic write path runs for each synced record
// type: the record's own rules with the checks that need the database
// around them, the refusal of a delete that would orphan live work, and a
// one-line masked summary for the audit log.
type recordHooks struct {
	// prepare normalises and validates the record before it is written;
	// old is the stored row for an update, nil for a create.
	prepare func(tx *Tx, old data.Record) error
	// beforeDelete refuses a delete that would orphan live work.
	beforeDelete func(tx *Tx) error
	// describe is a one-line masked summary for the audit log.
	describe func() string
}

func hooks(rec data.Record) (recordHooks, error) {
	none := func(*Tx) error { return nil }
	switch r := rec.(type) {
	case *data.Worker:
		return recordHooks{func(tx *Tx, old data.Record) error { return prepareWorker(tx, r, old) },
			func(tx *Tx) error { return workerBeforeDelete(tx, r) }, r.Describe}, nil
	case *data.Employer:
		return recordHooks{func(tx *Tx, old data.Record) error { return prepareEmployer(tx, r, old) },
			func(tx *Tx) error { return employerBeforeDelete(tx, r) }, r.Describe}, nil
	case *data.Demand:
		return recordHooks{func(tx *Tx, old data.Record) error { return prepareDemand(tx, r, old) },
			func(tx *Tx) error { return demandBeforeDelete(tx, r) }, r.Describe}, nil
	case *data.Placement:
		return recordHooks{func(tx *Tx, old data.Record) error { return preparePlacement(tx, r, old) }, none, r.Describe}, nil
	case *data.FollowUp:
		return recordHooks{func(tx *Tx, old data.Record) error { return prepareFollowUp(tx, r, old) }, none, r.Describe}, nil
	case *data.SubsidyClaim:
		return recordHooks{func(tx *Tx, old data.Record) error { return prepareClaim(tx, r, old) }, none, r.Describe}, nil
	}
	return recordHooks{}, fmt.Errorf("data: %T is not a synced record", rec)
}

// prepareWorker: a withdrawn husk is not edited here, the worker's own
// rules hold, and (for a local change) no second live worker has the same
// ID number.
func prepareWorker(tx *Tx, w *data.Worker, old data.Record) error {
	if o, ok := old.(*data.Worker); ok && !tx.remote && data.IsHusk(o) {
		return data.HuskEditError(o)
	}
	if err := w.Validate(); err != nil {
		return err
	}
	if !tx.remote {
		if err := tx.checkRegistration(w, old); err != nil { // worker_registration.go
			return err
		}
	}
	if tx.remote {
		return nil // the same person registered at two offices is listed, not refused
	}
	name, err := tx.liveNamed(data.TableWorkers, "id_number", w.IDNumber, old)
	if err != nil {
		return err
	}
	if name != nil {
		return data.NewFieldError("劳动者", "IDNumber", "身份证号", fmt.Sprintf("已登记为劳动者“%s”，请勿重复登记", *name))
	}
	return nil
}

// liveNamed is the name of another live row of table whose column holds
// value (not old itself), or nil: the duplicate check of a unique number,
// run once per row by an import, so through a compiled statement.
func (tx *Tx) liveNamed(table data.Table, column, value string, old data.Record) (*string, error) {
	if old == nil {
		if name, known := tx.knownLive(table, column, value); known { // live_keys.go
			return name, nil
		}
	}
	query := "SELECT name FROM " + string(table) + " WHERE " + column + " = ? AND deleted = ?"
	args := []any{value, false}
	if old != nil {
		query += " AND id <> ?"
		args = append(args, old.SyncInfo().ID)
	}
	var name string
	found, err := tx.lookup(query+" LIMIT 1", args, &name)
	if err != nil || !found {
		return nil, err
	}
	return &name, nil
}

// A worker with a placement still under way cannot be deleted.
func workerBeforeDelete(tx *Tx, w *data.Worker) error {
	var n int64
	if err := tx.db.Model(&data.Placement{}).Where("worker_id = ? AND deleted = ? AND stage IN ?", w.ID, false,
		[]data.Stage{data.StageReferred, data.StageInterviewed, data.StageHired, data.StageStarted}).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("劳动者“%s”有%d条进行中的就业安置，请先结束安置再删除", w.Name, n)
	}
	return nil
}

// prepareEmployer: the employer's own rules, and (for a local change) no
// second live employer with the same credit code.
func prepareEmployer(tx *Tx, e *data.Employer, old data.Record) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if tx.remote {
		return nil
	}
	name, err := tx.liveNamed(data.TableEmployers, "credit_code", e.CreditCode, old)
	if err != nil {
		return err
	}
	if name != nil {
		return data.NewFieldError("用工单位", "CreditCode", "统一社会信用代码", fmt.Sprintf("已登记为“%s”", *name))
	}
	return nil
}

// An employer with live demands cannot be deleted.
func employerBeforeDelete(tx *Tx, e *data.Employer) error {
	var n int64
	if err := tx.db.Model(&data.Demand{}).Where("employer_id = ? AND deleted = ?", e.ID, false).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("用工单位“%s”还有%d条用工需求，请先删除这些需求", e.Name, n)
	}
	return nil
}

// prepareDemand: the employer exists, the demand's own rules hold, and the
// filled count stays what the placements say.
func prepareDemand(tx *Tx, d *data.Demand, old data.Record) error {
	if d.EmployerID != "" {
		var emp data.Employer
		if err := tx.load(&emp, d.EmployerID); err != nil {
			return data.NewFieldError("用工需求", "EmployerID", "用工单位", "所选用工单位不存在或已删除")
		}
	}
	if err := d.Validate(); err != nil {
		return err
	}
	if old != nil {
		prev := old.(*data.Demand) // the counts derive from placements, never from the form
		d.Filled, d.Referred = prev.Filled, prev.Referred
	}
	return nil
}

// A demand with placements under way cannot be deleted.
func demandBeforeDelete(tx *Tx, d *data.Demand) error {
	var n int64
	if err := tx.db.Model(&data.Placement{}).Where("demand_id = ? AND deleted = ? AND stage IN ?", d.ID, false,
		[]data.Stage{data.StageReferred, data.StageInterviewed, data.StageHired, data.StageStarted}).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("该用工需求有%d条进行中的就业安置，请先结束安置再删除", n)
	}
	return nil
}

// prepareFollowUp: the owner's split is kept, the worker and placement
// exist, the item's own rules hold, and the responsible office defaults
// by kind.
func prepareFollowUp(tx *Tx, f *data.FollowUp, old data.Record) error {
	const rec = "跟踪服务"
	if err := checkOwnerEdit(tx, f, old); err != nil {
		return err
	}
	var w data.Worker
	if err := tx.load(&w, f.WorkerID); err != nil {
		return data.NewFieldError(rec, "WorkerID", "劳动者", "所选劳动者不存在或已删除")
	}
	if f.PlacementID != nil && *f.PlacementID == "" {
		f.PlacementID = nil
	}
	if f.PlacementID != nil {
		var p data.Placement
		if err := tx.load(&p, *f.PlacementID); err != nil {
			return data.NewFieldError(rec, "PlacementID", "就业安置", "所选就业安置不存在或已删除")
		}
	}
	if err := f.Validate(data.Rules{Today: tx.s.today(), Remote: tx.remote}); err != nil {
		return err
	}
	if f.ResponsibleOffice == "" {
		f.ResponsibleOffice = tx.ResponsibleFor(f.Kind)
	}
	return nil
}
