package storage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"duikou/data"
	"duikou/data/demo"
	"duikou/data/storage"
)

// Benchmarks of a 返贫监测 run (Store.MonitorFlags), the goal being
// at most 3 s on a million workers:
//
//	go test ./data/storage -run '^$' -bench MonitorFlags -benchtime 5x
//	DUIKOU_BENCH_1M=1 go test ./data/storage -run '^$' -bench MonitorFlags -benchtime 5x -timeout 1h
//
// Without the variable only the 2,000-worker demo runs. With it, the
// million-worker demo is built once (some minutes) and kept under the
// system temp folder, and the matching benchmarks' million-worker
// database is read if it is there (data/recommend builds it).

const bench1MEnv = "DUIKOU_BENCH_1M"

func benchMonitor(b *testing.B, s *storage.Store) {
	b.Helper()
	today := s.Today()
	var flags int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fs, err := s.MonitorFlags(today)
		if err != nil {
			b.Fatal(err)
		}
		flags = len(fs)
	}
	b.ReportMetric(float64(flags), "flags")
}

func skipUnless1M(b *testing.B) {
	if os.Getenv(bench1MEnv) != "1" {
		b.Skipf("set %s=1 to run the million-worker benchmarks", bench1MEnv)
	}
}

// openOrSkip opens a cached benchmark database for reading; one this
// build cannot open (made by a newer schema, say) skips the benchmark.
func openOrSkip(b *testing.B, path string) *storage.Store {
	s, err := storage.OpenWith(path, storage.Options{Reader: true})
	if err != nil {
		b.Skipf("%s: %v", path, err)
	}
	return s
}

// BenchmarkMonitorFlagsDemo runs on the default demo (2,000 workers).
func BenchmarkMonitorFlagsDemo(b *testing.B) {
	s, err := demo.Create(filepath.Join(b.TempDir(), "demo.db"), demo.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchMonitor(b, s)
}

// BenchmarkMonitorFlagsDemo1M runs on the million-worker demo, built on
// the first run (its dates are those of the day it was built).
func BenchmarkMonitorFlagsDemo1M(b *testing.B) {
	skipUnless1M(b)
	path := filepath.Join(os.TempDir(), "duikou-monitor-bench-demo-v1-1000000.db")
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		s, err := demo.Create(tmp, demo.Options{Workers: 1_000_000, Progress: func(done, total int) {
			if done%100_000 == 0 {
				fmt.Fprintf(os.Stderr, "monitor bench demo: %d/%d workers\n", done, total)
			}
		}})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s := openOrSkip(b, path)
	defer s.Close()
	benchMonitor(b, s)
}

// BenchmarkMonitorFlagsMatch1M reads the matching benchmarks' database
// (a million workers, a third of them 脱贫户 or 监测对象, a few hundred
// referrals), if data/recommend has built it.
func BenchmarkMonitorFlagsMatch1M(b *testing.B) {
	skipUnless1M(b)
	path := filepath.Join(os.TempDir(), "duikou-match-bench-v1-1000000-s1.db")
	if _, err := os.Stat(path); err != nil {
		b.Skipf("%s is not built (DUIKOU_BENCH_1M=1 go test ./data/recommend -bench 1M builds it)", path)
	}
	s := openOrSkip(b, path)
	defer s.Close()
	if n, err := s.CountWorkers(data.WorkerFilter{}); err != nil || n < 1_000_000 {
		b.Fatalf("%d workers, %v", n, err)
	}
	benchMonitor(b, s)
}
