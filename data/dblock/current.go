package dblock

import "os"

// Current reads who holds the lock of the database at dbPath, without
// taking it: for a message about a database another program keeps busy.
// ok is false when the lock file is missing, empty (released) or unreadable.
func Current(dbPath string) (h Holder, ok bool) {
	f, err := os.Open(LockPath(dbPath))
	if err != nil {
		return Holder{}, false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() == 0 {
		return Holder{}, false
	}
	h = readHolder(f)
	return h, h != (Holder{})
}
