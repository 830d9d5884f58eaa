//go:build !unix

package recommend

import "time"

// processCPU is not measured here.
func processCPU() time.Duration { return 0 }
