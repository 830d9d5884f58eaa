package storage

import (
	"context"
	"database/sql"
	"reflect"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"
)

// A bulk job (an import of 100,000 workers) creates its rows one at a
// time, since each is validated against what the job wrote before it, and
// GORM's Create builds and converts the INSERT afresh for every row: more
// time than SQLite's own work. In a bulk transaction a new row goes in
// through one prepared INSERT per record type instead (compiled once per
// transaction by execCache), its arguments built as bulkInsert builds
// them, so the row and its op are the ones Create would write: defaults
// for zero columns, created_at and updated_at stamped, serializers applied.

// rowInsert is the prepared form of a record type's single-row INSERT.
type rowInsert struct {
	sch      *schema.Schema
	sql      string
	fields   []*schema.Field
	encoders []bulkEncoder
}

// rowInserts caches a *rowInsert per engine and record type (one process
// may hold both: a move of an office from SQLite to PostgreSQL); a nil one
// means GORM must write the type (a column whose default the database
// computes).
var rowInserts sync.Map

type rowInsertKey struct {
	engine string
	typ    reflect.Type
}

func rowInsertFor(db *gorm.DB, rec any) (*rowInsert, error) {
	t := rowInsertKey{db.Dialector.Name(), reflect.TypeOf(rec)}
	if v, ok := rowInserts.Load(t); ok {
		return v.(*rowInsert), nil
	}
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(rec); err != nil {
		return nil, err
	}
	sch := stmt.Schema
	var ins *rowInsert
	fields := make([]*schema.Field, 0, len(sch.DBNames))
	for _, name := range sch.DBNames {
		f := sch.FieldsByDBName[name]
		if f.HasDefaultValue && f.DefaultValueInterface == nil {
			fields = nil
			break
		}
		fields = append(fields, f)
	}
	if fields != nil {
		ins = &rowInsert{sch: sch, sql: dialectOf(db).rebind(insertSQL(sch, fields, 1, false)), fields: fields, encoders: bulkEncodersFor(sch, fields)}
	}
	rowInserts.Store(t, ins)
	return ins, nil
}

// createRow stores a new row (a record, associations left alone, or an
// op): through the prepared INSERT in a bulk transaction, or queued for a
// multi-row one on a server; else GORM.
func (tx *Tx) createRow(rec any) error {
	if tx.quiet {
		if c, cached := tx.db.Statement.ConnPool.(*execCache); cached {
			ins, err := rowInsertFor(tx.db, rec)
			if err != nil {
				return err
			}
			if ins != nil {
				ctx := context.Background()
				args, err := rowArgs(ctx, reflect.ValueOf(rec).Elem(), ins.fields, ins.encoders, tx.s.now().UTC(), nil,
					make([]any, 0, len(ins.fields)))
				if err != nil {
					return err
				}
				if queueable(c, ins) { // a server: sent with others (insert_queue.go)
					return c.queue(ctx, ins, args)
				}
				_, err = c.ExecContext(ctx, ins.sql, args...)
				return err
			}
		}
	}
	return tx.db.Omit(clause.Associations).Create(rec).Error
}

// lookup runs a one-row query inside the transaction and scans it into
// dest; found is false when no row matched. In a write transaction the
// statement is compiled once (execCache), which spares a bulk job's
// per-row checks (is this ID number registered?) most of their cost.
func (tx *Tx) lookup(query string, args []any, dest ...any) (found bool, err error) {
	rows, err := queryCompiled(tx.db, tx.s.dialect.rebind(query), args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return false, rows.Err()
	}
	if err := rows.Scan(dest...); err != nil {
		return false, err
	}
	return true, rows.Close()
}

// queryCompiled runs a query through a statement compiled once for the
// transaction when db has an execCache, else as it is; the caller must
// close the rows before running the same query again.
func queryCompiled(db *gorm.DB, query string, args ...any) (*sql.Rows, error) {
	ctx := context.Background()
	if c, ok := db.Statement.ConnPool.(*execCache); ok {
		return c.queryCached(ctx, query, args...)
	}
	return db.Statement.ConnPool.QueryContext(ctx, query, args...)
}
