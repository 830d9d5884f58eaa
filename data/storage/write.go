package storage

import (
	"bytes"
	"context"
	"duikou/data"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"
)

// Tx is one write transaction. Every create, update and delete of a synced
// record through it appends its Op in the same transaction; the audit
// entries and change notices are written and sent when it commits.
type Tx struct {
	s       *Store
	db      *gorm.DB
	origin  string
	seq     int64
	clerk   string
	audits  []data.AuditEntry
	changes []data.Change
	// quiet collapses per-row audit entries (a bulk import or the demo
	// writes one summary entry instead of a million).
	quiet bool
	// remote marks a transaction applying a partner's changes: records are
	// checked for validity but not against rules that guard this office's
	// own entries (duplicates, capacity, our calendar).
	remote bool
	// withdrawn are the workers whose consent this transaction withdrew;
	// once it commits, their data are erased from the backups too
	// (consent_backups.go).
	withdrawn []string
}

// Write runs fn in one transaction: all of it is written or none.
func (s *Store) Write(fn func(tx *Tx) error) error { return s.write(false, fn) }

// WriteBulk is Write for bulk jobs: no per-row audit entries; fn should
// record a summary with tx.Audit.
func (s *Store) WriteBulk(fn func(tx *Tx) error) error { return s.write(true, fn) }

func (s *Store) write(quiet bool, fn func(tx *Tx) error) error {
	office := s.Office()
	if office == nil {
		return errors.New("请先完成本单位设置（工会名称、地区、角色）")
	}
	var tx *Tx
	transaction := func(fn func(db *gorm.DB) error) error { return s.db.Transaction(fn) }
	if quiet {
		transaction = s.bulkTransaction // a bulk job: no checkpoint on the clerk's time
	}
	err := transaction(func(db *gorm.DB) error {
		db = withExecCache(db) // each INSERT and UPDATE compiled once (stmt_cache.go)
		tx = &Tx{s: s, db: db, origin: office.ID, clerk: office.ClerkName, quiet: quiet}
		var err error
		if tx.seq, err = s.beginOpLog(db, office.ID); err != nil { // above the log and the floor (sync_restore.go)
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if c, ok := db.Statement.ConnPool.(*execCache); ok { // the rows still queued (insert_queue.go)
			if err := c.flush(context.Background()); err != nil {
				return err
			}
		}
		if err := s.dialect.announce(db, s.token, tx.changes); err != nil { // other desktops
			return err
		}
		if len(tx.audits) > 0 {
			return db.CreateInBatches(tx.audits, 200).Error
		}
		return nil
	})
	if err != nil {
		return s.explainBusy(err)
	}
	s.notify(tx.changes)
	s.scrubBackupsOf(tx.withdrawn)
	return nil
}

// Audit adds an entry to the log, written with the transaction.
func (tx *Tx) Audit(e data.AuditEntry) {
	if e.At.IsZero() {
		e.At = tx.s.now().UTC()
	}
	if e.Clerk == "" {
		e.Clerk = tx.clerk
	}
	tx.audits = append(tx.audits, e)
}

func (tx *Tx) auditRow(action data.Action, table data.Table, id, summary string) {
	if !tx.quiet {
		tx.Audit(data.AuditEntry{Action: action, Table: string(table), RowID: id, Count: 1, Summary: summary})
	}
}

// syncColumns lists, per record type, the columns that travel: every
// column except those tagged sync:"-" (derived or local bookkeeping).
var syncColumns sync.Map // reflect.Type -> []*schema.Field

func travellingColumns(db *gorm.DB, rec any) ([]*schema.Field, data.Table, error) {
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(rec); err != nil {
		return nil, "", err
	}
	t := reflect.TypeOf(rec)
	if cached, ok := syncColumns.Load(t); ok {
		return cached.([]*schema.Field), data.Table(stmt.Schema.Table), nil
	}
	var cols []*schema.Field
	for _, f := range stmt.Schema.Fields {
		if f.DBName == "" || f.DBName == "id" || f.Tag.Get("sync") == "-" {
			continue
		}
		cols = append(cols, f)
	}
	syncColumns.Store(t, cols)
	return cols, data.Table(stmt.Schema.Table), nil
}

// travellingValues encodes every travelling column of rec as JSON (the
// row's id travels as the op's RowID, not as a column).
func travellingValues(db *gorm.DB, rec any) (map[string]json.RawMessage, data.Table, error) {
	codec, err := codecFor(db, rec) // sync_rows.go: encoding/json's bytes, faster
	if err != nil {
		return nil, "", err
	}
	vals, err := codec.values(rec)
	return vals, codec.table, err
}

// setColumn decodes a travelling column's JSON value into rec.
func setColumn(db *gorm.DB, rec any, column string, value json.RawMessage) error {
	codec, err := codecFor(db, rec)
	if err != nil {
		return err
	}
	return codec.set(rec, column, value)
}

func (tx *Tx) columns(rec any) ([]*schema.Field, data.Table, error) {
	return travellingColumns(tx.db, rec)
}

func (tx *Tx) values(rec any) (map[string]json.RawMessage, data.Table, error) {
	return travellingValues(tx.db, rec)
}

func (tx *Tx) nextOp(table data.Table, rowID string) *Op {
	tx.seq++
	return &Op{Origin: tx.origin, Seq: tx.seq, HLC: tx.s.clock.Next(), Table: table, RowID: rowID,
		Fields: map[string]FieldChange{}}
}

// insert stores a new synced record and its creating op.
func (tx *Tx) insert(rec data.Record) error {
	sy := rec.SyncInfo()
	if sy.ID == "" {
		sy.ID = data.NewID()
	}
	vals, table, err := tx.values(rec)
	if err != nil {
		return err
	}
	op := tx.nextOp(table, sy.ID)
	for col, v := range vals {
		op.Fields[col] = FieldChange{Value: v}
	}
	sy.Origin, sy.HLC, sy.FieldOps = tx.origin, op.HLC, data.FieldOps{"*": op.Ref()}
	// Omit associations: GORM must not upsert the parents that a child's
	// pointer fields (Demand.Employer ...) may hold.
	if err := tx.createRow(rec); err != nil { // insert_fast.go
		return fmt.Errorf("保存%s失败：%w", rec.RecordName(), err)
	}
	if err := tx.createRow(op); err != nil {
		return err
	}
	tx.noteLive(rec) // a later row's duplicate check sees it, queued or not
	tx.changes = append(tx.changes, data.Change{Table: table, ID: sy.ID})
	return nil
}

// update stores rec over old (the row as it is in the database) and appends
// an op holding only the columns that changed, each with the op it was
// based on. An update that changes nothing writes nothing.
func (tx *Tx) update(old, rec data.Record) (changed bool, err error) {
	oldVals, table, err := tx.values(old)
	if err != nil {
		return false, err
	}
	newVals, _, err := tx.values(rec)
	if err != nil {
		return false, err
	}
	sy, osy := rec.SyncInfo(), old.SyncInfo()
	fops := data.FieldOps{}
	for k, v := range osy.FieldOps {
		fops[k] = v
	}
	// A withdrawal of consent is an op of its own, so it can travel to
	// the partners while the rest of the edit stays here (consent.go).
	withdrawal := tx.splitWithdrawal(table, osy, oldVals, newVals)
	if withdrawal != nil {
		fops[consentColumn] = withdrawal.Ref()
		oldVals[consentColumn] = newVals[consentColumn]
	}
	op := tx.nextOp(table, osy.ID)
	for col, v := range newVals {
		if !bytes.Equal(v, oldVals[col]) {
			op.Fields[col] = FieldChange{Value: v, Base: fops.Base(col)}
		}
	}
	if len(op.Fields) == 0 {
		tx.seq-- // nothing more to say; give the number back
		if withdrawal == nil {
			return false, nil
		}
		op = withdrawal
	}
	for col := range op.Fields {
		fops[col] = op.Ref()
	}
	sy.ID, sy.Origin, sy.CreatedAt = osy.ID, osy.Origin, osy.CreatedAt
	sy.HLC, sy.FieldOps = op.HLC, fops
	if err := tx.db.Omit(clause.Associations).Save(rec).Error; err != nil {
		return false, fmt.Errorf("保存%s失败：%w", rec.RecordName(), err)
	}
	if withdrawal != nil && withdrawal != op {
		if err := tx.db.Create(withdrawal).Error; err != nil {
			return false, err
		}
	}
	if err := tx.db.Create(op).Error; err != nil {
		return false, err
	}
	tx.changes = append(tx.changes, data.Change{Table: table, ID: osy.ID, Deleted: sy.Deleted})
	return true, nil
}

// load reads a live (not deleted) row by id into rec. Applying a partner's
// changes, a tombstoned parent still counts: the partner may have deleted
// it while this office was still referring to it.
func (tx *Tx) load(rec data.Record, id string) error {
	q := tx.db.Where("id = ?", id)
	if !tx.remote {
		q = q.Where("deleted = ?", false)
	}
	res := q.Limit(1).Find(rec)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%s %s：%w", rec.RecordName(), id, data.ErrNotFound)
	}
	return nil
}
