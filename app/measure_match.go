package app

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"duikou/data"
)

// MeasureMatch is the hook behind `duikou --measure-match`, which the
// README's 匹配推荐 figures come from. After the first frame it opens
// 匹配推荐 and notes when the match index is ready; then it ranks the
// first open demand's top 50 five times through the engine (the median
// and the slowest are reported), shows that ranking on the screen as a
// clerk would see it, waits three seconds, writes one line with the times
// and the resident memory, and quits.
func MeasureMatch(g *GUI, out io.Writer) {
	g.onFirstFrame(func(first time.Duration) {
		opened := time.Now()
		g.navigate(screenMatch)
		s := g.match
		ok := s.withEngine(func(e matchEngine) {
			ready := time.Since(opened)
			st := s.st
			go func() {
				ds, _, err := st.ListDemands(data.DemandFilter{OpenOn: st.Today()}, data.Page{Limit: 1})
				if err != nil || len(ds) == 0 {
					fmt.Fprintf(out, "first_frame_ms=%d match_ready_ms=%d no open demand: %v\n", first.Milliseconds(), ready.Milliseconds(), err)
					fyne.Do(g.app.Quit)
					return
				}
				var times []time.Duration
				for range 5 {
					start := time.Now()
					if _, err := e.TopWorkers(ds[0].ID, rankLimit); err != nil {
						fmt.Fprintln(out, "match error:", err)
					}
					times = append(times, time.Since(start))
				}
				slices.Sort(times)
				fyne.Do(func() {
					s.byDemand.demand = &ds[0]
					s.byDemand.rank()
				})
				time.AfterFunc(3*time.Second, func() {
					rss, peak := memoryKB()
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					fmt.Fprintf(out, "first_frame_ms=%d match_ready_ms=%d top50_median_ms=%.1f top50_max_ms=%.1f rss_mb=%d peak_rss_mb=%d go_heap_mb=%d\n",
						first.Milliseconds(), ready.Milliseconds(), millis(times[len(times)/2]), millis(times[len(times)-1]),
						rss/1024, peak/1024, m.HeapInuse>>20)
					fyne.Do(g.app.Quit)
				})
			}()
		})
		if !ok {
			fmt.Fprintln(out, "match index failed:", s.buildErr)
			g.app.Quit()
		}
	})
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
