package storage

import (
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage/testdb"
)

// BenchmarkCreateWorkerInBulk measures the write path (validation, the row,
// its op) inside one transaction, per worker.
func BenchmarkCreateWorkerInBulk(b *testing.B) {
	s, _ := OpenWith(testdb.Location(b), Options{BackupDir: testdb.BackupDir(b)}) // a file, or PostgreSQL
	defer s.Close()
	s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟")
	b.ResetTimer()
	err := s.WriteBulk(func(tx *Tx) error {
		for i := 0; i < b.N; i++ {
			birth := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/400)
			w := validWorker(0)
			w.IDNumber = ident.MakeID("620123", birth, i%400+1, i%2 == 0)
			if err := tx.Create(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
