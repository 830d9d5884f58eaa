package match

import (
	"runtime"
	"sync"
	"testing"

	"duikou/data/catalog"
)

const benchWorkers = 1_000_000

var (
	benchIndexOnce sync.Once
	benchIndex     *Index
	benchIndexMB   float64
)

// millionIndex builds the 1,000,000-worker index once per test binary and
// measures the heap it holds.
func millionIndex() (*Index, float64) {
	benchIndexOnce.Do(func() {
		before := heapMB()
		benchIndex = Build(genWorkers(42, benchWorkers), nil)
		benchIndexMB = heapMB() - before
	})
	return benchIndex, benchIndexMB
}

func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkTopWorkers1M ranks a million workers for one demand and keeps
// the top 20, explained. Goal: 50 ms or less on two cores.
func BenchmarkTopWorkers1M(b *testing.B) {
	ix, mb := millionIndex()
	demands := map[string]Demand{
		"housekeeper": {
			ID: "d", Occupation: "housekeeper", WorkRegion: "320115", Left: 30, Open: true,
			WageMinFen: 450000, WageMaxFen: 650000, MinLevel: catalog.Level5,
			StartDate: genToday.AddDate(0, 0, 3), PartnerProvinces: []string{"620000"},
		},
		"electrician_men_18_45": {
			ID: "d", Occupation: "electrician", WorkRegion: "500112", Left: 10, Open: true,
			WageMaxFen: 800000, AgeMin: 18, AgeMax: 45, Sex: MaleOnly, MinLevel: catalog.Level4,
		},
	}
	for name, d := range demands {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if got := ix.TopWorkers(d, 20, genToday); len(got) != 20 {
					b.Fatalf("%d candidates", len(got))
				}
			}
			b.ReportMetric(mb, "index-MB")
		})
	}
}

// BenchmarkBuildIndex1M builds the index from a stream of a million
// generated workers. The generate sub-benchmark times the stream alone;
// the difference is the cost of indexing.
func BenchmarkBuildIndex1M(b *testing.B) {
	b.Run("generate", func(b *testing.B) {
		for b.Loop() {
			n := 0
			for range genWorkers(42, benchWorkers) {
				n++
			}
		}
	})
	b.Run("generate+build", func(b *testing.B) {
		for b.Loop() {
			if ix := Build(genWorkers(42, benchWorkers), nil); ix.workers.len() != benchWorkers {
				b.Fatal("short index")
			}
		}
	})
}

// BenchmarkAllocateJobFair allocates the demo job fair: 2,000 workers to
// 55 demands with 1,600 positions. Goal: 1 s or less.
func BenchmarkAllocateJobFair(b *testing.B) {
	ws, ds := jobFair()
	var a Allocation
	for b.Loop() {
		a = Allocate(ws, ds, genToday, nil)
	}
	b.ReportMetric(float64(len(a.Assignments)), "placed")
	b.ReportMetric(a.TotalScore, "total")
	b.ReportMetric(a.GreedyTotalScore, "greedy-total")
}
