package storage

import (
	"fmt"

	"gorm.io/gorm"

	"duikou/data"
)

// An export or a printed list made from a list screen follows the screen's
// order (data.Order), so a printed roster can be checked against the
// screen row by row. The ids are read first in that order (the same ORDER
// BY the screen's pages use, NULLs where the screen has them), then the
// rows in batches by id, put back in that order: keyset paging would skip
// rows whose sort column is NULL (a placement not yet started).

// preload names the associations every batch loads.
func preload(assocs ...string) func(*gorm.DB) *gorm.DB {
	return func(q *gorm.DB) *gorm.DB {
		for _, a := range assocs {
			q = q.Preload(a)
		}
		return q
	}
}

// eachInOrder calls fn for every row of q in order o (by creation when o
// is zero, or names the creation order), loading with for each batch.
func eachInOrder[T any, PT interface {
	*T
	data.Record
}](q *gorm.DB, with func(*gorm.DB) *gorm.DB, keys map[string]sortKey[T], o data.Order, fn func(*T) error) error {
	if with == nil {
		with = func(q *gorm.DB) *gorm.DB { return q }
	}
	if o.Sort == "" || keys[o.Sort].column == "id" && !o.Desc {
		return eachRow[T, PT](with(q), fn)
	}
	k, ok := keys[o.Sort]
	if !ok {
		return fmt.Errorf("data: unknown sort key %q", o.Sort)
	}
	dir := "ASC"
	if o.Desc {
		dir = "DESC"
	}
	order := k.column + " " + dir
	if k.column != "id" {
		order += ", id " + dir
	}
	var ids []string
	if err := q.Session(&gorm.Session{}).Order(order).Pluck("id", &ids).Error; err != nil {
		return err
	}
	// Preloads first, then a new session: every batch clones the query
	// instead of piling its IN list onto the one before.
	base := with(q).Session(&gorm.Session{})
	for start := 0; start < len(ids); start += exportBatch {
		batch := ids[start:min(start+exportBatch, len(ids))]
		var rows []T
		if err := base.Where("id IN ?", batch).Find(&rows).Error; err != nil {
			return err
		}
		byID := make(map[string]*T, len(rows))
		for i := range rows {
			byID[PT(&rows[i]).SyncInfo().ID] = &rows[i]
		}
		for _, id := range batch {
			if r := byID[id]; r != nil {
				if err := fn(r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
