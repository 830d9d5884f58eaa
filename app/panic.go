package app

import (
	"fmt"
	"log/slog"

	"duikou/data/applog"
)

// forwardPanic is deferred at the top of each goroutine the window starts
// (list queries, the home screen's counts, a backup). A panic there would
// end the program on the spot: main's handler sees only the UI goroutine,
// so nothing would be logged and the clerk would see the window vanish.
// Instead the panic is logged here, with this goroutine's own stack, and
// raised again on the UI goroutine, where main's handler closes the
// window and shows a dialog naming the log file.
func forwardPanic(ui func(func()), where string) {
	v := recover()
	if v == nil {
		return
	}
	applog.LogPanic(slog.Default(), where, v)
	ui(func() { panic(fmt.Sprintf("%s出错：%v", where, v)) })
}
