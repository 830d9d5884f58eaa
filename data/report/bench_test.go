package report

import (
	"io"
	"testing"
)

// BenchmarkPrintPlacements1000 renders a 1,000-placement roster (about
// 80 pages) to PDF: reading the rows with their workers, demands and
// employers, laying out wrapped cells, embedding the font subset.
func BenchmarkPrintPlacements1000(b *testing.B) {
	s := newStore(b)
	fixture(b, s, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Write(s, Placements, io.Discard, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rows != 1000 {
			b.Fatalf("%d rows", res.Rows)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}
