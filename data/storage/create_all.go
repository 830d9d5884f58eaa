package storage

import (
	"fmt"

	"duikou/data"
)

// CreateAll stores new records in one transaction: all of them or none.
// A refusal names the record by name(i), as the clerk knows it.
func (s *Store) CreateAll(recs []data.Record, name func(i int) string) error {
	return s.Write(func(tx *Tx) error {
		for i, rec := range recs {
			if err := tx.Create(rec); err != nil {
				return fmt.Errorf("%s：%w", name(i), err)
			}
		}
		return nil
	})
}
