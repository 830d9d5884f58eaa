package storage

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

// bulkTransaction runs fn in one transaction whose commit does not
// checkpoint the WAL. SQLite checkpoints on the commit that takes the WAL
// past its limit (1,000 pages), in the committing call: after a bundle or
// roster of 100,000 records that is the whole import written a second
// time, about 0.7 s the clerk would wait for. Here the connection's
// automatic checkpoint is off for the transaction and a passive checkpoint
// runs in the background once it has committed (Close waits for it).
func (s *Store) bulkTransaction(fn func(db *gorm.DB) error) error {
	return s.dialect.bulkTransaction(s, fn)
}

// bulkTransactionSQLite is bulkTransaction on a SQLite file.
func (s *Store) bulkTransactionSQLite(fn func(db *gorm.DB) error) error {
	committed := false
	err := s.db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("PRAGMA wal_autocheckpoint = 0").Error; err != nil {
			return err
		}
		// bulkInsert's statements run on the driver's connection (bulk_conn.go).
		var bulk *bulkConn
		if raw, ok := conn.Statement.ConnPool.(*sql.Conn); ok {
			bulk = &bulkConn{conn: raw}
			ctx := conn.Statement.Context
			if ctx == nil {
				ctx = context.Background()
			}
			conn = conn.WithContext(withBulkConn(ctx, bulk))
			// Closed with the transaction over, whatever its end. Their
			// error is not the transaction's: SQLite reports again, on
			// closing, a statement's last failure, already returned.
			defer bulk.close()
		}
		err := conn.Transaction(fn)
		committed = err == nil
		// Back to SQLite's default before the connection returns to the
		// pool; a connection that kept 0 would never checkpoint again.
		if rerr := conn.Exec("PRAGMA wal_autocheckpoint = 1000").Error; rerr != nil && err == nil {
			err = rerr
		}
		return err
	})
	if committed {
		s.checkpointLater()
	}
	return err
}

// checkpointLater copies the WAL back into the database file off the
// caller's path. A passive checkpoint neither waits for nor blocks readers
// and writers; what it cannot copy now the next one does.
// One at a time: bulk jobs in chunks (the demo) commit faster than a
// checkpoint runs; commits made while one runs are copied by the next,
// or when the database closes. None starts once Close has begun.
func (s *Store) checkpointLater() {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closing || !s.checkpointing.CompareAndSwap(false, true) {
		return
	}
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		defer s.checkpointing.Store(false)
		s.db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
	}()
}
