package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"duikou/data/storage"
)

// The README's exchange figures: export and import of 100,000 changed
// records (workers registered with consent at the sending office). Set
// DUIKOU_BENCH_100K=1 to run them; building the offices takes a while.
const benchRecords = 100_000

var bench struct {
	once     sync.Once
	dir      string
	sender   string // database path of the sending office
	receiver []byte // the receiving office's database file, before any import
	file     string // a bundle of everything, for the receiver
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" && os.Getenv("DUIKOU_BENCH_DIR") == "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

func benchOffices(b *testing.B) {
	if os.Getenv("DUIKOU_BENCH_100K") != "1" {
		b.Skip("set DUIKOU_BENCH_100K=1 to run the 100,000-record exchange benchmarks")
	}
	bench.once.Do(func() {
		// DUIKOU_BENCH_DIR keeps the offices between runs (for profiling).
		if keep := os.Getenv("DUIKOU_BENCH_DIR"); keep != "" {
			bench.dir = keep
			bench.sender = filepath.Join(keep, officeSpecs[0].name, "duikou.db")
			bench.file = filepath.Join(keep, "all.duikou")
			if bench.receiver, bench.err = os.ReadFile(filepath.Join(keep, "receiver.db")); bench.err == nil {
				return
			}
		} else if bench.dir, bench.err = os.MkdirTemp("", "duikou-bench-"); bench.err != nil {
			return
		}
		a, r := newBenchOffice(b, 0), newBenchOffice(b, 1)
		pin(b, a, r)
		pin(b, r, a)
		for from := 0; from < benchRecords; from += 10_000 {
			bulkWorkers(b, a.s, from, 10_000)
		}
		bench.file = filepath.Join(bench.dir, "all.duikou")
		if _, bench.err = ExportFile(a.s, id(r), bench.file); bench.err != nil {
			return
		}
		a.s.Close()
		r.s.Close()
		bench.sender = a.path
		if bench.receiver, bench.err = os.ReadFile(r.path); bench.err == nil {
			bench.err = os.WriteFile(filepath.Join(bench.dir, "receiver.db"), bench.receiver, 0o644)
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
}

func newBenchOffice(b *testing.B, i int) *office {
	path := filepath.Join(bench.dir, officeSpecs[i].name, "duikou.db")
	s, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.SetupOffice(officeSpecs[i].name, officeSpecs[i].region, officeSpecs[i].role, "经办人"); err != nil {
		b.Fatal(err)
	}
	return &office{s: s, path: path}
}

func BenchmarkExport100k(b *testing.B) {
	benchOffices(b)
	s, err := storage.Open(bench.sender)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	partners, _ := s.Partners()
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		m, err := Export(s, partners[0].ID, &buf)
		if err != nil {
			b.Fatal(err)
		}
		if m.Counts.Rows != benchRecords {
			b.Fatalf("%d rows", m.Counts.Rows)
		}
	}
	b.ReportMetric(float64(buf.Len())/(1<<20), "MB/file")
}

func BenchmarkImport100k(b *testing.B) {
	benchOffices(b)
	benchImport(b, bench.receiver, bench.file, benchRecords)
}

// BenchmarkImportFile imports DUIKOU_BENCH_IMPORT_FILE into a fresh copy
// of the receiving office's database DUIKOU_BENCH_IMPORT_DB (its keys in
// DUIKOU_KEY_DIR): the 1,000,000-worker first full sync of .ci/bench, or
// any file, in a process that can be profiled.
func BenchmarkImportFile(b *testing.B) {
	file, db := os.Getenv("DUIKOU_BENCH_IMPORT_FILE"), os.Getenv("DUIKOU_BENCH_IMPORT_DB")
	if file == "" || db == "" {
		b.Skip("set DUIKOU_BENCH_IMPORT_FILE and DUIKOU_BENCH_IMPORT_DB")
	}
	receiver, err := os.ReadFile(db)
	if err != nil {
		b.Fatal(err)
	}
	benchImport(b, receiver, file, -1)
}

// benchImport times opening and applying file on a fresh copy of the
// receiver's database, which must take in wantNew records (any, for -1).
func benchImport(b *testing.B, receiver []byte, file string, wantNew int) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "receiver.db")
		if err := os.WriteFile(path, receiver, 0o644); err != nil {
			b.Fatal(err)
		}
		s, err := storage.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		o, err := OpenFile(s, file)
		if err != nil {
			b.Fatal(err)
		}
		res, err := o.Apply(o.FileName)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if wantNew >= 0 && res.Summary.New != wantNew {
			b.Fatalf("%+v", res.Summary)
		}
		b.ReportMetric(float64(res.Summary.New), "new")
		s.Close()
		b.StartTimer()
	}
}
