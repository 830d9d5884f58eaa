package exchange

import "runtime/debug"

// bulkGCPercent is the garbage collector's target while a bundle is
// written, read or applied. A bundle of 100,000 records is decoded into a few hundred
// megabytes of short-lived rows and ops, and at Go's default (100) the
// collector runs so often that it takes a second of a five-second import
// on a two-core PC. Three times the room costs a few hundred megabytes for
// those seconds (measured: 1.57 → 1.93 GB peak for the 100k benchmark
// process, 5.5 → 4.4 s) and nothing for the small weekly files.
const bulkGCPercent = 300

// roomForBulk raises the collector's target for one bulk step and
// returns the function that puts it back.
func roomForBulk() (restore func()) {
	old := debug.SetGCPercent(bulkGCPercent)
	return func() { debug.SetGCPercent(old) }
}
