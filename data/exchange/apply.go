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
	sum, err := o.apply(o.Manifest.BundleID, o.FileName, true)
	if err != nil {
		return nil, o.explain(err)
	}
	return sum, nil
}

// Apply takes a backup beside the database, then applies the whole
// bundle in one transaction and records its id under fileName. If any
// record fails validation nothing is imported and the error matches
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
	// A bundle that carries no records (only the partner's
	// acknowledgements) changes none of them: no backup of the whole
	// database for it.
	var backup string
	if len(o.Changes.Ops) > 0 || len(o.Changes.Rows) > 0 {
		if backup, err = o.s.BackupBeside(storage.BackupBeforeImport); err != nil {
			return nil, fmt.Errorf("导入前备份失败，未导入任何数据：%w", err)
		}
	}
	sum, err := o.apply(id, fileName, false)
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

// apply merges the file a part at a time (parts.go).
func (o *Opened) apply(bundleID, fileName string, dryRun bool) (*storage.ApplySummary, error) {
	parts, stop := o.partsOf()
	defer stop()
	return o.s.ApplyChunks(o.Changes, parts, bundleID, fileName, dryRun)
}
