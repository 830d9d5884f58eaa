package storage

import (
	"database/sql"
	"fmt"

	"duikou/data"
	"duikou/data/dbconn"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// sqliteDialect: one file, one writer process (data/dblock).
type sqliteDialect struct{}

func (sqliteDialect) engine() dbconn.Engine { return dbconn.SQLite }

func (sqliteDialect) open(path string) gorm.Dialector { return sqlite.Open(dsn(path)) }

// dsn sets the pragmas in the connection string because SQLite applies
// them per connection and database/sql opens connections as it likes.
// _txlock=immediate takes the write lock at BEGIN, so two writers queue on
// the busy timeout instead of failing to upgrade a read lock.
func dsn(path string) string {
	return path + "?_journal_mode=WAL&_foreign_keys=1&_busy_timeout=10000&_synchronous=FULL&_txlock=immediate"
}

func (sqliteDialect) rebind(query string) string { return query }

// lockOpLog: nothing to do, BEGIN IMMEDIATE (the DSN's _txlock) already
// holds the one write lock the file has, so no other writer reads the
// last sequence number until this transaction ends.
func (sqliteDialect) lockOpLog(*gorm.DB) error { return nil }

func (sqliteDialect) sharedWriters() bool { return false }

// announce, listen: the file's one writer process already tells its own
// listeners (Store.notify).
func (sqliteDialect) announce(*gorm.DB, string, []data.Change) error { return nil }
func (sqliteDialect) listen(*Store) func()                           { return func() {} }

// schemaLocked: the one-writer lock (data/dblock) already keeps a second
// writer out of the file.
func (sqliteDialect) schemaLocked(_ *gorm.DB, fn func() error) error { return fn() }

// deferForeignKeys: the pragma lasts until the transaction ends.
func (sqliteDialect) deferForeignKeys(db *gorm.DB) error {
	return db.Exec("PRAGMA defer_foreign_keys = ON").Error
}

// bulkTransaction commits without a WAL checkpoint on the clerk's time
// (bulk_tx.go).
func (sqliteDialect) bulkTransaction(s *Store, fn func(db *gorm.DB) error) error {
	return s.bulkTransactionSQLite(fn)
}

func (sqliteDialect) likeAnyCase() string { return "LIKE" }

// snapshot: a SQLite transaction reads one state of the file from its
// first read on (WAL snapshot isolation); the default is enough.
func (sqliteDialect) snapshot() *sql.TxOptions { return nil }

// foreignKeyCheck: SQLite enforces foreign keys only on connections that
// turned them on, so a file may hold dangling rows written elsewhere.
func (sqliteDialect) foreignKeyCheck(db *gorm.DB) error {
	rows, err := db.Raw("PRAGMA foreign_key_check").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return fmt.Errorf("数据库外键检查未通过，请用备份恢复")
	}
	return rows.Err()
}

func (sqliteDialect) integrityCheck(db *gorm.DB) error {
	var res string
	if err := db.Raw("PRAGMA integrity_check").Scan(&res).Error; err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("数据库完整性检查未通过：%s", res)
	}
	return nil
}

func (sqliteDialect) afterMigrate(*gorm.DB) error { return nil }

// afterCopy: an INTEGER PRIMARY KEY continues after the largest id by
// itself.
func (sqliteDialect) afterCopy(*gorm.DB) error { return nil }

// backupInto: VACUUM INTO writes a consistent, compact copy of the file
// while the program keeps running.
func (sqliteDialect) backupInto(s *Store, path string) error {
	return s.db.Exec("VACUUM INTO ?", path).Error
}
