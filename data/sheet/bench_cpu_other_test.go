//go:build !unix

package sheet

// cpuSeconds is not measured here; the benchmark reports 0.
func cpuSeconds() float64 { return 0 }
