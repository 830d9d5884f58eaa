package storage

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm/schema"

	"duikou/data/dbconn"
)

// On a server every statement is a network round trip: a bulk job that
// creates 100,000 workers one INSERT at a time (and one for each op) waits
// on 200,000 of them. In a bulk transaction on PostgreSQL, a new row of a
// type that refers to no parent (workers, employers, ops) is queued
// instead, its arguments built at once as createRow builds them, and the
// queue goes to the server in multi-row INSERTs: when a type's batch is
// full, and before any other statement runs in the transaction, so every
// read, check and write after a create sees the row as if it had been
// written then. The transaction commits only after the queue is flushed
// (Store.write), so the job stays all or nothing. A row that has a parent
// is written at once, after the queue: a parent queued a moment ago must
// be there before its child.

// queuedRows are the queued rows of one table, in the order created.
type queuedRows struct {
	ins  *rowInsert
	rows int
	args []any
}

// queueable reports whether rows of ins's type may wait in the queue: the
// engine is a server and the type has no foreign key of its own.
func queueable(c *execCache, ins *rowInsert) bool {
	return c.engine == dbconn.Postgres && len(ins.sch.Relationships.BelongsTo) == 0
}

// queue adds one row's arguments to its table's queue and sends the batch
// when it is full.
func (c *execCache) queue(ctx context.Context, ins *rowInsert, args []any) error {
	q := c.queued[ins.sch.Table]
	if q == nil {
		if c.queued == nil {
			c.queued = map[string]*queuedRows{}
		}
		q = &queuedRows{ins: ins}
		c.queued[ins.sch.Table] = q
		c.queueOrder = append(c.queueOrder, q)
	}
	if c.queueErr != nil {
		return c.queueErr
	}
	q.args = append(q.args, args...)
	q.rows++
	if q.rows >= queueBatch(ins.fields) {
		c.queueErr = c.send(ctx, q)
	}
	return c.queueErr
}

// queueBatch is the rows of one multi-row INSERT, as bulkInsert's.
func queueBatch(fields []*schema.Field) int { return min(chunkSize, 30000/len(fields)) }

// flush sends every queued row; the transaction's other statements call
// it before they run.
func (c *execCache) flush(ctx context.Context) error {
	for _, q := range c.queueOrder {
		if c.queueErr != nil {
			break
		}
		c.queueErr = c.send(ctx, q)
	}
	return c.queueErr
}

// send writes q's rows: a full batch through its statement compiled once
// for the transaction, one row through the single-row INSERT, any other
// count as it is (the end of a job, or a read between two creates).
func (c *execCache) send(ctx context.Context, q *queuedRows) error {
	if q.rows == 0 {
		return nil
	}
	rows, args := q.rows, q.args
	q.rows, q.args = 0, q.args[:0]
	var st *sql.Stmt
	var err error
	sch, fields := q.ins.sch, q.ins.fields
	query := func() string { return c.rebind(insertSQL(sch, fields, rows, false)) }
	switch rows {
	case 1:
		st, err = c.compiled(ctx, c.stmts, q.ins.sql)
	case queueBatch(fields):
		st, err = c.bulkStmt(ctx, bulkKey{sch.Table, rows, false}, query)
	}
	if err != nil {
		return fmt.Errorf("data: prepare bulk insert into %s: %w", sch.Table, err)
	}
	if st != nil {
		_, err = st.ExecContext(ctx, args...)
	} else {
		_, err = c.tx.ExecContext(ctx, query(), args...)
	}
	if err != nil {
		return fmt.Errorf("data: bulk insert into %s: %w", sch.Table, err)
	}
	return nil
}
