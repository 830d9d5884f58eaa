package storage

import (
	"context"
	"database/sql"
	"strings"

	"gorm.io/gorm"

	"duikou/data/dbconn"
)

// SQLite compiles a statement before running it, and database/sql does so
// again for every Exec: a bulk job that creates a million workers compiles
// the same two INSERTs a million times each. A write transaction runs its
// inserts, updates and deletes through execCache, which compiles each
// distinct statement once for the transaction.
//
// (GORM's own PrepareStmt does not help here: inside a transaction it
// prepares on the transaction and then hands the statement to
// Tx.StmtContext, which prepares it again on every use.)
//
// Queries are not cached: a cached query statement re-run while the rows
// of its previous run are still being read would reset them, and Rows()
// hands those to the caller. Only Tx.lookup, which reads its one row and
// closes it at once, uses queryCached.

// maxCachedStmts bounds the cache: statements with "IN (?, ?, ...)" vary
// with the length of the list, and past this many the rest run uncached.
const maxCachedStmts = 256

type execCache struct {
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	queries map[string]*sql.Stmt // Tx.lookup's, see queryCached
	// bulk holds bulkInsert's multi-row INSERTs, by table and batch: an
	// import writes its rows a part at a time, and compiling a 500-row
	// INSERT again for every part costs as much as running it.
	bulk map[bulkKey]*sql.Stmt

	engine dbconn.Engine
	rebind func(query string) string
	// queued and queueOrder are a bulk job's rows waiting to be sent in
	// multi-row INSERTs (insert_queue.go).
	queued     map[string]*queuedRows
	queueOrder []*queuedRows
	// live answers a bulk job's duplicate checks without asking the
	// server for every row (live_keys.go).
	live map[liveKey]liveAnswer
	// queueErr is the queue's failure, kept: the transaction is lost and
	// every later flush reports why.
	queueErr error
}

// bulkKey names one of bulkInsert's statements.
type bulkKey struct {
	table  string
	rows   int
	upsert bool
}

// withExecCache returns db (in a transaction) running its statements
// through an execCache. The statements belong to the transaction and are
// closed when it ends. Outside a transaction db is returned as it is.
func withExecCache(db *gorm.DB) *gorm.DB {
	tx, ok := db.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return db
	}
	out := db.WithContext(db.Statement.Context) // a copy of the statement, not db's own
	d := dialectOf(db)
	out.Statement.ConnPool = &execCache{tx: tx, stmts: map[string]*sql.Stmt{}, engine: d.engine(), rebind: d.rebind}
	return out
}

// before runs ahead of every statement of the transaction but the
// queue's own: the queued rows go first, so the statement sees them, and
// a statement that may write forgets the duplicate checks' answers.
func (c *execCache) before(ctx context.Context, query string) error {
	if c.live != nil && !isSelect(query) {
		c.live = nil
	}
	return c.flush(ctx)
}

// isSelect reports whether query only reads.
func isSelect(query string) bool {
	q := strings.TrimSpace(query)
	return len(q) >= 6 && strings.EqualFold(q[:6], "SELECT") && !strings.Contains(strings.ToUpper(q), "FOR UPDATE")
}

func (c *execCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := c.before(ctx, query); err != nil {
		return nil, err
	}
	st, err := c.compiled(ctx, c.stmts, query)
	switch {
	case err != nil:
		return nil, err
	case st == nil:
		return c.tx.ExecContext(ctx, query, args...)
	}
	return st.ExecContext(ctx, args...)
}

// compiled is query's statement in stmts, compiled on first use; nil
// with no error when stmts is full and the query is to run uncompiled.
func (c *execCache) compiled(ctx context.Context, stmts map[string]*sql.Stmt, query string) (*sql.Stmt, error) {
	if st := stmts[query]; st != nil {
		return st, nil
	}
	if len(stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	stmts[query] = st
	return st, nil
}

// queryCached runs a query through a statement compiled once; the caller
// must close the rows before running the same query again.
func (c *execCache) queryCached(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := c.before(ctx, query); err != nil {
		return nil, err
	}
	if c.queries == nil {
		c.queries = map[string]*sql.Stmt{}
	}
	st, err := c.compiled(ctx, c.queries, query)
	switch {
	case err != nil:
		return nil, err
	case st == nil:
		return c.tx.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// bulkStmt is bulkInsert's statement for k, compiled from query() on
// first use and kept for the transaction.
func (c *execCache) bulkStmt(ctx context.Context, k bulkKey, query func() string) (*sql.Stmt, error) {
	if st := c.bulk[k]; st != nil {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, query())
	if err != nil {
		return nil, err
	}
	if c.bulk == nil {
		c.bulk = map[bulkKey]*sql.Stmt{}
	}
	c.bulk[k] = st
	return st, nil
}

func (c *execCache) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if err := c.before(ctx, query); err != nil {
		return nil, err
	}
	return c.tx.PrepareContext(ctx, query)
}

func (c *execCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := c.before(ctx, query); err != nil {
		return nil, err
	}
	return c.tx.QueryContext(ctx, query, args...)
}

func (c *execCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	// A failed flush has aborted the transaction: the query fails too,
	// and the flush's own error comes back when the job ends (Store.write).
	_ = c.before(ctx, query)
	return c.tx.QueryRowContext(ctx, query, args...)
}

// Commit and Rollback make it a gorm.TxCommitter, so a nested
// db.Transaction uses a savepoint as it would on the bare transaction.
// GORM commits the outer transaction on its own connection, not this one.
func (c *execCache) Commit() error   { return c.tx.Commit() }
func (c *execCache) Rollback() error { return c.tx.Rollback() }
