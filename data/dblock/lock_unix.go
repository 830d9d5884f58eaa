//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package dblock

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockFile takes flock(2)'s exclusive lock without blocking. flock locks
// belong to the open file, so a second open of the same file in this
// process is refused too, and the kernel drops the lock with the last
// descriptor, that is when the process exits.
func lockFile(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EWOULDBLOCK):
			return errBusy
		}
		return err
	}
}

func unlockFile(f *os.File) error { return unix.Flock(int(f.Fd()), unix.LOCK_UN) }
