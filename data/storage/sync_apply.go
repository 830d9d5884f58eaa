package storage

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/ident"
)

// ApplySummary is what an import did (or, for a dry run, would do).
type ApplySummary struct {
	New       int      // rows this office did not have
	Updated   int      // rows that changed
	Unchanged int      // rows already as sent (a second import of the same file)
	Conflicts int      // concurrent edits; the losing values are in the conflict list
	Refused   []string // records that failed validation: nothing was applied
	Ops       int      // ops taken in (not seen before)
	// Reused counts ops taken in under a number we already held for
	// another op: the sender restored a backup (see sync_restore.go).
	Reused int
	// Withdrawn counts workers whose registering office withdrew their
	// consent: their personal data were erased here (consent.go).
	Withdrawn int
}

// ErrGap is returned when a bundle starts after ops this office has not
// received: an earlier file from that partner was not imported.
var ErrGap = errors.New("缺少对方较早的交换文件")

// GapError names the origin whose ops are missing.
type GapError struct {
	Origin   string
	Have     int64
	Needed   int64
	LastFile string // the last bundle imported from the sender, if any
	// Own: the ops missing are this office's own, lost in a restore; the
	// sender's file may build on them (sync_restore.go).
	Own bool
	// Restored: an office restored a backup and numbered ops again that
	// others already held; we wait for the sender to send them all.
	Restored bool

	ask   []string // origins to ask the sender for in full
	floor int64    // our own ops we know were numbered up to here
}

func (e *GapError) Error() string {
	switch {
	case e.Own:
		return "对方发来的记录依赖本单位恢复备份时丢失的变更，暂不能导入：请先给对方发送一份交换文件，" +
			"对方再发来的文件会补回本单位缺少的记录"
	case e.Restored:
		return "对方发来的记录依赖本单位没有的变更（有单位恢复过备份，变更编号重复），暂不能导入：" +
			"请先给对方发送一份交换文件，对方再发来的文件会补齐全部变更"
	}
	msg := fmt.Sprintf("该文件从对方第%d号变更开始，本单位只收到第%d号：中间有交换文件未导入", e.Needed+1, e.Have)
	if e.LastFile != "" {
		msg += "（上次导入的是 " + e.LastFile + "，请先导入它之后的文件）"
	}
	// Since the partner starts each file from our latest acknowledgement,
	// a file from us makes its next one bring what is missing: the way
	// out when the earlier file is gone (or we restored a backup).
	return msg + "；如找不到那个文件（或本单位刚恢复过备份），请先给对方发送一份交换文件，对方再发来的文件会补上缺少的变更"
}

func (e *GapError) Unwrap() error { return ErrGap }

// ApplyChanges merges a partner's changes in one transaction: ops in clock
// order, field by field (fast-forward when based on what we hold;
// otherwise the later ref wins on both offices and the other value goes to
// the conflict list), then the state of rows we did not have. Every record
// is validated; any refusal writes nothing. A dry run does all of it and
// rolls back. bundleID is recorded so the same file twice changes nothing.
//
// The rows are read, merged and validated in memory and written back in
// batches (see merge), which is what lets a hundred thousand of them in
// within seconds.
func (s *Store) ApplyChanges(c *Changes, bundleID, fileName string, dryRun bool) (*ApplySummary, error) {
	return s.ApplyChunks(c, wholeChanges(c), bundleID, fileName, dryRun, nil)
}

// ApplyChunks is ApplyChanges on a file read a part at a time
// (sync_chunks.go): c is the file without its rows and fields (offices
// and vectors; every op's origin and number, which the reader of the
// parts may fill in as it goes: they are first read once the last part
// is taken), chunks the parts, merged one after another in the one
// transaction. beforeCommit, when given, runs last inside the
// transaction of an import that is not a dry run and passed every check
// (the exchange takes its backup there, so that a file refused midway
// leaves no trace); its error rolls everything back.
func (s *Store) ApplyChunks(c *Changes, chunks ChangeChunks, bundleID, fileName string, dryRun bool, beforeCommit func(*Tx) error) (*ApplySummary, error) {
	self := s.Office()
	if self == nil {
		return nil, errors.New("请先完成本单位设置")
	}
	if c.To != self.ID {
		return nil, fmt.Errorf("该文件是发给另一单位（%s）的，不是本单位", c.To)
	}
	var partner data.Partner
	if res := s.db.Where("id = ?", c.From).Limit(1).Find(&partner); res.Error != nil || res.RowsAffected == 0 {
		return nil, fmt.Errorf("发送方 %s 不是已添加的协作单位", c.From)
	}
	sum := &ApplySummary{}
	var tx *Tx
	errRollback := errors.New("dry run")
	err := s.bulkTransaction(func(db *gorm.DB) error {
		// New rows may point at parents that arrive later in the same
		// bundle; check foreign keys at commit instead of per statement.
		if err := s.dialect.deferForeignKeys(db); err != nil {
			return err
		}
		// Statements compiled once for the whole file (stmt_cache.go).
		tx = &Tx{s: s, db: withExecCache(db), origin: self.ID, clerk: self.ClerkName, remote: true}
		var err error
		if tx.seq, err = s.beginOpLog(db, self.ID); err != nil {
			return err
		}
		// After the op log's lock (beginOpLog): on a server, where a
		// transaction does not take the write lock at BEGIN, that is what
		// makes a second import of the bundle wait for the first.
		if err := checkNotImported(db, bundleID); err != nil {
			return err
		}
		asks, rows, err := mergeChunks(tx, chunks, bundleID, sum)
		if err != nil {
			return err
		}
		if len(sum.Refused) > 0 {
			return errRollback
		}
		if err := keepRestoreBooks(db, c, asks, true); err != nil { // sync_restore.go
			return err
		}
		if err := tx.recordImport(c, rows, bundleID, fileName, sum); err != nil {
			return err
		}
		if dryRun {
			return errRollback
		}
		if beforeCommit != nil {
			if err := beforeCommit(tx); err != nil {
				return err
			}
		}
		if err := s.dialect.announce(db, s.token, tx.changes); err != nil { // other desktops
			return err
		}
		return db.CreateInBatches(tx.audits, 200).Error
	})
	var gap *GapError
	if errors.As(err, &gap) && !dryRun {
		// Refused, but what the sender holds is still its word, and what we
		// miss is worth asking for: our next file starts the exchange
		// again from there. (Two offices that each wait for the other's
		// answer would otherwise refuse each other's files for ever.)
		ferr := s.db.Transaction(func(db *gorm.DB) error { return keepRestoreBooks(db, c, gap, false) })
		if ferr != nil {
			return nil, ferr
		}
	}
	if err != nil && !errors.Is(err, errRollback) {
		return nil, s.explainBusy(err)
	}
	if len(sum.Refused) > 0 && !dryRun {
		return sum, fmt.Errorf("文件中有%d条记录未通过校验，未导入任何数据：%s", len(sum.Refused), sum.Refused[0])
	}
	if !dryRun {
		s.notify(tx.changes)
		s.scrubBackupsOf(tx.withdrawn)
	}
	return sum, nil
}

// loadAny reads a row by id, tombstones included; nil when absent.
func (tx *Tx) loadAny(table data.Table, id string) (data.Record, error) {
	rec, _ := newRecord(table)
	res := tx.db.Where("id = ?", id).Limit(1).Find(rec)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, nil
	}
	return rec, nil
}

func describeRemote(rec data.Record) string {
	switch r := rec.(type) {
	case *data.Worker:
		return r.Name + " " + ident.MaskID(r.IDNumber)
	case *data.Employer:
		return r.Name
	case *data.Demand:
		return r.Title
	}
	return rec.SyncInfo().ID
}

// recordImport stores our new coverage and the bundle in the history
// (the partner's acknowledgement vector is kept with the restore books,
// keepRestoreBooks).
func (tx *Tx) recordImport(c *Changes, rows int, bundleID, fileName string, sum *ApplySummary) error {
	var covs []Coverage
	if err := tx.db.Find(&covs).Error; err != nil {
		return err
	}
	covered := make(map[string]int64, len(covs))
	for _, cov := range covs {
		covered[cov.Origin] = cov.Seq
	}
	for _, origin := range sortedKeys(c.Vector) {
		if seq := c.Vector[origin]; origin != tx.origin && seq > covered[origin] {
			if err := tx.db.Save(&Coverage{Origin: origin, Seq: seq}).Error; err != nil {
				return err
			}
		}
	}
	summary := fmt.Sprintf("新增%d条，更新%d条，未变%d条，冲突%d处", sum.New, sum.Updated, sum.Unchanged, sum.Conflicts)
	if sum.Withdrawn > 0 {
		summary += fmt.Sprintf("；%d名劳动者已撤回共享同意，已删除本单位保存的其个人信息", sum.Withdrawn)
	}
	if sum.Reused > 0 {
		summary += fmt.Sprintf("；对方恢复过备份，%d条变更重复使用了已用过的编号，已按新变更合并", sum.Reused)
	}
	if err := tx.db.Create(&BundleLog{ID: bundleID, Direction: "in", PartnerID: c.From, At: tx.s.now().UTC(),
		Ops: sum.Ops, Rows: rows, FileName: fileName, Summary: summary}).Error; err != nil {
		return err
	}
	tx.Audit(data.AuditEntry{Action: data.ActSync, Table: "bundle_logs", RowID: bundleID, Count: sum.Ops,
		Summary: "导入交换文件 " + fileName + "：" + summary})
	return nil
}

// BundleImported reports whether a bundle id was taken in already.
func (s *Store) BundleImported(id string) (bool, error) {
	var n int64
	err := s.db.Model(&BundleLog{}).Where("id = ? AND direction = ?", id, "in").Count(&n).Error
	return n > 0, err
}

// RecordExport notes a bundle written for a partner.
func (s *Store) RecordExport(c *Changes, bundleID, fileName string) error {
	return s.RecordSent(c.To, len(c.Ops), len(c.Rows), bundleID, fileName)
}

// RecordSent notes a bundle of ops and rows written for partner (an
// export that streamed them, so holds only their counts).
func (s *Store) RecordSent(partnerID string, ops, rows int, bundleID, fileName string) error {
	return s.db.Transaction(func(db *gorm.DB) error {
		if err := db.Create(&BundleLog{ID: bundleID, Direction: "out", PartnerID: partnerID, At: s.now().UTC(),
			Ops: ops, Rows: rows, FileName: fileName,
			Summary: fmt.Sprintf("%d条变更，%d条记录", ops, rows)}).Error; err != nil {
			return err
		}
		e := data.AuditEntry{At: s.now().UTC(), Action: data.ActSync, Table: "bundle_logs", RowID: bundleID, Count: ops,
			Summary: "导出交换文件 " + fileName}
		if o := s.Office(); o != nil {
			e.Clerk = o.ClerkName
		}
		return db.Create(&e).Error
	})
}

// Bundles lists the exchange history, newest first.
func (s *Store) Bundles(limit int) ([]BundleLog, error) {
	var out []BundleLog
	return out, s.db.Order("at DESC").Limit(limit).Find(&out).Error
}

func mark(touched map[data.Table]map[string]bool, table data.Table, id string) {
	if touched[table] == nil {
		touched[table] = map[string]bool{}
	}
	touched[table][id] = true
}

func cloneFieldOps(f data.FieldOps) data.FieldOps {
	out := make(data.FieldOps, len(f)+4)
	for k, v := range f {
		out[k] = v
	}
	return out
}
