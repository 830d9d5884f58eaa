// Package dblock keeps one writer per database file: a process that opens
// a database for writing holds an operating-system lock on a small file
// beside it (office.db → office.db.lock), and the operating system drops
// the lock when the process ends, however it ends (kill -9, a crash, a
// power cut), so a lock is never left stale.
//
// Linux, macOS and the BSDs use flock(2), Windows LockFileEx. Both are
// held per open file, so a second Acquire in the same process (through a
// separate handle) is refused as well as one in another process. The lock
// is exclusive: there is one kind of holder, the writer. A restore takes
// the same lock, so it cannot start while a window or a command has the
// database open for writing; a process that already holds the lock
// restores under it. Readers (list, export, print) do not take it.
//
// The lock file also says who holds it: the program (窗口 or the command),
// the computer, the process id and since when, so a refused clerk is told
// what to close:
//
//	l, err := dblock.Acquire("office.db", "对口劳务协作窗口")
//	// err: 数据库正被另一个程序使用：duikou import（电脑 PC-01，进程 1234，自 2026-12-06 10:02 起）。请先关闭它再试。
//	defer l.Release()
//
// A short command-line write may instead wait a bounded time for the
// holder to finish (AcquireWait, or AcquireContext with a callback that
// tells the clerk it is waiting).
//
// The lock file is left in place after Release (removing it would let two
// processes lock two different files of one name); its content is cleared.
package dblock
