package data

import "gorm.io/gorm"

// bulkTransaction runs fn in one transaction whose commit does not
// checkpoint the WAL. SQLite checkpoints on the commit that takes the WAL
// past its limit (1,000 pages), in the committing call: after a bundle or
// roster of 100,000 records that is the whole import written a second
// time, about 0.7 s the clerk would wait for. Here the connection's
// automatic checkpoint is off for the transaction and a passive checkpoint
// runs in the background once it has committed (Close waits for it).
func (s *Store) bulkTransaction(fn func(db *gorm.DB) error) error {
	committed := false
	err := s.db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("PRAGMA wal_autocheckpoint = 0").Error; err != nil {
			return err
		}
		// Back to SQLite's default before the connection returns to the pool.
		defer conn.Exec("PRAGMA wal_autocheckpoint = 1000")
		if err := conn.Transaction(fn); err != nil {
			return err
		}
		committed = true
		return nil
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
// checkpoint runs, and the one running copies the later commits too, or
// the next one does (closing the database checkpoints what is left).
func (s *Store) checkpointLater() {
	if !s.checkpointing.CompareAndSwap(false, true) {
		return
	}
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		defer s.checkpointing.Store(false)
		s.db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
	}()
}
