package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage"
)

// The figures for "a filter keystroke updates within 100 ms on 100,000
// workers" come from here:
//
//	go test ./app/ -run XXX -bench WorkerList100k -benchtime 40x
//	DUIKOU_PERF=1 go test ./app/ -run TestWorkerListLatency100k -v
//
// The 100,000-worker database takes about 20 s to build through the
// Store's validated write path; it is kept in the system temp folder
// (duikou-perf-100k-v1.db) and reused by later runs.

const perfWorkers = 100_000

var (
	perfOnce  sync.Once
	perfPath  string
	perfError error
)

// perfStore opens the shared 100,000-worker database, building it once.
func perfStore(tb testing.TB) *storage.Store {
	tb.Helper()
	perfOnce.Do(func() {
		perfPath = filepath.Join(os.TempDir(), "duikou-perf-100k-v1.db")
		if s, err := storage.Open(perfPath); err == nil {
			n, _ := s.CountWorkers(data.WorkerFilter{})
			s.Close()
			if n == perfWorkers {
				return
			}
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(perfPath + suffix)
		}
		s, err := storage.Open(perfPath)
		if err != nil {
			perfError = err
			return
		}
		defer s.Close()
		if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
			perfError = err
			return
		}
		start := time.Now()
		perfError = s.WriteBulk(func(tx *storage.Tx) error {
			for i := 1; i <= perfWorkers; i++ {
				w := testWorker(i, perfName(i))
				// Unique numbers: 12,000 birth dates times sequence codes.
				birth := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%12000)
				w.IDNumber = ident.MakeID("620123", birth, i/12000, i%2 == 0)
				if i%3 == 0 {
					w.Status = data.WorkerEmployed
				}
				if i%5 == 0 {
					w.HukouRegion = "621102"
				}
				if err := tx.Create(w); err != nil {
					return err
				}
			}
			return nil
		})
		tb.Logf("built %d workers in %v", perfWorkers, time.Since(start))
	})
	if perfError != nil {
		tb.Fatal(perfError)
	}
	s, err := storage.Open(perfPath)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// perfName gives realistic, repeating Chinese names.
func perfName(i int) string {
	family := []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "牛", "魏", "郭"}
	given := []string{"秀兰", "建国", "桂英", "志强", "玉梅", "海燕", "军", "红", "明", "丽娟", "小平", "金花", "国庆"}
	return family[i%len(family)] + given[(i/len(family))%len(given)]
}

// keystrokes are what a clerk types into the search box, one at a time,
// with the filters and orders a list goes through.
var keystrokes = []listQuery[data.WorkerFilter]{
	{sort: "created", desc: true, filter: data.WorkerFilter{Text: "王"}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Text: "王秀"}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Text: "王秀兰"}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Text: "1380"}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Text: "13800012"}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Text: "620123198"}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Status: data.WorkerEmployed}},
	{sort: "created", desc: true, filter: data.WorkerFilter{Region: "621102", Status: data.WorkerEmployed}},
	{sort: "name", filter: data.WorkerFilter{Text: "张"}},
	{sort: "created", desc: true},
}

// keystrokeLatency runs one query as the list does after a keystroke and
// returns the time until its count and first page are ready for the table.
func keystrokeLatency(rows *pagedRows[data.Worker, data.WorkerFilter], q listQuery[data.WorkerFilter]) time.Duration {
	start := time.Now()
	rows.setQuery(q)
	rows.waitIdle()
	return time.Since(start)
}

func newPerfRows(s *storage.Store) *pagedRows[data.Worker, data.WorkerFilter] {
	return newPagedRows(func(fn func()) { fn() },
		lister[data.Worker, data.WorkerFilter]{list: s.ListWorkers, count: s.CountWorkers})
}

func BenchmarkWorkerList100kKeystroke(b *testing.B) {
	s := perfStore(b)
	rows := newPerfRows(s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		keystrokeLatency(rows, keystrokes[i%len(keystrokes)])
	}
}

func BenchmarkWorkerList100kScrollPage(b *testing.B) {
	s := perfStore(b)
	for _, order := range []string{"created", "name"} {
		b.Run(order, func(b *testing.B) {
			rows := newPerfRows(s)
			keystrokeLatency(rows, listQuery[data.WorkerFilter]{sort: order})
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// Scrolling down: each page follows a cached one.
				rows.row((i%400 + 1) * rowsPageSize)
				rows.waitIdle()
			}
		})
	}
}

// TestWorkerListLatency100k asserts the 100 ms budget per keystroke (the
// slowest of three runs of each query). It needs the 100,000-worker
// database, so it runs only with DUIKOU_PERF=1.
func TestWorkerListLatency100k(t *testing.T) {
	if os.Getenv("DUIKOU_PERF") == "" {
		t.Skip("set DUIKOU_PERF=1 to measure on 100,000 workers")
	}
	s := perfStore(t)
	rows := newPerfRows(s)
	keystrokeLatency(rows, listQuery[data.WorkerFilter]{sort: "created", desc: true}) // warm the page cache
	var all []time.Duration
	for _, q := range keystrokes {
		worst := time.Duration(0)
		for i := 0; i < 3; i++ {
			if d := keystrokeLatency(rows, q); d > worst {
				worst = d
			}
		}
		all = append(all, worst)
		t.Logf("%-60s %4d rows  %v", fmt.Sprintf("%+v", q), rows.length(), worst.Round(time.Millisecond))
		if worst > 100*time.Millisecond {
			t.Errorf("%+v took %v, over the 100 ms budget", q, worst)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	t.Logf("keystroke to rows ready: median %v, slowest %v", all[len(all)/2].Round(time.Millisecond), all[len(all)-1].Round(time.Millisecond))
}
