package storage

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"duikou/data"
)

// A withdrawal of consent reaches the backups too. The live database keeps
// what consent.go says it keeps, but every backup in the backups folder
// taken before the withdrawal still holds the worker's whole record, its
// ops and its conflicts; a copy of that folder would outlive the purpose
// the data was given for. So once a transaction that withdrew consent has
// committed (locally, or a partner's withdrawal applied here), each backup
// that holds one of those workers is scrubbed the way a partner's husk is
// (eraseWorker, stripLoggedOps, the conflicts on personal columns dropped)
// and rewritten without free pages (rewriteBackup), so the erased bytes
// are gone from the file; an audit entry says how many files were scrubbed.

// scrubBackupsOf erases the workers' personal fields from every backup in
// the backups folder and audits the count. Failures are audited too; the
// withdrawal itself has committed and stands.
func (s *Store) scrubBackupsOf(workerIDs []string) {
	if len(workerIDs) == 0 {
		return
	}
	// The matching index kept beside the database (match_snapshot.go)
	// holds names too; it is only a cache, so it goes rather than waiting
	// to be found stale.
	_ = os.Remove(s.path + matchSnapshotSuffix)
	files, _ := filepath.Glob(filepath.Join(s.backupsDir(), "*.db"))
	scrubbed := 0
	var failed []string
	for _, f := range files {
		changed, err := rewriteBackup(f, func(db *sql.DB) (bool, error) { return backupHolds(db, workerIDs) },
			func(tx *gorm.DB) (bool, error) { return eraseWorkersIn(tx, workerIDs) })
		if err != nil {
			failed = append(failed, filepath.Base(f))
			continue
		}
		if changed {
			scrubbed++
		}
	}
	summary := fmt.Sprintf("劳动者撤回共享同意：已从%d份备份中删除其个人信息（备份文件夹共%d份）", scrubbed, len(files))
	if len(failed) > 0 {
		summary += fmt.Sprintf("；%d份无法处理，请手动删除：%s", len(failed), strings.Join(failed, "、"))
	}
	s.audit(data.AuditEntry{Action: data.ActBackup, Table: string(data.TableWorkers), Count: scrubbed, Summary: summary})
}

// backupHolds reports, reading only, whether a backup has a row or an op
// of any of the workers: most backups, taken before the worker was
// registered or already scrubbed, need no copy.
func backupHolds(db *sql.DB, ids []string) (bool, error) {
	var tables int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('workers', 'ops')`).Scan(&tables); err != nil {
		return false, fmt.Errorf("无法读取：%w", err)
	}
	if tables != 2 {
		return false, nil // not a Duikou database (a file of the clerk's own): nothing of ours in it
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := "(?" + strings.Repeat(",?", len(ids)-1) + ")"
	var n int
	err := db.QueryRow(`SELECT (SELECT COUNT(*) FROM workers WHERE id IN `+in+` AND (id_number <> '' OR phone <> '' OR address <> '' OR notes <> ''))
		+ (SELECT COUNT(*) FROM ops WHERE tbl = 'workers' AND row_id IN `+in+` AND (`+personalKeysLike+`))`, append(args, args...)...).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("不是本程序的数据库备份：%w", err)
	}
	return n > 0, nil
}

// personalKeysLike matches an op's fields (JSON keyed by column) that may
// name a personal column; a false match costs only a look at the file.
var personalKeysLike = func() string {
	var parts []string
	for _, col := range data.PersonalColumns {
		parts = append(parts, `fields LIKE '%"`+col+`"%'`)
	}
	return strings.Join(parts, " OR ")
}()

// opsWithPersonalData reports whether any logged op on the worker still
// carries a personal column.
func opsWithPersonalData(tx *gorm.DB, id string) (bool, error) {
	var ops []Op
	if err := tx.Where("tbl = ? AND row_id = ?", data.TableWorkers, id).Find(&ops).Error; err != nil {
		return false, err
	}
	for _, op := range ops {
		for col := range op.Fields {
			if data.IsPersonalColumn(col) {
				return true, nil
			}
		}
	}
	return false, nil
}

// eraseWorkersIn makes husks of the workers in a backup, strips their ops
// and drops their conflicts; changed is false when there was nothing left
// to erase.
func eraseWorkersIn(tx *gorm.DB, ids []string) (changed bool, err error) {
	for _, id := range ids {
		var w data.Worker
		res := tx.Where("id = ?", id).Limit(1).Find(&w)
		if res.Error != nil {
			return false, res.Error
		}
		if res.RowsAffected > 0 && (hasPersonalData(&w) || w.Name != huskName(w.Name)) {
			eraseWorker(&w)
			if err := tx.Model(&data.Worker{}).Where("id = ?", id).
				Select("Name", "IDNumber", "Phone", "Address", "Notes", "Skills", "Trainings", "Birth", "FieldOps").
				Updates(&w).Error; err != nil {
				return false, err
			}
			changed = true
		}
		stripped, err := opsWithPersonalData(tx, id)
		if err != nil {
			return false, err
		}
		if stripped {
			if err := stripLoggedOps(tx, id); err != nil {
				return false, err
			}
			changed = true
		}
		if err := tx.Where("tbl = ? AND row_id = ? AND field IN ?", data.TableWorkers, id, data.PersonalColumns).
			Delete(&Conflict{}).Error; err != nil {
			return false, err
		}
	}
	return changed, nil
}

// hasPersonalData reports whether a worker row still holds any of the
// values a husk has erased.
func hasPersonalData(w *data.Worker) bool {
	if w.IDNumber != "" || w.Phone != "" || w.Address != "" || w.Notes != "" {
		return true
	}
	for _, s := range w.Skills {
		if s.CertNo != "" {
			return true
		}
	}
	for _, t := range w.Trainings {
		if t.Certificate != "" {
			return true
		}
	}
	return false
}
