package sheet

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestCancelledImportWritesNothing: a preview or an import whose context
// is cancelled (the screen's 取消) stops with the context's error and
// leaves the database as it was.
func TestCancelledImportWritesNothing(t *testing.T) {
	s := newStore(t)
	var b strings.Builder
	b.WriteString("姓名,身份证号,户籍地\n")
	const n = progressEvery + 50 // the context is looked at every progressEvery rows
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "工人%d,%s,榆中县\n", i, idNumber(i, i%2 == 0))
	}
	path := filepath.Join(t.TempDir(), "名单.csv")
	writeGBK(t, path, b.String())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := PreviewContext(ctx, s, Workers, path, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("preview: %v", err)
	}
	plan, err := Preview(s, Workers, path, nil)
	if err != nil || plan.New != n {
		t.Fatalf("preview: %v %+v", err, plan)
	}
	if _, err := ApplyContext(ctx, s, plan, Skip, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("apply: %v", err)
	}
	if n := countWorkers(t, s); n != 0 {
		t.Fatalf("a cancelled import wrote %d workers", n)
	}
	if _, err := Apply(s, plan, Skip, nil); err != nil || countWorkers(t, s) != int64(n) {
		t.Fatalf("apply: %v, %d workers", err, countWorkers(t, s))
	}
}
