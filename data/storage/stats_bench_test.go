package storage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/demo"
	"duikou/data/stats"
	"duikou/data/storage"
	"duikou/data/storage/benchdb"
)

// BenchmarkReportMonthly1M counts a month of 统计报表 over the
// 1,000,000-worker demo (goal: 2 s or less). The database is built once
// through the demo generator (minutes) and kept under the temp folder, or
// named by DUIKOU_REPORT_BENCH_DB; the benchmark is skipped unless
// DUIKOU_BENCH_1M=1:
//
//	DUIKOU_BENCH_1M=1 go test ./data/storage/ -run '^$' -bench ReportMonthly1M -benchtime 5x -timeout 1h
//
// With DUIKOU_BENCH_POSTGRES naming a server it counts on a copy of the
// same database there (data/storage/benchdb; the first copy takes some
// minutes).
func BenchmarkReportMonthly1M(b *testing.B) {
	if os.Getenv("DUIKOU_BENCH_1M") != "1" {
		b.Skip("set DUIKOU_BENCH_1M=1 to run the million-worker benchmarks")
	}
	path := os.Getenv("DUIKOU_REPORT_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("duikou-report-bench-1m-s1-v%d.db", storage.SchemaVersion))
	}
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		s, err := demo.Create(path+".building", demo.Options{Workers: 1_000_000})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(path+".building", path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %s", path, time.Since(start).Round(time.Second))
	}
	if benchdb.Server() != "" {
		name := fmt.Sprintf("duikou_bench_report_1m_s1_v%d", storage.SchemaVersion)
		loc, err := benchdb.CopyOnServer(path, name)
		if err != nil {
			b.Fatal(err)
		}
		path = loc
	}
	s, err := storage.OpenWith(path, storage.Options{Reader: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	today := s.Today()
	last := data.MakeDate(today.Year, today.Month, 1).AddDays(-1) // the month a clerk reports
	p, err := stats.ParseMonth(last.String()[:7], today)
	if err != nil {
		b.Fatal(err)
	}
	var r *stats.Report
	b.ResetTimer()
	for b.Loop() {
		if r, err = s.Report(p); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	n, _ := s.CountWorkers(data.WorkerFilter{})
	b.ReportMetric(float64(n), "workers")
	b.Logf("%s: %s workers in all, %s started, %s in work at the end", p.Label(),
		r.Value(stats.WorkersTotal), r.Value(stats.PlacementsStarted), r.Value(stats.InWorkEnd))
}
