package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"sync"
)

// bulkInsert hands a hundred thousand rows to SQLite as 30-column,
// 500-row statements. Through database/sql each of them has its
// arguments checked and copied into a fresh slice of driver values, and
// the connection locked and released around it; a bulk transaction on a
// SQLite file (bulk_tx.go) instead keeps its connection in the context,
// and bulkInsert runs its statements on the driver's connection itself,
// with argument slices it reuses.
//
// Only the goroutine that runs the transaction may use it, as with the
// transaction itself.

type bulkConnKey struct{}

// bulkConn is a bulk transaction's connection and the driver statements
// compiled on it, closed when the transaction has ended.
type bulkConn struct {
	conn  *sql.Conn
	stmts map[bulkKey]driver.Stmt
	named []driver.NamedValue // the arguments of the batch, reused: an import stores hundreds
}

func withBulkConn(ctx context.Context, c *bulkConn) context.Context {
	return context.WithValue(ctx, bulkConnKey{}, c)
}

// bulkConnOf is the bulk transaction's connection ctx carries, if any.
func bulkConnOf(ctx context.Context) *bulkConn {
	if ctx == nil {
		return nil
	}
	c, _ := ctx.Value(bulkConnKey{}).(*bulkConn)
	return c
}

var errNoDriverExec = errors.New("data: the driver cannot run statements directly")

// exec runs k's statement (compiled from query() on first use) with args,
// which must be driver values.
func (c *bulkConn) exec(ctx context.Context, k bulkKey, query func() string, args []any) error {
	named := c.named[:0]
	for i, a := range args {
		named = append(named, driver.NamedValue{Ordinal: i + 1, Value: a})
	}
	c.named = named
	return c.conn.Raw(func(dc any) error {
		st := c.stmts[k]
		if st == nil {
			p, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return errNoDriverExec
			}
			var err error
			if st, err = p.PrepareContext(ctx, query()); err != nil {
				return err
			}
			if c.stmts == nil {
				c.stmts = map[bulkKey]driver.Stmt{}
			}
			c.stmts[k] = st
		}
		ex, ok := st.(driver.StmtExecContext)
		if !ok {
			return errNoDriverExec
		}
		_, err := ex.ExecContext(ctx, named)
		return err
	})
}

// close closes the statements, on the connection they belong to.
func (c *bulkConn) close() {
	if len(c.stmts) == 0 {
		return
	}
	_ = c.conn.Raw(func(any) error {
		for _, st := range c.stmts {
			_ = st.Close()
		}
		c.stmts, c.named = nil, nil
		return nil
	})
}

// spareArgs keeps bulkInsert's argument slices between batches and
// between calls (an import calls it for every part of the file): tens of
// thousands of values each, a good share of what an import allocates.
var spareArgs argSlices

type argSlices struct{ pool sync.Pool }

// get is an empty slice with room for n values.
func (a *argSlices) get(n int) []any {
	if p, ok := a.pool.Get().(*[]any); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]any, 0, n)
}

// put keeps s for another batch, its values dropped (they hold the rows'
// strings).
func (a *argSlices) put(s []any) {
	clear(s)
	s = s[:0]
	a.pool.Put(&s)
}
