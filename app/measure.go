package app

import (
	"bufio"
	"fmt"
	"image"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// packageInit approximates the process start where /proc is missing.
var packageInit = time.Now()

// MeasureStartup is the hook behind `duikou --measure-startup`, which the
// README's start-up figures come from. It notes when the window paints its
// first frame (a one-pixel raster is drawn in that paint), then opens the
// worker list and notes when its first rows are on screen, waits three
// seconds for the background counts to settle, writes one line with the
// times (from process start) and the resident memory, and quits.
func MeasureStartup(g *GUI, out io.Writer) {
	g.onFirstFrame(func(first time.Duration) { g.afterFirstFrame(first, out) })
}

// onFirstFrame calls then on the UI thread once the window has painted its
// first frame (a one-pixel raster is drawn in that paint), with the time
// from process start.
func (g *GUI) onFirstFrame(then func(first time.Duration)) {
	var once sync.Once
	probe := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() {
			first := processAge()
			fyne.Do(func() { then(first) })
		})
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	})
	probe.Resize(fyne.NewSize(1, 1))
	g.win.SetContent(container.NewStack(g.win.Content(), container.NewWithoutLayout(probe)))
}

func (g *GUI) afterFirstFrame(first time.Duration, out io.Writer) {
	g.OpenWorkers(func() {
		listed := processAge()
		time.AfterFunc(3*time.Second, func() {
			rss, peak := memoryKB()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(out, "first_frame_ms=%d worker_list_ms=%d workers=%d rss_mb=%d peak_rss_mb=%d go_heap_mb=%d\n",
				first.Milliseconds(), listed.Milliseconds(), g.workers.rows.length(), rss/1024, peak/1024, m.HeapInuse>>20)
			fyne.Do(g.app.Quit)
		})
	})
}

// OpenWorkers shows the worker list and calls ready on the UI thread once
// its first rows are there.
func (g *GUI) OpenWorkers(ready func()) {
	if g.workers == nil {
		return // still at the set-up
	}
	g.navigate(screenWorkers)
	if g.workers.rows.ready() {
		ready()
		return
	}
	g.workers.onReady = append(g.workers.onReady, ready)
}

// processAge is the time since the process started: from /proc on Linux,
// else since this package was initialised.
func processAge() time.Duration {
	stat, err1 := os.ReadFile("/proc/self/stat")
	up, err2 := os.ReadFile("/proc/uptime")
	if err1 != nil || err2 != nil {
		return time.Since(packageInit)
	}
	// Field 22 (starttime, in clock ticks since boot) comes after the
	// command name in parentheses, which may hold spaces.
	rest := string(stat)
	if i := strings.LastIndexByte(rest, ')'); i >= 0 {
		rest = rest[i+1:]
	}
	fields := strings.Fields(rest)
	uptime, err := strconv.ParseFloat(strings.Fields(string(up))[0], 64)
	if len(fields) < 20 || err != nil {
		return time.Since(packageInit)
	}
	ticks, err := strconv.ParseFloat(fields[19], 64)
	if err != nil {
		return time.Since(packageInit)
	}
	const clockTicks = 100 // USER_HZ on Linux
	return time.Duration((uptime - ticks/clockTicks) * float64(time.Second))
}

// memoryKB reads the resident set size and its peak from /proc (0 where
// there is no /proc).
func memoryKB() (rss, peak int64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			rss = n
		case "VmHWM":
			peak = n
		}
	}
	return rss, peak
}
