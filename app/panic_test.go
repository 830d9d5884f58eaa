package app

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// A panic on one of the window's goroutines does not end the program
// unrecorded: it is logged with that goroutine's stack and raised again on
// the UI thread (where main shows the dialog naming the log file).
func TestAPanicInABackgroundJobIsLoggedAndRaisedOnTheUIThread(t *testing.T) {
	var log bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&log, nil)))
	defer slog.SetDefault(old)

	var onUI func()
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer forwardPanic(func(fn func()) { onUI = fn }, "列表查询")
		panicsInAQuery()
	}()
	<-done
	if !strings.Contains(log.String(), "where=列表查询") || !strings.Contains(log.String(), "panicsInAQuery") {
		t.Fatalf("the log lacks the panic and its stack:\n%s", log.String())
	}
	if onUI == nil {
		t.Fatal("nothing was posted to the UI thread")
	}
	defer func() {
		if v := recover(); fmt.Sprint(v) != "列表查询出错：索引越界" {
			t.Fatalf("the UI thread got %v", v)
		}
	}()
	onUI()
	t.Fatal("the UI thread did not panic")
}

func panicsInAQuery() { panic("索引越界") }
