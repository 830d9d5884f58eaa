package exchange

import (
	"runtime/debug"
	"sync"
)

// bulkGCPercent is the garbage collector's target while a bundle is
// written, read or applied. A bundle of 100,000 records is decoded into a
// few hundred megabytes of short-lived rows and ops, and at Go's default
// (100) the collector takes about a second of a five-second import on a
// two-core PC. Three times the room costs a few hundred megabytes for
// those seconds and nothing for the small weekly files (the figures are
// in the README, with the command that measures them).
const bulkGCPercent = 300

// The target is one setting for the whole process, so overlapping bulk
// steps share it: the first raises it, the last puts it back.
var bulkGC struct {
	sync.Mutex
	steps int
	old   int
}

// roomForBulk raises the collector's target for one bulk step and
// returns the function that ends the step.
func roomForBulk() (restore func()) {
	bulkGC.Lock()
	if bulkGC.steps == 0 {
		bulkGC.old = debug.SetGCPercent(bulkGCPercent)
	}
	bulkGC.steps++
	bulkGC.Unlock()
	return func() {
		bulkGC.Lock()
		defer bulkGC.Unlock()
		if bulkGC.steps--; bulkGC.steps == 0 {
			debug.SetGCPercent(bulkGC.old)
		}
	}
}
