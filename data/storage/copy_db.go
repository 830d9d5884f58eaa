package storage

import (
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"
)

// copyTables copies every table of a Duikou database, as it is in src,
// into dst (a transaction on an empty Duikou database of either engine),
// and returns the rows copied per table. It is how a PostgreSQL office
// backs up to a standard Duikou SQLite file and restores from one, and how
// an office moves from its SQLite file onto a server: the rows go through
// the models, so each engine stores them in its own types.
//
// src should read one state of the database (a snapshot transaction on a
// live server). Rows are upserted: the empty database already holds its
// schema version.
func copyTables(src, dst *gorm.DB, now time.Time) (map[string]int64, error) {
	if err := dialectOf(dst).deferForeignKeys(dst); err != nil {
		return nil, err
	}
	counts := map[string]int64{}
	for _, m := range models() {
		stmt := &gorm.Statement{DB: src}
		if err := stmt.Parse(m); err != nil {
			return nil, err
		}
		n, err := copyTable(src, dst, reflect.TypeOf(m).Elem(), now)
		if err != nil {
			return nil, fmt.Errorf("复制表 %s 失败：%w", stmt.Schema.Table, err)
		}
		counts[stmt.Schema.Table] = n
	}
	if err := dialectOf(dst).afterCopy(dst); err != nil {
		return nil, err
	}
	return counts, nil
}

// copyBatch bounds the rows held in memory while a table is copied.
const copyBatch = 2000

// copyTable streams one table's rows (every row, tombstones included)
// from src into dst in batches.
func copyTable(src, dst *gorm.DB, typ reflect.Type, now time.Time) (int64, error) {
	rows, err := src.Model(reflect.New(typ).Interface()).Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	sliceType := reflect.SliceOf(reflect.PointerTo(typ))
	batch := reflect.MakeSlice(sliceType, 0, copyBatch)
	var n int64
	flush := func() error {
		if batch.Len() == 0 {
			return nil
		}
		if err := bulkInsert(dst, now, batch.Interface(), true); err != nil {
			return err
		}
		n += int64(batch.Len())
		batch = reflect.MakeSlice(sliceType, 0, copyBatch)
		return nil
	}
	for rows.Next() {
		row := reflect.New(typ)
		if err := src.ScanRows(rows, row.Interface()); err != nil {
			return n, err
		}
		batch = reflect.Append(batch, row)
		if batch.Len() == copyBatch {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, flush()
}
