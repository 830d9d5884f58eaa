package recommend

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"duikou/data/match"
)

// snapshotVersion is part of every stamp: bump it when workerOf changes
// what a stored worker turns into, so older snapshots are rebuilt.
const snapshotVersion = "recommend 1"

// Open is New, reading the workers from the snapshot beside the database
// (Source.MatchSnapshot) when its stamp still matches the records: a
// million workers in well under a second instead of a rebuild. Otherwise
// it builds the index in full and writes the snapshot for the next run;
// a stale or damaged snapshot is deleted first, so an old copy of the
// workers' names does not linger. A snapshot that cannot be written
// costs only speed: Open still returns the Matcher.
func Open(s Source) (*Matcher, error) {
	m := subscribed(s)
	path, stamp, err := m.snapshotStamp()
	if err != nil {
		return nil, err
	}
	loaded := false
	if path != "" {
		ix, err := readSnapshot(path, stamp)
		switch {
		case err == nil:
			m.ix, loaded = ix, true
		case !errors.Is(err, fs.ErrNotExist):
			os.Remove(path)
		}
	}
	if !loaded {
		if err := m.indexAllWorkers(); err != nil {
			return nil, err
		}
	}
	if err := m.loadDemands(); err != nil {
		return nil, err
	}
	if !loaded && path != "" {
		// The stamp was read before the workers: a write since makes the
		// file stale at the next Open, never wrongly current.
		_ = writeSnapshot(m.ix, path, stamp)
	}
	return m, nil
}

// SaveSnapshot writes the index, brought up to date with the writes
// noticed so far, beside the database for the next Open (the window does
// it when it closes).
func (m *Matcher) SaveSnapshot() error {
	// Stamp first, then catch up: a write in between leaves the file
	// stamped older than its content, which the next Open refuses.
	path, stamp, err := m.snapshotStamp()
	if err != nil || path == "" {
		return err
	}
	if _, err := m.refresh(); err != nil {
		return err
	}
	return writeSnapshot(m.ix, path, stamp)
}

func (m *Matcher) snapshotStamp() (path, stamp string, err error) {
	path, stamp, err = m.s.MatchSnapshot()
	return path, snapshotVersion + "; " + stamp, err
}

func readSnapshot(path, stamp string) (*match.Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return match.ReadSnapshot(f, stamp)
}

// writeSnapshot writes to a temporary file beside path and renames it
// into place, so a reader never sees half a snapshot.
func writeSnapshot(ix *match.Index, path, stamp string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.partial")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // CreateTemp made it 0600
	if err := ix.WriteSnapshot(tmp, stamp); err != nil {
		tmp.Close()
		return fmt.Errorf("写匹配索引快照失败：%w", err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
