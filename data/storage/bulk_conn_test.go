package storage

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// A bulk transaction on a SQLite file writes its batches through the
// driver's connection: a batch that fails rolls the whole transaction
// back, and the next bulk transaction, on the same connection with new
// statements, writes as before.
func TestBulkInsertThroughTheDriverRollsBackAndGoesOn(t *testing.T) {
	s := newStore(t)
	workers := func(from, n int) []*data.Worker {
		out := make([]*data.Worker, n)
		for i := range out {
			w := validWorker(from + i)
			w.ID, w.Origin, w.HLC = fmt.Sprintf("0190-w-%06d", from+i), "elsewhere", int64(from+i)
			out[i] = w
		}
		return out
	}
	insert := func(rows []*data.Worker) error {
		return s.bulkTransaction(func(db *gorm.DB) error {
			if bulkConnOf(db.Statement.Context) == nil && !testdb.Postgres() {
				t.Error("a bulk transaction on SQLite carries no connection for bulkInsert")
			}
			return bulkInsert(db, fixedNow, rows, false)
		})
	}
	// 1,200 rows: two full batches and a part; the last repeats the first id.
	bad := workers(1, 1200)
	bad[1199].ID = bad[0].ID
	if err := insert(bad); err == nil {
		t.Fatal("a batch repeating an id was stored")
	}
	if n := count(t, s, &data.Worker{}); n != 0 {
		t.Fatalf("%d workers after the failed transaction, want 0", n)
	}
	if err := insert(workers(1, 1200)); err != nil {
		t.Fatal(err)
	}
	if err := insert(workers(1201, 7)); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, &data.Worker{}); n != 1207 {
		t.Fatalf("%d workers, want 1207", n)
	}
	var got data.Worker
	if err := s.db.Where("id = ?", "0190-w-001207").Take(&got).Error; err != nil {
		t.Fatal(err)
	}
	if got.Name != "王秀兰" || got.Poverty != data.PovertyGeneral || got.HLC != 1207 || got.CreatedAt.IsZero() {
		t.Errorf("stored %+v", got)
	}
}
