package storage

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"

	"duikou/data/dblock"
)

// busyTimeout is how long SQLite waits for another connection's write
// before it gives up (_busy_timeout in dsn).
const busyTimeout = "10 秒"

// BusyError is SQLite's "database is locked" in the clerk's words: the
// busy timeout ran out while another write held the database (a long
// import in the window while a command audits an export, two long jobs in
// one window). It names the program holding the database where the lock
// file says, and that nothing was changed.
type BusyError struct {
	Holder string // who holds the database, "" when unknown
	err    error
}

func (e *BusyError) Error() string {
	who := "另一项写入（如导入或恢复）"
	if e.Holder != "" {
		who = e.Holder + " 正在进行的写入"
	}
	return fmt.Sprintf("数据库正忙：%s已占用超过%s，本次操作未做任何改动。请等它完成后再试", who, busyTimeout)
}

func (e *BusyError) Unwrap() error { return e.err }

// explainBusy turns a busy or locked SQLite error into a *BusyError and
// leaves any other error as it is.
func (s *Store) explainBusy(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) || (se.Code != sqlite3.ErrBusy && se.Code != sqlite3.ErrLocked) {
		return err
	}
	be := &BusyError{err: err}
	if h, ok := dblock.Current(s.path); ok {
		be.Holder = h.String()
	}
	return be
}
