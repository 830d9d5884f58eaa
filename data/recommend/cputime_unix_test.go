//go:build unix

package recommend

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used so far: on a machine
// shared with other jobs it moves less than the wall clock does.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
