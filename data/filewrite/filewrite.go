// Package filewrite saves a file the clerk named so that it appears whole
// or not at all (written under a temporary name beside it, then renamed),
// and says in the clerk's words why it could not: the file's own name and
// a Chinese reason, never the temporary name or the system's English.
package filewrite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"syscall"
)

// TempName is the temporary name beside path that a writer fills before
// Commit.
func TempName(path string) string { return path + ".partial" }

// Commit puts the finished temporary file in place of path. On failure it
// removes the temporary file and returns Error.
func Commit(path string) error {
	tmp := TempName(path)
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return Error(path, err)
	}
	return nil
}

// Abandon removes the temporary file of a write that failed and returns
// Error for it.
func Abandon(path string, err error) error {
	os.Remove(TempName(path))
	return Error(path, err)
}

// Failed removes the temporary file of a write that failed. A failure of
// the file itself comes back as Error; any other (a database read, a
// refused record) is returned as it is.
func Failed(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return Abandon(path, err)
	}
	os.Remove(TempName(path))
	return err
}

// Bytes writes b to path through the temporary name.
func Bytes(path string, b []byte) error {
	if err := os.WriteFile(TempName(path), b, 0o644); err != nil {
		return Abandon(path, err)
	}
	return Commit(path)
}

// Error is "无法写入 FILE：REASON" for a failure to write path.
func Error(path string, err error) error {
	return fmt.Errorf("无法写入 %s：%s", path, Reason(err))
}

// Reason says in Chinese why a file operation (a write, or opening a file
// to read) failed; the system's own message is English (or in the
// system's language) and names temporary files, so it is not shown.
func Reason(err error) string {
	var errno syscall.Errno
	isErrno := errors.As(err, &errno)
	switch {
	case runtime.GOOS == "windows" && isErrno && (errno == 32 || errno == 33):
		// ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
		return "文件正被其他程序（如 Excel、WPS、PDF 阅读器）打开，请关闭后重试"
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限（文件可能正被其他程序打开，或文件夹不允许写入）"
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "磁盘或 U 盘是只读的"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹的名称"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名太长"
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有一段不是文件夹"
	}
	return "读写出错"
}
