package applog

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
)

// FileName is the current log file's name in its folder.
const FileName = "duikou.log"

// Options tune Open; the zero value is the default.
type Options struct {
	// MaxSize is the size in bytes past which the file is rotated
	// (default 5 MB).
	MaxSize int64
	// Files is how many files are kept, the current one included
	// (default 5: duikou.log and duikou.log.1 … .4).
	Files int
	// Level is the lowest level written (default Info).
	Level slog.Leveler
}

// Log is an open log file and the logger writing to it.
type Log struct {
	*slog.Logger
	dir string
	w   *rotator
}

// Open creates dir (0700) if need be and opens dir/duikou.log (0600) for
// appending. The logger masks ID numbers and phones (MaskingHandler).
func Open(dir string, opt Options) (*Log, error) {
	if opt.MaxSize <= 0 {
		opt.MaxSize = 5 << 20
	}
	if opt.Files <= 0 {
		opt.Files = 5
	}
	if opt.Level == nil {
		opt.Level = slog.LevelInfo
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("无法创建日志文件夹 %s：%w", dir, err)
	}
	w, err := openRotator(filepath.Join(dir, FileName), opt.MaxSize, opt.Files-1)
	if err != nil {
		return nil, fmt.Errorf("无法打开日志文件：%w", err)
	}
	h := slog.NewTextHandler(w, &slog.HandlerOptions{Level: opt.Level})
	return &Log{Logger: slog.New(NewMaskingHandler(h)), dir: dir, w: w}, nil
}

// Dir is the log folder (for 设置's 打开日志文件夹).
func (l *Log) Dir() string { return l.dir }

// Path is the current log file ("" for Nop).
func (l *Log) Path() string {
	if l.w == nil {
		return ""
	}
	return l.w.path
}

// Writer is the raw file, for a library that logs through an io.Writer
// (nothing written here is masked).
func (l *Log) Writer() io.Writer {
	if l.w == nil {
		return io.Discard
	}
	return l.w
}

// Close flushes and closes the file; later records are dropped.
func (l *Log) Close() error {
	if l == nil || l.w == nil {
		return nil
	}
	_ = l.w.Sync()
	return l.w.Close()
}

// Discard is a logger that writes nothing.
func Discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// Nop is a Log that writes nothing, for when no log file could be opened.
func Nop() *Log { return &Log{Logger: Discard()} }

// LogPanic writes a recovered panic value and the stack of the goroutine
// that panicked at level Error. Call it from the deferred function that
// recovered, so that the stack still holds the panicking frames; where
// says what was running ("窗口", "duikou import").
func LogPanic(l *slog.Logger, where string, v any) {
	if l == nil {
		return
	}
	l.Error("程序出错（panic）", "where", where, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
}

// Catch is deferred directly (recover works only there): on a panic it
// logs it with its stack (LogPanic), then calls then with the value, or
// panics again with it when then is nil.
//
//	defer applog.Catch(lg.Logger, "窗口", nil)
func Catch(l *slog.Logger, where string, then func(v any)) {
	v := recover()
	if v == nil {
		return
	}
	LogPanic(l, where, v)
	if then == nil {
		panic(v)
	}
	then(v)
}
