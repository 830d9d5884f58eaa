package storage

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"duikou/data"
	"duikou/data/dbconn"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// postgresDialect: a server several clerks' desktops write to at once.
// The password never appears in the location (dbconn.CheckPostgres); pgx
// reads PGPASSWORD or the pgpass file itself.
type postgresDialect struct{}

func (postgresDialect) engine() dbconn.Engine { return dbconn.Postgres }

func (postgresDialect) open(loc string) gorm.Dialector {
	return postgres.New(postgres.Config{DSN: loc})
}

// rebind numbers the placeholders; the hand-written SQL holds no string
// literals with a ? in them.
func (postgresDialect) rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// opLogLock is the advisory lock key of the op log: any number, the same
// in every Duikou process, unlikely to be used by anything else in the
// office's database ("duikou" in ASCII).
const opLogLock = 0x6475696b6f75

// lockOpLog takes a transaction-level advisory lock: the writers of an
// office queue here, each reads the last sequence number only once the
// previous writer has committed (READ COMMITTED reads each statement's
// own snapshot), and the lock goes with the commit or rollback. A
// single-row counter updated in the transaction would do the same, but
// needs a row every office has, and would write it on every save; a
// sequence would leave gaps on rollback.
func (postgresDialect) lockOpLog(db *gorm.DB) error {
	return db.Exec("SELECT pg_advisory_xact_lock(?)", int64(opLogLock)).Error
}

func (postgresDialect) sharedWriters() bool { return true }

// announce, listen: NOTIFY and LISTEN (notify_postgres.go).
func (postgresDialect) announce(db *gorm.DB, from string, changes []data.Change) error {
	return announceOnServer(db, from, changes)
}
func (postgresDialect) listen(s *Store) func() { return listenOnServer(s) }

// schemaLock is the advisory lock key of the schema's migration.
const schemaLock = opLogLock + 1

// schemaLocked holds a session-level advisory lock on one connection of
// the pool while fn works on the others; a second desktop waits, then
// finds the schema current and migrates nothing. The lock goes with the
// connection if the program dies.
func (postgresDialect) schemaLocked(db *gorm.DB, fn func() error) error {
	return db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("SELECT pg_advisory_lock(?)", int64(schemaLock)).Error; err != nil {
			return err
		}
		defer conn.Exec("SELECT pg_advisory_unlock(?)", int64(schemaLock))
		return fn()
	})
}

// deferForeignKeys: the constraints are DEFERRABLE (afterMigrate), so this
// defers them to the commit of this transaction only.
func (postgresDialect) deferForeignKeys(db *gorm.DB) error {
	return db.Exec("SET CONSTRAINTS ALL DEFERRED").Error
}

// bulkTransaction: the server has no WAL checkpoint for the clerk to wait
// on; a plain transaction.
func (postgresDialect) bulkTransaction(s *Store, fn func(db *gorm.DB) error) error {
	return s.db.Transaction(fn)
}

func (postgresDialect) likeAnyCase() string { return "ILIKE" }

// snapshot: under READ COMMITTED every statement sees a new state; an
// export reads the vector, the acks and the ops in several statements,
// which must agree while other clerks keep writing. (Not read-only: an
// export notes that a probe was sent.)
func (postgresDialect) snapshot() *sql.TxOptions {
	return &sql.TxOptions{Isolation: sql.LevelRepeatableRead}
}

// foreignKeyCheck: PostgreSQL checks every foreign key on every write and
// at commit; no row can dangle.
func (postgresDialect) foreignKeyCheck(*gorm.DB) error { return nil }

// integrityCheck: a PostgreSQL server checks its pages itself (and an
// administrator runs amcheck); from a desktop, reaching it is the check.
func (postgresDialect) integrityCheck(db *gorm.DB) error {
	return db.Exec("SELECT 1").Error
}

// afterCopy moves each auto-increment sequence past the ids copied in:
// PostgreSQL's sequences do not look at the rows, and the next audit
// entry would collide with a copied one.
func (postgresDialect) afterCopy(db *gorm.DB) error {
	for _, m := range models() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			return err
		}
		f := stmt.Schema.PrioritizedPrimaryField
		if f == nil || !f.AutoIncrement {
			continue
		}
		table, col := stmt.Schema.Table, f.DBName
		if err := db.Exec(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'),
			(SELECT COALESCE(MAX(%q), 0) + 1 FROM %q), false)`, table, col, col, table)).Error; err != nil {
			return err
		}
	}
	return nil
}

// backupInto: a PostgreSQL office backs up to a standard Duikou SQLite
// file, so any PC with Duikou can open the backup (and restore takes one
// back). The rows are read in one repeatable-read snapshot, so clerks
// may keep working meanwhile.
func (postgresDialect) backupInto(s *Store, path string) error {
	// No one-writer lock on the new file: it is this call's own until
	// backup.go renames it, and a lock file would be left beside it.
	dst, err := OpenWith(path, Options{Now: s.now, Reader: true})
	if err != nil {
		return err
	}
	err = s.db.Transaction(func(src *gorm.DB) error {
		return dst.db.Transaction(func(db *gorm.DB) error {
			_, err := copyTables(src, db, s.now().UTC())
			return err
		})
	}, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return err
}

// afterMigrate makes the foreign keys GORM created DEFERRABLE (INITIALLY
// IMMEDIATE, so ordinary writes are checked per statement as before):
// GORM has no tag for it, and SET CONSTRAINTS ALL DEFERRED only defers
// deferrable ones.
func (postgresDialect) afterMigrate(db *gorm.DB) error {
	var fks []struct{ Tbl, Name string }
	if err := db.Raw(`SELECT c.conrelid::regclass::text AS tbl, c.conname AS name
		FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = current_schema()`).Scan(&fks).Error; err != nil {
		return err
	}
	for _, fk := range fks {
		if err := db.Exec(fmt.Sprintf(`ALTER TABLE %s ALTER CONSTRAINT %q DEFERRABLE INITIALLY IMMEDIATE`,
			fk.Tbl, fk.Name)).Error; err != nil {
			return err
		}
	}
	return nil
}
