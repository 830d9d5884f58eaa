//go:build unix

package sheet

import "syscall"

// cpuSeconds is the CPU time this process has used, user and system: on
// a machine shared with other work the wall time says less than this.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
