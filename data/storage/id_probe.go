package storage

import (
	"slices"

	"gorm.io/gorm"

	"duikou/data/dbconn"
)

// An import reads, 500 at a time, the rows of the file we hold, the ops
// on them that reached us before them and the ops of the file our log
// holds; on a first exchange there are none. GORM builds, compiles and
// reflects over each of those "IN (...)" reads, which costs more than
// SQLite's answer. anyBetween asks first, through a statement compiled
// once for the transaction, whether there is any row in the range the
// chunk spans: one index seek, and the full read runs only when there is.

// anyBetween reports whether table holds a row whose column lies between
// the least and the greatest of keys, where the leading columns equal
// lead (column = value pairs, as "origin = ?" and its value).
//
// On PostgreSQL it answers true without asking: text there compares by
// the database's collation, which need not be the byte order that
// slices.Min and slices.Max use, so a range could miss a key.
func anyBetween[K string | int64](db *gorm.DB, table, column string, keys []K, lead ...any) (bool, error) {
	if len(keys) == 0 {
		return false, nil
	}
	if dialectOf(db).engine() != dbconn.SQLite {
		return true, nil
	}
	query := `SELECT 1 FROM "` + table + `" WHERE `
	var args []any
	for i := 0; i+1 < len(lead); i += 2 {
		query += `"` + lead[i].(string) + `" = ? AND `
		args = append(args, lead[i+1])
	}
	query += `"` + column + `" BETWEEN ? AND ? LIMIT 1`
	args = append(args, slices.Min(keys), slices.Max(keys))
	rows, err := queryCompiled(db, dialectOf(db).rebind(query), args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	found := rows.Next()
	if err := rows.Err(); err != nil {
		return false, err
	}
	return found, rows.Close()
}
