package storage

import (
	"testing"

	"gorm.io/gorm"

	"duikou/data/storage/testdb"
)

// anyBetween lets an import skip reading rows it cannot hold: it must say
// yes whenever a key of the chunk is there, also through a statement the
// transaction compiled for an earlier chunk.
func TestAnyBetweenFindsEveryHeldKey(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	origin := s.Office().ID
	below, above := w.ID[:len(w.ID)-1]+"/", w.ID+"0" // just before and just after the id, in byte order
	err := s.db.Transaction(func(db *gorm.DB) error {
		db = withExecCache(db)
		cases := []struct {
			name  string
			table string
			col   string
			keys  any
			lead  []any
			want  bool
		}{
			{"the id itself", "workers", "id", []string{w.ID}, nil, true},
			{"a chunk around the id", "workers", "id", []string{above, below}, nil, true},
			{"a chunk after the id", "workers", "id", []string{above, above + "1"}, nil, false},
			{"a chunk before the id", "workers", "id", []string{below[:len(below)-1], below}, nil, false},
			{"the worker's op, by row", "ops", "row_id", []string{below, above}, nil, true},
			{"the office's first op", "ops", "seq", []int64{1, 7}, []any{"origin", origin}, true},
			{"ops the office has not made", "ops", "seq", []int64{9, 2}, []any{"origin", origin}, false},
			{"another office's op", "ops", "seq", []int64{1}, []any{"origin", "another"}, false},
		}
		for _, c := range cases {
			var got bool
			var err error
			switch keys := c.keys.(type) {
			case []string:
				got, err = anyBetween(db, c.table, c.col, keys, c.lead...)
			case []int64:
				got, err = anyBetween(db, c.table, c.col, keys, c.lead...)
			}
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got != c.want && (c.want || !testdb.Postgres()) { // PostgreSQL always reads (see anyBetween)
				t.Errorf("%s: anyBetween = %v, want %v", c.name, got, c.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
