// Package benchdb keeps the large benchmarks' databases on a PostgreSQL
// server between runs, as they keep their SQLite files in the temp
// folder: when the environment variable DUIKOU_BENCH_POSTGRES names a
// server, a benchmark runs on a copy of its SQLite database there, made
// once by the Store's own move (what `duikou migrate` does), so both
// engines are measured on the same records.
//
// DUIKOU_BENCH_POSTGRES is a connection without a database name, like
// testdb's DUIKOU_TEST_POSTGRES; its user must be allowed to create
// databases. The copies stay on the server until dropped by hand
// (dropdb duikou_bench_…).
package benchdb

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// EnvVar names the PostgreSQL server the benchmarks run on.
const EnvVar = "DUIKOU_BENCH_POSTGRES"

// Server is the server EnvVar names, "" when the benchmarks run on
// SQLite files.
func Server() string { return strings.TrimSpace(os.Getenv(EnvVar)) }

// CopyOnServer is the connection of database name on the server, holding
// what the SQLite file holds. The first call copies it there: into an
// empty database under another name, renamed only once the move has
// checked every table's rows and the op log, so a run killed halfway
// leaves nothing that passes for the copy (the half-filled one is dropped
// at the next call).
func CopyOnServer(file, name string) (string, error) {
	srv := Server()
	if srv == "" {
		return "", fmt.Errorf("%s is not set", EnvVar)
	}
	admin, err := sql.Open("pgx", testdb.WithDatabase(srv, "postgres"))
	if err != nil {
		return "", err
	}
	defer admin.Close()
	var n int
	if err := admin.QueryRow("SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil {
		return "", err
	}
	if n == 1 {
		return testdb.WithDatabase(srv, name), nil
	}
	building := name + "_building"
	for _, stmt := range []string{`DROP DATABASE IF EXISTS "` + building + `" WITH (FORCE)`, `CREATE DATABASE "` + building + `"`} {
		if _, err := admin.Exec(stmt); err != nil {
			return "", err
		}
	}
	if err := move(file, testdb.WithDatabase(srv, building)); err != nil {
		return "", fmt.Errorf("copy %s to the server: %w", file, err)
	}
	if _, err := admin.Exec(`ALTER DATABASE "` + building + `" RENAME TO "` + name + `"`); err != nil {
		return "", err
	}
	return testdb.WithDatabase(srv, name), nil
}

// move copies the file's records into the empty database at loc; the
// file is only read.
func move(file, loc string) error {
	src, err := storage.OpenWith(file, storage.Options{Reader: true})
	if err != nil {
		return err
	}
	defer src.Close()
	tmp, err := os.MkdirTemp("", "duikou-benchdb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dst, err := storage.OpenWith(loc, storage.Options{BackupDir: tmp})
	if err != nil {
		return err
	}
	if _, err := src.MoveTo(dst); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
