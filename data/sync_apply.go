package data

import (
	"bytes"
	"errors"
	"fmt"

	"gorm.io/gorm"

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
}

func (e *GapError) Error() string {
	msg := fmt.Sprintf("该文件从对方第%d号变更开始，本单位只收到第%d号：中间有交换文件未导入", e.Needed+1, e.Have)
	if e.LastFile != "" {
		msg += "（上次导入的是 " + e.LastFile + "，请先导入它之后的文件）"
	}
	return msg
}

func (e *GapError) Unwrap() error { return ErrGap }

// ApplyChanges merges a partner's changes in one transaction: ops in clock
// order, field by field (fast-forward when based on what we hold;
// otherwise the later ref wins on both offices and the other value goes to
// the conflict list), then the state of rows we did not have. Every record
// is validated; any refusal writes nothing. A dry run does all of it and
// rolls back. bundleID is recorded so the same file twice changes nothing.
func (s *Store) ApplyChanges(c *Changes, bundleID, fileName string, dryRun bool) (*ApplySummary, error) {
	self := s.Office()
	if self == nil {
		return nil, errors.New("请先完成本单位设置")
	}
	if c.To != self.ID {
		return nil, fmt.Errorf("该文件是发给另一单位（%s）的，不是本单位", c.To)
	}
	var partner Partner
	if res := s.db.Where("id = ?", c.From).Limit(1).Find(&partner); res.Error != nil || res.RowsAffected == 0 {
		return nil, fmt.Errorf("发送方 %s 不是已添加的协作单位", c.From)
	}
	sum := &ApplySummary{}
	var tx *Tx
	errRollback := errors.New("dry run")
	err := s.db.Transaction(func(db *gorm.DB) error {
		// New rows may point at parents that arrive later in the same
		// bundle; check foreign keys at commit instead of per statement.
		if err := db.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
			return err
		}
		tx = &Tx{s: s, db: db, origin: self.ID, clerk: self.ClerkName, remote: true}
		if err := db.Model(&Op{}).Where("origin = ?", self.ID).
			Select("COALESCE(MAX(seq), 0)").Scan(&tx.seq).Error; err != nil {
			return err
		}
		if err := tx.applyChanges(c, bundleID, sum); err != nil {
			return err
		}
		if len(sum.Refused) > 0 {
			return errRollback
		}
		if err := tx.recordImport(c, bundleID, fileName, sum); err != nil {
			return err
		}
		if dryRun {
			return errRollback
		}
		return db.CreateInBatches(tx.audits, 200).Error
	})
	if err != nil && !errors.Is(err, errRollback) {
		return nil, err
	}
	if len(sum.Refused) > 0 && !dryRun {
		return sum, fmt.Errorf("文件中有%d条记录未通过校验，未导入任何数据：%s", len(sum.Refused), sum.Refused[0])
	}
	if !dryRun {
		s.notify(tx.changes)
	}
	return sum, nil
}

func (tx *Tx) applyChanges(c *Changes, bundleID string, sum *ApplySummary) error {
	have, err := vectorOf(tx.db, tx.s.Office())
	if err != nil {
		return err
	}
	for origin, since := range c.Since {
		if origin != tx.origin && since > have[origin] {
			gap := &GapError{Origin: origin, Have: have[origin], Needed: since}
			var last BundleLog
			if res := tx.db.Where("partner_id = ? AND direction = ?", c.From, "in").Order("at DESC").Limit(1).Find(&last); res.RowsAffected > 0 {
				gap.LastFile = last.FileName
			}
			return gap
		}
	}
	touched := map[string]map[string]bool{}
	rows := map[string]RowState{}
	for _, st := range c.Rows {
		rows[st.Table+"/"+st.ID] = st
	}
	var maxHLC int64
	for i := range c.Ops {
		w := &c.Ops[i]
		maxHLC = max(maxHLC, w.HLC)
		if w.Origin == tx.origin || w.Seq <= have[w.Origin] {
			continue // ours, or already taken in: a second import is a no-op
		}
		if _, ok := newRecord(w.Table); !ok {
			return fmt.Errorf("文件含有未知的表 %q", w.Table)
		}
		if _, ok := rows[w.Table+"/"+w.RowID]; !ok {
			return fmt.Errorf("文件不完整：变更 %s/%d 所属的记录缺失", w.Origin, w.Seq)
		}
		if err := tx.applyOp(w, bundleID, sum, touched); err != nil {
			return err
		}
		sum.Ops++
	}
	for _, table := range syncedTables {
		for _, st := range c.Rows {
			if st.Table != table {
				continue
			}
			maxHLC = max(maxHLC, st.HLC)
			if err := tx.applyRowState(st, sum, touched); err != nil {
				return err
			}
		}
	}
	tx.s.clock.Observe(maxHLC)
	return tx.afterApply(touched, sum)
}

// loadAny reads a row by id, tombstones included; nil when absent.
func (tx *Tx) loadAny(table, id string) (Record, error) {
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

// applyOp merges one op into its row (if we have the row; a row we lack
// is built from its state afterwards, which already includes the op).
func (tx *Tx) applyOp(w *WireOp, bundleID string, sum *ApplySummary, touched map[string]map[string]bool) error {
	op := w.op()
	if err := tx.db.Create(op).Error; err != nil {
		return err
	}
	rec, err := tx.loadAny(w.Table, w.RowID)
	if err != nil || rec == nil {
		return err
	}
	sy := rec.synced()
	cur, _, err := travellingValues(tx.db, rec)
	if err != nil {
		return err
	}
	ref := op.Ref()
	fops := cloneFieldOps(sy.FieldOps)
	changed := false
	for col, fc := range w.Fields {
		have := sy.FieldOps.Base(col)
		switch {
		case have == ref:
			continue
		case have == fc.Base:
			// Fast-forward; a resolution travelling back closes our copy
			// of the conflict it settles.
			if err := tx.closeConflictsSettledBy(w.Table, w.RowID, col, fc.Base); err != nil {
				return err
			}
		default:
			winnerIsOp := refAfter(ref, have)
			if col == "deleted" { // a delete never comes undone by itself
				winnerIsOp = bytes.Equal(fc.Value, []byte("true"))
			}
			if !bytes.Equal(cur[col], fc.Value) {
				cf := Conflict{Table: w.Table, RowID: w.RowID, Field: col, BundleID: bundleID, DetectedAt: tx.s.now().UTC()}
				if winnerIsOp {
					cf.WinnerValue, cf.WinnerRef, cf.LoserValue, cf.LoserRef = string(fc.Value), ref, string(cur[col]), have
				} else {
					cf.WinnerValue, cf.WinnerRef, cf.LoserValue, cf.LoserRef = string(cur[col]), have, string(fc.Value), ref
				}
				if err := tx.db.Create(&cf).Error; err != nil {
					return err
				}
				sum.Conflicts++
			}
			if !winnerIsOp {
				continue
			}
		}
		if err := setColumn(tx.db, rec, col, fc.Value); err != nil {
			return err
		}
		fops[col] = ref
		changed = true
	}
	if !changed {
		return nil
	}
	sy.FieldOps = fops
	sy.HLC = max(sy.HLC, w.HLC)
	if err := tx.db.Omit("Employer", "Worker", "Demand", "Placement").Save(rec).Error; err != nil {
		return err
	}
	mark(touched, w.Table, w.RowID)
	return nil
}

// applyRowState creates a row we did not have; for a row we have, it
// fills in columns whose op we never received (withheld or relayed), the
// later ref winning so both offices agree.
func (tx *Tx) applyRowState(st RowState, sum *ApplySummary, touched map[string]map[string]bool) error {
	rec, err := tx.loadAny(st.Table, st.ID)
	if err != nil {
		return err
	}
	if rec == nil {
		rec, _ = newRecord(st.Table)
		sy := rec.synced()
		sy.ID, sy.Origin, sy.HLC, sy.FieldOps = st.ID, st.Origin, st.HLC, FieldOps{}
		for col, fs := range st.Fields {
			if err := setColumn(tx.db, rec, col, fs.Value); err != nil {
				return err
			}
			sy.FieldOps[col] = fs.Ref
		}
		if err := tx.db.Omit("Employer", "Worker", "Demand", "Placement").Create(rec).Error; err != nil {
			return err
		}
		sum.New++
		mark(touched, st.Table, st.ID)
		return nil
	}
	sy := rec.synced()
	fops := cloneFieldOps(sy.FieldOps)
	changed := false
	for col, fs := range st.Fields {
		have := sy.FieldOps.Base(col)
		if have == fs.Ref || !refAfter(fs.Ref, have) {
			continue
		}
		if seen, err := tx.haveOp(fs.Ref); err != nil {
			return err
		} else if seen {
			continue // we applied that op already; what we hold since is newer
		}
		if err := setColumn(tx.db, rec, col, fs.Value); err != nil {
			return err
		}
		fops[col] = fs.Ref
		changed = true
	}
	if changed {
		sy.FieldOps, sy.HLC = fops, max(sy.HLC, st.HLC)
		if err := tx.db.Omit("Employer", "Worker", "Demand", "Placement").Save(rec).Error; err != nil {
			return err
		}
		mark(touched, st.Table, st.ID)
	}
	if touched[st.Table][st.ID] {
		sum.Updated++
	} else {
		sum.Unchanged++
	}
	return nil
}

func (tx *Tx) haveOp(ref string) (bool, error) {
	origin, seq, _, ok := parseRef(ref)
	if !ok {
		return false, nil
	}
	var n int64
	err := tx.db.Model(&Op{}).Where("origin = ? AND seq = ?", origin, seq).Count(&n).Error
	return n > 0, err
}

// afterApply validates every touched record as the form would (but
// without the checks that only make sense for this office's own entries:
// duplicates, capacity, dates against our calendar), refreshes the derived
// columns, and recounts the demands' filled positions.
func (tx *Tx) afterApply(touched map[string]map[string]bool, sum *ApplySummary) error {
	demands := map[string]bool{}
	for _, table := range syncedTables {
		for id := range touched[table] {
			rec, err := tx.loadAny(table, id)
			if err != nil {
				return err
			}
			h, _ := hooks(rec)
			if !rec.synced().Deleted {
				if err := h.prepare(tx, rec); err != nil {
					sum.Refused = append(sum.Refused, fmt.Sprintf("%s %s：%v", rec.RecordName(), describeRemote(rec), err))
					continue
				}
			}
			if w, ok := rec.(*Worker); ok {
				if id, err := ident.ParseID(w.IDNumber); err == nil {
					w.derive(Sex(id.Sex), DateOf(id.Birth))
				}
			}
			if p, ok := rec.(*Placement); ok {
				demands[p.DemandID] = true
			}
			if err := tx.db.Omit("Employer", "Worker", "Demand", "Placement").Save(rec).Error; err != nil {
				return err
			}
			tx.changes = append(tx.changes, Change{Table: table, ID: id, Deleted: rec.synced().Deleted})
		}
	}
	for id := range demands {
		if err := tx.recountFilled(id); err != nil {
			return err
		}
	}
	return nil
}

func describeRemote(rec Record) string {
	switch r := rec.(type) {
	case *Worker:
		return r.Name + " " + ident.MaskID(r.IDNumber)
	case *Employer:
		return r.Name
	case *Demand:
		return r.Title
	}
	return rec.synced().ID
}

// recordImport stores the partner's acknowledgement vector, our new
// coverage, and the bundle in the history.
func (tx *Tx) recordImport(c *Changes, bundleID, fileName string, sum *ApplySummary) error {
	for origin, seq := range c.Vector {
		if origin == tx.origin {
			continue
		}
		cov := Coverage{Origin: origin}
		tx.db.Where("origin = ?", origin).Limit(1).Find(&cov)
		if seq > cov.Seq {
			cov.Seq = seq
			if err := tx.db.Save(&cov).Error; err != nil {
				return err
			}
		}
	}
	// What the sender holds is what it acknowledges; keep the highest seen.
	acks, err := acksOf(tx.db, c.From)
	if err != nil {
		return err
	}
	for origin, seq := range c.Vector {
		if seq > acks[origin] {
			if err := tx.db.Save(&PartnerAck{PartnerID: c.From, Origin: origin, Seq: seq}).Error; err != nil {
				return err
			}
		}
	}
	summary := fmt.Sprintf("新增%d条，更新%d条，未变%d条，冲突%d处", sum.New, sum.Updated, sum.Unchanged, sum.Conflicts)
	if err := tx.db.Create(&BundleLog{ID: bundleID, Direction: "in", PartnerID: c.From, At: tx.s.now().UTC(),
		Ops: sum.Ops, Rows: len(c.Rows), FileName: fileName, Summary: summary}).Error; err != nil {
		return err
	}
	tx.Audit(AuditEntry{Action: ActSync, Table: "bundle_logs", RowID: bundleID, Count: sum.Ops,
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
	return s.db.Transaction(func(db *gorm.DB) error {
		if err := db.Create(&BundleLog{ID: bundleID, Direction: "out", PartnerID: c.To, At: s.now().UTC(),
			Ops: len(c.Ops), Rows: len(c.Rows), FileName: fileName,
			Summary: fmt.Sprintf("%d条变更，%d条记录", len(c.Ops), len(c.Rows))}).Error; err != nil {
			return err
		}
		e := AuditEntry{At: s.now().UTC(), Action: ActSync, Table: "bundle_logs", RowID: bundleID, Count: len(c.Ops),
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

func mark(touched map[string]map[string]bool, table, id string) {
	if touched[table] == nil {
		touched[table] = map[string]bool{}
	}
	touched[table][id] = true
}

func cloneFieldOps(f FieldOps) FieldOps {
	out := make(FieldOps, len(f)+4)
	for k, v := range f {
		out[k] = v
	}
	return out
}

// closeConflictsSettledBy marks resolved the conflicts on a field whose
// winner an incoming op was based on: the partner's clerk has decided.
func (tx *Tx) closeConflictsSettledBy(table, rowID, column, base string) error {
	if base == "" {
		return nil
	}
	return tx.db.Model(&Conflict{}).
		Where("tbl = ? AND row_id = ? AND field = ? AND winner_ref = ? AND resolved = ?", table, rowID, column, base, false).
		Updates(map[string]any{"resolved": true, "resolved_at": tx.s.now().UTC(), "resolution": "对方已处理"}).Error
}
