package dblock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Suffix is added to a database's path to name its lock file.
const Suffix = ".lock"

// LockPath is the lock file of a database file.
func LockPath(dbPath string) string { return dbPath + Suffix }

// Holder is who holds a lock, as written into the lock file.
type Holder struct {
	Program  string    `json:"program"`  // e.g. 对口劳务协作窗口, duikou import
	Computer string    `json:"computer"` // the host name
	PID      int       `json:"pid"`
	Since    time.Time `json:"since"`
}

// String describes the holder for a clerk:
// 对口劳务协作窗口（电脑 PC-01，进程 1234，自 2026-12-06 10:02 起）.
func (h Holder) String() string {
	program := h.Program
	if program == "" {
		program = "未知程序"
	}
	var parts []string
	if h.Computer != "" {
		parts = append(parts, "电脑 "+h.Computer)
	}
	if h.PID > 0 {
		parts = append(parts, fmt.Sprintf("进程 %d", h.PID))
	}
	if !h.Since.IsZero() {
		parts = append(parts, "自 "+h.Since.Local().Format("2006-01-02 15:04")+" 起")
	}
	if len(parts) == 0 {
		return program
	}
	return program + "（" + strings.Join(parts, "，") + "）"
}

// BusyError is the refusal of a lock someone else holds. Holder is zero
// when the lock file could not be read (an old or foreign holder).
type BusyError struct {
	Path   string        // the lock file
	Holder Holder        // who holds it, as far as known
	Waited time.Duration // how long AcquireWait waited; 0 for Acquire
}

func (e *BusyError) Error() string {
	var b strings.Builder
	if e.Holder == (Holder{}) {
		b.WriteString("数据库正被另一个程序使用（无法得知是哪个程序）。")
	} else {
		b.WriteString("数据库正被另一个程序使用：" + e.Holder.String() + "。")
	}
	if e.Waited > 0 {
		fmt.Fprintf(&b, "已等待 %s，仍未释放。", waitText(e.Waited))
	}
	b.WriteString("请先关闭它再试。")
	return b.String()
}

// waitText is a duration as a clerk reads it: 10 秒, 2 分钟.
func waitText(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d 分钟", int(d/time.Minute))
	}
	return fmt.Sprintf("%d 秒", int((d+time.Second/2)/time.Second))
}

// IsBusy reports whether err is a refused lock, and who holds it.
func IsBusy(err error) (*BusyError, bool) {
	var be *BusyError
	ok := errors.As(err, &be)
	return be, ok
}

// errBusy is what the platform's try-lock returns when the lock is held.
var errBusy = errors.New("lock held")

// Lock is a held lock. Release it when the database is closed; the
// operating system releases it anyway when the process ends.
type Lock struct {
	mu     sync.Mutex
	f      *os.File
	path   string
	holder Holder
}

// Path is the lock file's path.
func (l *Lock) Path() string { return l.path }

// Holder is what this lock wrote into its file.
func (l *Lock) Holder() Holder { return l.holder }

// Release clears the lock file's content and gives the lock up. It is
// safe to call more than once.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	_ = f.Truncate(0)
	err := unlockFile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Acquire takes the lock of the database at dbPath without waiting.
// program names the holder for whoever is refused later: "对口劳务协作窗口",
// "duikou import". A lock held by anyone else (another process, or another
// Acquire in this one) is refused with a *BusyError naming the holder.
func Acquire(dbPath, program string) (*Lock, error) {
	return tryAcquire(LockPath(dbPath), program)
}

// AcquireWait takes the lock, waiting up to maxWait for its holder to give
// it up: for a short command-line write that may run while another one
// finishes. When the time is up the *BusyError says how long it waited.
func AcquireWait(dbPath, program string, maxWait time.Duration) (*Lock, error) {
	ctx, cancel := context.WithTimeout(context.Background(), maxWait)
	defer cancel()
	l, err := AcquireContext(ctx, dbPath, program, nil)
	if be, ok := IsBusy(err); ok {
		be.Waited = maxWait
	}
	return l, err
}

// pollEvery is how often a waiting acquirer tries again.
var pollEvery = 100 * time.Millisecond

// AcquireContext takes the lock, trying again until ctx is done. onBusy,
// when set, is called once, at the first refusal, with who holds the lock
// (so a command can print "正在等待……"). When ctx ends first, the last
// *BusyError is returned with Waited set to the time spent.
func AcquireContext(ctx context.Context, dbPath, program string, onBusy func(Holder)) (*Lock, error) {
	path := LockPath(dbPath)
	start := time.Now()
	told := false
	for {
		l, err := tryAcquire(path, program)
		be, busy := IsBusy(err)
		if !busy {
			return l, err
		}
		if !told && onBusy != nil {
			onBusy(be.Holder)
		}
		told = true
		t := time.NewTimer(pollEvery)
		select {
		case <-ctx.Done():
			t.Stop()
			be.Waited = time.Since(start).Round(time.Second)
			return nil, be
		case <-t.C:
		}
	}
}

// tryAcquire opens (creating) the lock file, tries the lock once, and on
// success writes the holder into it.
func tryAcquire(path, program string) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("无法创建数据库锁文件 %s：%w", path, err)
	}
	if err := lockFile(f); err != nil {
		if errors.Is(err, errBusy) {
			h := readHolder(f)
			f.Close()
			return nil, &BusyError{Path: path, Holder: h}
		}
		f.Close()
		return nil, fmt.Errorf("无法锁定数据库（%s）：%w", path, err)
	}
	host, _ := os.Hostname()
	l := &Lock{f: f, path: path, holder: Holder{Program: program, Computer: host, PID: os.Getpid(), Since: time.Now().Truncate(time.Second)}}
	if err := writeHolder(f, l.holder); err != nil {
		l.Release()
		return nil, fmt.Errorf("无法写入数据库锁文件 %s：%w", path, err)
	}
	return l, nil
}

// maxHolderSize bounds what is read of a lock file.
const maxHolderSize = 4 << 10

func writeHolder(f *os.File, h Holder) error {
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt(append(b, '\n'), 0); err != nil {
		return err
	}
	return nil
}

// readHolder reads who holds the lock. The holder writes its line just
// after taking the lock, so an empty or half-written file is read again a
// few times before giving up.
func readHolder(f *os.File) Holder {
	for range 5 {
		b, err := io.ReadAll(io.LimitReader(io.NewSectionReader(f, 0, maxHolderSize), maxHolderSize))
		if err == nil {
			var h Holder
			if json.Unmarshal(b, &h) == nil && h != (Holder{}) {
				return h
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return Holder{}
}
