package applog

import (
	"fmt"
	"os"
	"sync"
)

// rotator is an append-only file that moves itself aside when it grows
// past maxSize: name → name.1 → name.2 … and the oldest beyond keep is
// removed.
type rotator struct {
	mu      sync.Mutex
	path    string
	maxSize int64
	keep    int // old files kept besides the current one
	f       *os.File
	size    int64
}

func openRotator(path string, maxSize int64, keep int) (*rotator, error) {
	r := &rotator{path: path, maxSize: maxSize, keep: keep}
	if err := r.open(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *rotator) open() error {
	f, err := os.OpenFile(r.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, st.Size()
	return nil
}

// Write appends p (one record) to the file, rotating first when p would
// take it past the limit.
func (r *rotator) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return 0, os.ErrClosed
	}
	if r.size > 0 && r.size+int64(len(p)) > r.maxSize {
		// Another process may have rotated or written meanwhile.
		if st, err := os.Stat(r.path); err == nil && os.SameFile(st, mustStat(r.f)) {
			r.size = st.Size()
		} else {
			r.size = r.maxSize // moved aside by another process: reopen below
		}
		if r.size+int64(len(p)) > r.maxSize {
			r.rotate()
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

func mustStat(f *os.File) os.FileInfo {
	st, _ := f.Stat()
	return st
}

// rotate moves the current file aside and opens a new one. When a move
// fails (on Windows another process may have the file open) the log goes
// on in the file it has: losing lines is worse than a large file.
func (r *rotator) rotate() {
	if st, err := os.Stat(r.path); err == nil && os.SameFile(st, mustStat(r.f)) {
		r.f.Close()
		r.f = nil
		_ = os.Remove(r.old(r.keep))
		for i := r.keep - 1; i >= 1; i-- {
			_ = os.Rename(r.old(i), r.old(i+1))
		}
		if r.keep > 0 {
			_ = os.Rename(r.path, r.old(1))
		} else {
			_ = os.Remove(r.path)
		}
	} else {
		r.f.Close()
		r.f = nil
	}
	if err := r.open(); err != nil {
		// Nothing better to do than say so where a console may see it.
		fmt.Fprintln(os.Stderr, "duikou: 无法打开日志文件：", err)
	}
	if r.f == nil {
		r.f, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	}
}

func (r *rotator) old(i int) string { return fmt.Sprintf("%s.%d", r.path, i) }

func (r *rotator) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}

// Sync flushes the file to disk.
func (r *rotator) Sync() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	return r.f.Sync()
}
