package storage

import (
	"database/sql"

	"duikou/data"
	"duikou/data/dbconn"

	"gorm.io/gorm"
)

// dialect is everything the Store does differently on SQLite and on
// PostgreSQL, with the reason at each method; the rest of the package is
// the same code on both. sqliteDialect is in dialect_sqlite.go and
// postgresDialect in dialect_postgres.go.
//
// What needs no method because both engines take it as written: GORM's
// own statements (it quotes and numbers placeholders per engine),
// ON CONFLICT (...) DO UPDATE/NOTHING (SQLite has had it since 3.24),
// COALESCE, CAST(x AS BIGINT), LIKE ... ESCAPE '\', booleans passed as
// arguments (never written as 0/1 literals), and "key" as a column name.
type dialect interface {
	engine() dbconn.Engine

	// open is GORM's connection to the location.
	open(loc string) gorm.Dialector

	// rebind rewrites the ? placeholders of SQL the package writes by hand
	// and runs on database/sql directly, past GORM (the prepared fast
	// INSERTs in insert_fast.go and sync_bulk.go, Tx.lookup): SQLite takes
	// ?, PostgreSQL numbers them $1, $2...
	rebind(query string) string

	// lockOpLog runs first in every transaction that appends to the op
	// log, before the next sequence number is read (lastSeq). The numbers
	// must stay dense and unique with several writers, or a partner would
	// see a gap or two different ops under one number.
	lockOpLog(db *gorm.DB) error

	// sharedWriters reports whether other processes may write the
	// database while this Store has it open: several desktops on a
	// server, where a SQLite file has one writer (data/dblock).
	sharedWriters() bool

	// announce tells the other writers (sharedWriters) what a write
	// transaction changed, delivered if and when it commits.
	announce(db *gorm.DB, from string, changes []data.Change) error

	// listen starts handing the other writers' changes to the Store's
	// listeners; stop ends it. A one-writer engine has nothing to hear.
	listen(s *Store) (stop func())

	// schemaLocked runs fn (reading the schema version and migrating)
	// while no other process does the same on the database: two desktops
	// opening a new or older server database at once would both create
	// or alter its tables.
	schemaLocked(db *gorm.DB, fn func() error) error

	// deferForeignKeys makes the rest of the transaction check foreign
	// keys at commit: a partner's bundle may bring a child before its
	// parent.
	deferForeignKeys(db *gorm.DB) error

	// bulkTransaction runs fn in one transaction for a bulk job (an
	// import, the demo), as cheaply as the engine allows.
	bulkTransaction(s *Store, fn func(db *gorm.DB) error) error

	// likeAnyCase is the LIKE operator that ignores the case of Latin
	// letters, for a clerk's search text ("abc" finds "ABC家政"): SQLite's
	// LIKE does, PostgreSQL's does not and has ILIKE.
	likeAnyCase() string

	// snapshot is the transaction option under which a multi-statement
	// read (an export for a partner) sees one state of the database.
	snapshot() *sql.TxOptions

	// foreignKeyCheck fails when a row points at a missing parent.
	foreignKeyCheck(db *gorm.DB) error

	// integrityCheck asks the engine whether its storage is sound.
	integrityCheck(db *gorm.DB) error

	// afterMigrate adjusts what AutoMigrate made where the engine needs it.
	afterMigrate(db *gorm.DB) error

	// afterCopy runs once copyTables has written rows with their own
	// auto-increment ids (the audit log's), so new rows number after them.
	afterCopy(db *gorm.DB) error

	// backupInto writes a consistent copy of the Store's database to the
	// new SQLite file at path (backup.go checks and renames it).
	backupInto(s *Store, path string) error
}

// dialectOf is the dialect of an open connection, for code that has the
// transaction but not the Store.
func dialectOf(db *gorm.DB) dialect {
	if db.Dialector.Name() == "postgres" {
		return postgresDialect{}
	}
	return sqliteDialect{}
}

// dialectFor picks the dialect for what --db named.
func dialectFor(loc string) dialect {
	if dbconn.IsPostgres(loc) {
		return postgresDialect{}
	}
	return sqliteDialect{}
}
