package storage

// A file of a hundred thousand records is merged a part at a time inside
// the import's one transaction, so that only one part's rows, ops and
// records are in memory at once (the exchange decodes each part as it
// comes). A part holds whole rows: a set of rows of the file and every op
// of the file on them, in the file's order. A row's merge reads and
// writes only that row, its conflicts and the ops on it, and the refs of
// its columns and ops name ops on that row, so merging the parts one
// after another does what merging the whole file does; parts follow the
// file's rows, parents' tables first, so a child's checks find its
// parents written. The file's bookkeeping (coverage, acknowledgements,
// the bundle's record) is done once, after the last part.

// ChangeChunks hands out a file's parts in order: each a Changes with the
// file's offices and vectors, some rows and every op on them; nil after
// the last. There is at least one part (an empty file's carries only the
// vectors). Ops whose row the file does not carry (a withdrawal of
// consent travels alone) come in the last part. Asking for the next part
// says the Store is done with the last: nothing of a part (its Fields
// maps, its values) is kept after that, so a reader may reuse them.
type ChangeChunks interface {
	Next() (*Changes, error)
}

// wholeChanges is a file held in memory, as one part.
func wholeChanges(c *Changes) ChangeChunks { return &onePart{c: c} }

type onePart struct {
	c    *Changes
	done bool
}

func (o *onePart) Next() (*Changes, error) {
	if o.done {
		return nil, nil
	}
	o.done = true
	return o.c, nil
}

// mergeChunks merges every part. What the parts find to ask the sender
// for (sync_restore.go) is gathered over the whole file: a part that
// refuses a record is a gap when any part, earlier or later, found ops
// missing, as in a merge of the whole file. It returns the asks for
// keepRestoreBooks and how many rows the parts held.
func mergeChunks(tx *Tx, chunks ChangeChunks, bundleID string, sum *ApplySummary) (*GapError, int, error) {
	asks, late := &GapError{Restored: true}, &GapError{Restored: true}
	rows := 0
	for {
		c, err := chunks.Next()
		if c == nil || err != nil {
			return asks, rows, err
		}
		rows += len(c.Rows)
		m := newMerge(tx, c, bundleID, sum)
		m.asks, m.late = asks, late
		if err := m.run(); err != nil {
			return asks, rows, restOf(chunks, err)
		}
	}
}

// restOf reads the parts after one whose merge failed: a file whose
// reader finds it damaged or misshapen further on is refused as such,
// whatever its earlier parts did (as when the whole file was checked
// before the merge), and not, say, as a gap that would be noted for the
// sender.
func restOf(chunks ChangeChunks, mergeErr error) error {
	for {
		c, err := chunks.Next()
		if err != nil {
			return err
		}
		if c == nil {
			return mergeErr
		}
	}
}
