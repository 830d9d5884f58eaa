// Package testdb gives a test a fresh, empty database to open a Store on:
// a SQLite file in the test's temporary folder by default or, when the
// environment variable DUIKOU_TEST_POSTGRES names a PostgreSQL server, a
// new database on that server, dropped when the test ends.
//
// DUIKOU_TEST_POSTGRES is a connection without a database name, e.g.
// "host=/tmp/pg port=55432 user=postgres" or "postgres://postgres@localhost:55432";
// its user must be allowed to create databases.
package testdb

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// EnvVar names the PostgreSQL server the tests run on.
const EnvVar = "DUIKOU_TEST_POSTGRES"

// Postgres reports whether the tests run on PostgreSQL.
func Postgres() bool { return server() != "" }

func server() string { return strings.TrimSpace(os.Getenv(EnvVar)) }

// SkipOnPostgres skips a test that cannot run on PostgreSQL yet, saying
// why: the reason shows in `go test -v` and in the CI log.
func SkipOnPostgres(t testing.TB, reason string) {
	t.Helper()
	if Postgres() {
		t.Skip("postgres: " + reason)
	}
}

// SkipUnlessPostgres skips a test that is about PostgreSQL itself (several
// desktops on one database, a move onto a server) when no server is named.
func SkipUnlessPostgres(t testing.TB) {
	t.Helper()
	if !Postgres() {
		t.Skip("needs a PostgreSQL server: set " + EnvVar)
	}
}

// Location is where the test's Store lives: "duikou.db" in a fresh
// temporary folder, or a fresh PostgreSQL database's connection.
func Location(t testing.TB) string {
	t.Helper()
	if !Postgres() {
		return filepath.Join(t.TempDir(), "duikou.db")
	}
	return NewPostgres(t)
}

// BackupDir is where a test's Store should put its automatic backups:
// "" (beside the file) on SQLite; on PostgreSQL, which has no folder
// beside the database, a temporary folder of the test's own (rather than
// the user's config folder).
func BackupDir(t testing.TB) string {
	if !Postgres() {
		return ""
	}
	return t.TempDir()
}

// NewPostgres creates an empty database on the test server and returns
// its connection; the database is dropped (with any connections the test
// left open) when the test ends. It fails the test without a server.
func NewPostgres(t testing.TB) string {
	t.Helper()
	srv := server()
	if srv == "" {
		t.Fatalf("%s is not set", EnvVar)
	}
	admin, err := sql.Open("pgx", WithDatabase(srv, "postgres"))
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	t.Cleanup(func() { admin.Close() })
	name := databaseName(t.Name())
	if _, err := admin.Exec(`CREATE DATABASE "` + name + `"`); err != nil {
		t.Fatalf("postgres: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`); err != nil {
			t.Errorf("postgres: drop database %s: %v", name, err)
		}
	})
	return WithDatabase(srv, name)
}

// WithDatabase is the server's connection naming database db.
func WithDatabase(srv, db string) string {
	if strings.HasPrefix(srv, "postgres://") || strings.HasPrefix(srv, "postgresql://") {
		if u, err := url.Parse(srv); err == nil {
			u.Path = "/" + db
			return u.String()
		}
	}
	return srv + " dbname=" + db
}

// databaseName is a valid, unique database name that says which test
// made it (so a database a killed test left behind can be traced).
func databaseName(test string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(test) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= 40 {
			break
		}
	}
	var rnd [4]byte
	_, _ = rand.Read(rnd[:])
	return "duikou_t_" + b.String() + "_" + hex.EncodeToString(rnd[:])
}
