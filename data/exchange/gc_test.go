package exchange

import (
	"runtime/debug"
	"testing"
)

// Overlapping bulk steps that end in any order leave the collector's
// target as it was before the first began.
func TestOverlappingBulkStepsRestoreTheGCTarget(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	endA := roomForBulk()
	endB := roomForBulk()
	endA()
	// SetGCPercent returns the target it replaces; setting the same
	// value reads it without changing it.
	if got := debug.SetGCPercent(bulkGCPercent); got != bulkGCPercent {
		t.Fatalf("with a step still running the target is %d", got)
	}
	endB()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("after both steps the target is %d, want 100", got)
	}
}
