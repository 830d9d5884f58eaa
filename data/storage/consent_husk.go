package storage

import (
	"duikou/data"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// The receiving side of a withdrawal of consent (consent.go): the husk a
// partner keeps, and how a re-consent fills it again.

// erase blanks a worker's personal columns, marking each with the ref of
// the value erased.
func eraseWorker(w *data.Worker) {
	fops := cloneFieldOps(w.FieldOps)
	for _, col := range data.PersonalColumns {
		if _, done := data.ErasedRef(fops.Base(col)); !done {
			fops[col] = data.ErasedMark(fops.Base(col))
		}
	}
	w.FieldOps = fops
	w.Name = huskName(w.Name)
	w.IDNumber, w.Phone, w.Address, w.Notes = "", "", "", ""
	for i := range w.Skills {
		w.Skills[i].CertNo = ""
	}
	for i := range w.Trainings {
		w.Trainings[i].Certificate = ""
	}
	w.Birth = data.Date{} // derived from the ID number
}

// huskName is the surname and 某, with the note of the withdrawal.
func huskName(name string) string {
	if strings.HasSuffix(name, withdrawnSuffix) {
		return name
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(name))
	if first == utf8.RuneError {
		return "某" + withdrawnSuffix
	}
	return string(first) + "某" + withdrawnSuffix
}

// refill takes, for a husk whose consent came back, the row state's value
// of each erased column, whatever its ref.
//
// Even one older than what was erased: the erased value may come from an
// op the state's sender never saw and never will, because every office
// that held it when the withdrawal arrived stripped it, and stripped ops
// do not travel (our own edit of the worker made while the registering
// office had already withdrawn it, seed 143 of
// TestExchangeConvergesAcrossRestores). Waiting for a state at least as
// recent would then leave the column blank here and filled there for
// good. Where the sender does get that op later, its next state names it
// and applyRowState takes it then, although our log holds it: the copy
// we hold is stripped (heldStripped), so we never applied its value
// since the refill. It reports whether anything changed.
func refillWorker(w *data.Worker, codec *rowCodec, st *RowState, fops data.FieldOps) (bool, error) {
	changed := false
	for _, col := range data.PersonalColumns {
		_, erased := data.ErasedRef(fops.Base(col))
		fs, ok := st.Fields[col]
		if !erased || !ok {
			continue
		}
		if err := codec.set(w, col, fs.Value); err != nil {
			return false, err
		}
		fops[col] = fs.Ref
		changed = true
	}
	return changed, nil
}

// heldStripped reports whether the op a ref names is in our log with col
// stripped from it (a personal column of a withdrawn worker's op, see
// stripLoggedOps): what we hold in col did not come from that op.
func (m *merge) heldStripped(table data.Table, col, ref string) (bool, error) {
	origin, seq, _, ok := parseRef(ref)
	if !ok || table != data.TableWorkers || !data.IsPersonalColumn(col) {
		return false, nil
	}
	var ops []Op
	if err := m.tx.db.Where("origin = ? AND seq = ?", origin, seq).Limit(1).Find(&ops).Error; err != nil || len(ops) == 0 {
		return false, err
	}
	_, kept := ops[0].Fields[col]
	return ops[0].Erased && !kept, nil
}

// eraseWithdrawn turns into husks the workers of the import that end up
// without consent at an office that did not register them, and strips
// the personal columns from the ops this import logs on husks. It writes
// no op: the erasure is this office's, not a change to the worker.
func (m *merge) eraseWithdrawn() error {
	husks := map[string]bool{}
	for _, id := range sortedKeys(m.touched[data.TableWorkers]) {
		w, ok := m.rows[data.TableWorkers][id].(*data.Worker)
		if !ok || w.Consent || w.Origin == m.tx.origin {
			continue
		}
		if by, _, _, _ := parseRef(w.FieldOps.Base(consentColumn)); by == m.tx.origin {
			continue // withdrawn by our own clerk: not a partner's withdrawal
		}
		husks[id] = true
		if data.ErasedColumns(w) == len(data.PersonalColumns) {
			continue // erased already
		}
		was, name := data.IsHusk(w), w.Name // was: withdrawn again before its data all came back
		eraseWorker(w)
		m.tx.withdrawn = append(m.tx.withdrawn, id)
		if err := stripLoggedOps(m.tx.db, id); err != nil {
			return err
		}
		if err := m.dropConflicts(id); err != nil {
			return err
		}
		if was {
			continue
		}
		m.sum.Withdrawn++
		m.tx.Audit(data.AuditEntry{Action: data.ActSync, Table: string(data.TableWorkers), RowID: id, Count: 1,
			Summary: fmt.Sprintf("登记单位已撤回劳动者“%s”的共享同意：已删除其姓名、身份证号、联系电话、住址、备注和证书编号，仅保留已有安置和服务记录所需信息",
				huskName(name))})
	}
	for _, op := range m.newOps {
		if op.Table == data.TableWorkers && husks[op.RowID] && stripPersonal(op.Fields) {
			op.Erased = true
		}
	}
	return nil
}

// stripPersonal removes the personal columns from an op's fields and
// reports whether there were any.
func stripPersonal(fields map[string]FieldChange) bool {
	before := len(fields)
	for _, col := range data.PersonalColumns {
		delete(fields, col)
	}
	return len(fields) < before
}

// stripLoggedOps removes a husk's personal columns from the ops in our log
// (ours and relayed ones): the log would otherwise still hold them.
func stripLoggedOps(db *gorm.DB, rowID string) error {
	var ops []Op
	if err := db.Where("tbl = ? AND row_id = ?", data.TableWorkers, rowID).Find(&ops).Error; err != nil {
		return err
	}
	for i := range ops {
		if !stripPersonal(ops[i].Fields) {
			continue
		}
		b, err := json.Marshal(ops[i].Fields)
		if err != nil {
			return err
		}
		if err := db.Model(&Op{}).Where("origin = ? AND seq = ?", ops[i].Origin, ops[i].Seq).
			UpdateColumns(map[string]any{"fields": string(b), "erased": true}).Error; err != nil {
			return err
		}
	}
	return nil
}

// applyHeldWithdrawals: a worker arriving as a row we lacked may have
// been withdrawn by an op that reached us before the row (it travels
// alone); the later of that op and the row's own consent stands.
func (m *merge) applyHeldWithdrawals() error {
	var ids []string
	for key := range m.created {
		if table, id, _ := strings.Cut(key, "/"); data.Table(table) == data.TableWorkers {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	inFile := map[string][]*Op{}
	for _, op := range m.newOps {
		if isWithdrawal(op.Table, op.Fields) {
			inFile[op.RowID] = append(inFile[op.RowID], op)
		}
	}
	return inChunks(sortedKeys(setOf(ids)), func(chunk []string) error {
		var held []Op
		if some, err := anyBetween(m.tx.db, "ops", "row_id", chunk); err != nil {
			return err
		} else if some { // else none of them has an op here (id_probe.go)
			if err := m.tx.db.Where("tbl = ? AND row_id IN ?", data.TableWorkers, chunk).Find(&held).Error; err != nil {
				return err
			}
		}
		byRow := map[string][]*Op{}
		for i := range held {
			byRow[held[i].RowID] = append(byRow[held[i].RowID], &held[i])
		}
		for _, id := range chunk {
			w := m.rows[data.TableWorkers][id].(*data.Worker)
			for _, op := range append(byRow[id], inFile[id]...) {
				if !isWithdrawal(op.Table, op.Fields) || !refAfter(op.Ref(), w.FieldOps.Base(consentColumn)) {
					continue
				}
				fops := cloneFieldOps(w.FieldOps)
				fops[consentColumn] = op.Ref()
				w.Consent, w.FieldOps, w.HLC = false, fops, max(w.HLC, op.HLC)
			}
		}
		return nil
	})
}

func setOf(ids []string) map[string]bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// dropConflicts forgets the conflicts on a husk's personal columns, open
// or resolved, stored or found by this import: both values would stay in
// the conflict list otherwise. They are this office's bookkeeping and do
// not travel; the registering office keeps its own.
func (m *merge) dropConflicts(rowID string) error {
	for _, col := range data.PersonalColumns {
		k := "workers/" + rowID + "/" + col
		for _, cf := range m.conflicts[k] {
			delete(m.settled, cf.ID)
		}
		delete(m.conflicts, k)
	}
	fresh := m.fresh[:0]
	for _, cf := range m.fresh {
		if cf.Table != data.TableWorkers || cf.RowID != rowID || !data.IsPersonalColumn(cf.Field) {
			fresh = append(fresh, cf)
		} else {
			m.sum.Conflicts--
		}
	}
	m.fresh = fresh
	return m.tx.db.Where("tbl = ? AND row_id = ? AND field IN ?", data.TableWorkers, rowID, data.PersonalColumns).Delete(&Conflict{}).Error
}
