package exchange

import (
	"errors"
	"fmt"

	"duikou/data/storage"
)

// Result is what Apply did.
type Result struct {
	Summary *storage.ApplySummary
	// Backup is the copy of the database taken just before the import.
	Backup string
	// AlreadyImported: the bundle had been taken in before; nothing was
	// done, not even a backup.
	AlreadyImported bool
}

// DryRun validates every record and counts what the import would do
// (new, updated, unchanged, conflicts, refused), writing nothing. For a
// bundle imported before it returns an empty summary.
func (o *Opened) DryRun() (*storage.ApplySummary, error) {
	if o.AlreadyImported {
		return &storage.ApplySummary{}, nil
	}
	sum, err := o.apply(o.Manifest.BundleID, o.FileName, nil)
	if err != nil {
		return nil, o.explain(err)
	}
	return sum, nil
}

// Apply applies the whole bundle in one transaction, reading it as it
// merges it, records its id under fileName and, last inside the
// transaction, takes a backup of the database as it was before. If the
// file turns out damaged or misshapen, it is refused as Open refuses a
// file (the same Err values) and nothing is written, no backup taken; if
// any record fails validation nothing is imported and the error matches
// ErrRecordsRefused; the summary lists the refusals. Applying a bundle a
// second time does nothing.
func (o *Opened) Apply(fileName string) (*Result, error) {
	id := o.Manifest.BundleID
	imported, err := o.s.BundleImported(id)
	if err != nil {
		return nil, err
	}
	if imported {
		o.AlreadyImported = true
		return &Result{Summary: &storage.ApplySummary{}, AlreadyImported: true}, nil
	}
	var backup string
	sum, err := o.apply(id, fileName, func(tx *storage.Tx) error {
		// A bundle that carries no records (only the partner's
		// acknowledgements) changes none of them: no backup of the whole
		// database for it. (The file's counts were checked by now.)
		if o.Manifest.Counts.Ops == 0 && o.Manifest.Counts.Rows == 0 {
			return nil
		}
		var err error
		if backup, err = tx.BackupBeforeCommit(storage.BackupBeforeImport); err != nil {
			return fmt.Errorf("导入前备份失败，未导入任何数据：%w", err)
		}
		return nil
	})
	if errors.Is(err, storage.ErrBundleImported) { // by another import meanwhile
		o.AlreadyImported = true
		return &Result{Summary: &storage.ApplySummary{}, AlreadyImported: true, Backup: backup}, nil
	}
	res := &Result{Summary: sum, Backup: backup}
	if err != nil {
		if sum != nil && len(sum.Refused) > 0 {
			return res, refuse(ErrRecordsRefused, fmt.Sprintf("共%d条，如：%s", len(sum.Refused), sum.Refused[0]))
		}
		return res, o.explain(err)
	}
	o.AlreadyImported = true
	return res, nil
}

// apply reads and merges the file a part at a time (parts.go); without
// beforeCommit it is the dry run, rolled back.
func (o *Opened) apply(bundleID, fileName string, beforeCommit func(*storage.Tx) error) (*storage.ApplySummary, error) {
	head := &storage.Changes{From: o.Changes.From, To: o.Changes.To, Since: o.Changes.Since, Vector: o.Changes.Vector}
	parts, stop := o.partsOf(head)
	defer stop()
	sum, err := o.s.ApplyChunks(head, parts, bundleID, fileName, beforeCommit == nil, beforeCommit)
	if err == nil {
		o.Changes = head
	}
	return sum, err
}
