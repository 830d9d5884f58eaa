package storage

// Several desktops on one PostgreSQL office at once: the op log, the
// clock and the schema migration hold up.

import (
	"sync"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// Four desktops (four Stores, each with its own connections) save
// workers on one PostgreSQL office at the same time. Every save succeeds
// and the office's op log is numbered 1..N with no gap and no number
// twice: the advisory lock of dialect_postgres.go queues the writers
// before each reads the last number. Without it two writers read the same
// last number and one fails on the op log's primary key.
func TestOpLogStaysDenseWithConcurrentDesktops(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	first, loc := openTemp(t)
	office, err := first.SetupOffice("兰州市总工会", "620100", "sending", "李娟")
	if err != nil {
		t.Fatal(err)
	}
	const desktops, each = 4, 15
	stores := []*Store{first}
	for i := 1; i < desktops; i++ {
		s, err := OpenWith(loc, testOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	var wg sync.WaitGroup
	errs := make(chan error, desktops*each)
	for d, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				errs <- s.Create(validWorker(100 + d*each + i))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a concurrent save failed: %v", err)
		}
	}
	var seqs []int64
	if err := first.db.Model(&Op{}).Where("origin = ?", office.ID).Order("seq").Pluck("seq", &seqs).Error; err != nil {
		t.Fatal(err)
	}
	if len(seqs) < desktops*each {
		t.Fatalf("%d ops for %d saves", len(seqs), desktops*each)
	}
	for i, seq := range seqs {
		if seq != int64(i+1) {
			t.Fatalf("op %d is numbered %d: the log is not 1..%d (%v)", i+1, seq, len(seqs), seqs)
		}
	}
}

// A desktop whose clock runs an hour slow edits a worker after another
// desktop did: its op is stamped after the other's, as it must be for
// the later edit to win everywhere the two meet.
func TestASlowDesktopStampsAfterTheOthersWrites(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	fast, loc := openTemp(t)
	if _, err := fast.SetupOffice("兰州市总工会", "620100", "sending", "李娟"); err != nil {
		t.Fatal(err)
	}
	slowOpt := testOptions(t)
	slowOpt.Now = func() time.Time { return fixedNow.Add(-time.Hour) }
	slow, err := OpenWith(loc, slowOpt)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	w := validWorker(1)
	if err := fast.Create(w); err != nil {
		t.Fatal(err)
	}
	got, err := slow.Worker(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	got.Notes = "慢钟的电脑上补记"
	if err := slow.Update(got); err != nil {
		t.Fatal(err)
	}
	var stamps []int64
	if err := fast.db.Model(&Op{}).Where("row_id = ?", w.ID).Order("seq").Pluck("hlc", &stamps).Error; err != nil {
		t.Fatal(err)
	}
	if len(stamps) != 2 || stamps[1] <= stamps[0] {
		t.Fatalf("the worker's ops are stamped %v: the slow desktop's edit sorts before the first write", stamps)
	}
}

// Four desktops open a new, empty server database at the same moment:
// each opens, and the tables are made once.
func TestDesktopsOpeningANewDatabaseAtOnceAllOpen(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	loc := testdb.NewPostgres(t)
	const desktops = 4
	errs := make(chan error, desktops)
	var wg sync.WaitGroup
	for i := 0; i < desktops; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := OpenWith(loc, testOptions(t))
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a desktop could not open the new database: %v", err)
		}
	}
	s, err := OpenWith(loc, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var versions int64
	if err := s.db.Model(&data.Setting{}).Where("key = ?", schemaVersionKey).Count(&versions).Error; err != nil || versions != 1 {
		t.Fatalf("%d schema version rows, %v", versions, err)
	}
}
