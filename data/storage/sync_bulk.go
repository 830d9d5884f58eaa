package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"

	"duikou/data"
	"duikou/data/dbconn"
)

// bulkInsert writes a slice of models ([]*T or []T) with multi-row INSERT
// statements, each batch size prepared once. It does what GORM's
// CreateInBatches does for these tables (a column's default replaces its
// zero value, created_at and updated_at are stamped when zero, serialized
// columns go through their serializer), without GORM building the
// statement and converting every value through reflection for every batch,
// which for a hundred thousand rows costs more than SQLite's own work.
// With upsert, a row whose primary key exists is updated in every column
// but the key and created_at, as Save does.
func bulkInsert(db *gorm.DB, now time.Time, rows any, upsert bool) error {
	rv := reflect.ValueOf(rows)
	if rv.Kind() != reflect.Slice || rv.Len() == 0 {
		return nil
	}
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(rv.Index(0).Interface()); err != nil {
		return err
	}
	sch := stmt.Schema
	var fields []*schema.Field
	for _, name := range sch.DBNames {
		f := sch.FieldsByDBName[name]
		if f.HasDefaultValue && f.DefaultValueInterface == nil {
			// A default the database computes: let GORM handle it.
			return createInBatches(db, rows, upsert)
		}
		fields = append(fields, f)
	}
	encoders := bulkEncodersFor(sch, fields)
	perBatch := min(chunkSize, 30000/len(fields))
	ctx := db.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	// One goroutine turns rows into statement arguments (reflection,
	// serializers, conversion to driver values) while this one has SQLite
	// store the batch before: on two cores that hides most of the Go
	// side. Only this goroutine touches the transaction.
	type batch struct {
		rows int
		args []any
		err  error
	}
	batches := make(chan batch, 2)
	stamps := timestampsFor(db) // the producer's own
	quit := make(chan struct{})
	defer close(quit)
	go func() {
		defer close(batches)
		for start := 0; start < rv.Len(); start += perBatch {
			end := min(start+perBatch, rv.Len())
			b := batch{rows: end - start, args: spareArgs.get(perBatch * len(fields))}
			b.args, b.err = bulkArgs(ctx, rv, start, end, fields, encoders, now, stamps, b.args)
			select {
			case batches <- b:
			case <-quit:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	prepare := bulkPreparer(db, sch, fields, upsert)
	defer prepare.close()
	for b := range batches {
		if b.err != nil {
			return b.err
		}
		if err := prepare.exec(ctx, b.rows, b.args); err != nil {
			return err
		}
		spareArgs.put(b.args)
	}
	return nil
}

// bulkStmts compiles bulkInsert's statements: for the transaction when
// it has an execCache (an import calls bulkInsert for every part of the
// file, with the same batch sizes), else for the one call.
type bulkStmts struct {
	db     *gorm.DB
	sch    *schema.Schema
	fields []*schema.Field
	upsert bool
	cache  *execCache
	own    map[int]*sql.Stmt
}

func bulkPreparer(db *gorm.DB, sch *schema.Schema, fields []*schema.Field, upsert bool) *bulkStmts {
	cache, _ := db.Statement.ConnPool.(*execCache)
	return &bulkStmts{db: db, sch: sch, fields: fields, upsert: upsert, cache: cache, own: map[int]*sql.Stmt{}}
}

func (p *bulkStmts) query(rows int) string {
	return dialectOf(p.db).rebind(insertSQL(p.sch, p.fields, rows, p.upsert))
}

// exec stores one batch: through the bulk transaction's driver
// connection when ctx carries one (SQLite), else a compiled statement.
func (p *bulkStmts) exec(ctx context.Context, rows int, args []any) error {
	if bc := bulkConnOf(ctx); bc != nil && dialectOf(p.db).engine() == dbconn.SQLite {
		err := bc.exec(ctx, bulkKey{p.sch.Table, rows, p.upsert}, func() string { return p.query(rows) }, args)
		if err != nil {
			return fmt.Errorf("data: bulk insert into %s: %w", p.sch.Table, err)
		}
		return nil
	}
	if p.cache != nil { // a bulk job's queued creates first (insert_queue.go)
		if err := p.cache.before(ctx, "INSERT"); err != nil {
			return err
		}
	}
	st, err := p.stmt(ctx, rows)
	if err != nil {
		return fmt.Errorf("data: prepare bulk insert into %s: %w", p.sch.Table, err)
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		return fmt.Errorf("data: bulk insert into %s: %w", p.sch.Table, err)
	}
	return nil
}

func (p *bulkStmts) stmt(ctx context.Context, rows int) (*sql.Stmt, error) {
	if p.cache != nil {
		return p.cache.bulkStmt(ctx, bulkKey{p.sch.Table, rows, p.upsert}, func() string { return p.query(rows) })
	}
	if st := p.own[rows]; st != nil {
		return st, nil
	}
	st, err := p.db.Statement.ConnPool.PrepareContext(ctx, p.query(rows))
	if err != nil {
		return nil, err
	}
	p.own[rows] = st
	return st, nil
}

// close closes the statements compiled for the one call; the
// transaction's are closed with it.
func (p *bulkStmts) close() {
	for _, st := range p.own {
		st.Close()
	}
}

// bulkArgs appends the statement arguments of rows start..end-1, as
// driver values (database/sql would convert them the same way, later).
func bulkArgs(ctx context.Context, rv reflect.Value, start, end int, fields []*schema.Field,
	encoders []bulkEncoder, now time.Time, stamps *timestamps, args []any) ([]any, error) {
	for i := start; i < end; i++ {
		var err error
		if args, err = rowArgs(ctx, reflect.Indirect(rv.Index(i)), fields, encoders, now, stamps, args); err != nil {
			return nil, err
		}
	}
	return args, nil
}

// rowArgs appends one row's statement arguments (see bulkArgs); stamps
// turns times into the driver's text (nil: left as they are).
func rowArgs(ctx context.Context, row reflect.Value, fields []*schema.Field,
	encoders []bulkEncoder, now time.Time, stamps *timestamps, args []any) ([]any, error) {
	for i, f := range fields {
		var v any
		if enc := encoders[i]; enc != nil {
			var err error
			if v, err = enc(row); err != nil {
				return nil, err
			}
		} else {
			var zero bool
			v, zero = f.ValueOf(ctx, row)
			if zero {
				switch {
				case f.DefaultValueInterface != nil:
					v = f.DefaultValueInterface
					if err := f.Set(ctx, row, v); err != nil {
						return nil, err
					}
				case f.AutoCreateTime > 0 || f.AutoUpdateTime > 0:
					if err := f.Set(ctx, row, now); err != nil {
						return nil, err
					}
					v, _ = f.ValueOf(ctx, row)
				}
			}
		}
		switch d := v.(type) {
		case nil, string, int64, float64, bool, []byte:
			// already a driver value: spare ConvertValue's reflection
		case time.Time:
			v = stamps.value(d)
		case data.Date: // a worker's dates: its Value, without the reflection around it
			v, _ = d.Value()
		default:
			dv, err := driver.DefaultParameterConverter.ConvertValue(v)
			if err != nil {
				return nil, fmt.Errorf("data: %s: %w", f.DBName, err)
			}
			v = dv
		}
		args = append(args, v)
	}
	return args, nil
}

func insertSQL(sch *schema.Schema, fields []*schema.Field, rows int, upsert bool) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO "` + sch.Table + `" (`)
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + f.DBName + `"`)
	}
	b.WriteString(") VALUES ")
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(fields)), ",") + ")"
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(one)
	}
	if upsert {
		b.WriteString(` ON CONFLICT (`)
		for i, name := range sch.PrimaryFieldDBNames {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + name + `"`)
		}
		b.WriteString(`) DO UPDATE SET `)
		first := true
		for _, f := range fields {
			if f.PrimaryKey || f.AutoCreateTime > 0 {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(`"` + f.DBName + `"=excluded."` + f.DBName + `"`)
		}
	}
	return b.String()
}

func createInBatches(db *gorm.DB, rows any, upsert bool) error {
	q := db.Omit(clause.Associations)
	if upsert {
		q = q.Clauses(clause.OnConflict{UpdateAll: true})
	}
	return q.CreateInBatches(rows, chunkSize).Error
}
