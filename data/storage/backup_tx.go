package storage

// BackupBeforeCommit takes a backup of the database as it was before this
// transaction, from inside it: a job that learns only at its end whether it
// writes anything (a roster whose rows are all registered already) backs up
// only when it does. The copy is read on another connection, which in WAL
// mode sees the last committed state while this transaction is open. Its
// audit entries are written with the transaction (a write of their own
// would wait for this one), and the folder is pruned by the retention rule.
func (tx *Tx) BackupBeforeCommit(kind string) (string, error) {
	return tx.s.backupBeside(kind, tx.Audit)
}
