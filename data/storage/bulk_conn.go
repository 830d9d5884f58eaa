package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
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

// exec runs k's statement (compiled from query() on first use) with args.
func (c *bulkConn) exec(ctx context.Context, k bulkKey, query func() string, args []driver.NamedValue) error {
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
		_, err := ex.ExecContext(ctx, args)
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
		c.stmts = nil
		return nil
	})
}
