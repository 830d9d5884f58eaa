package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// A worker's withdrawal of consent (PIPL 撤回同意) must reach the partner
// offices that hold the worker, although nothing else about a worker
// without consent may leave the office. So:
//
//   - the withdrawal is an op of its own, holding only consent=false
//     (splitWithdrawal), and it travels whatever the scope says
//     (ChangesFor), alone, without the row: it carries no personal data;
//   - an office that is not the worker's registering office, applying a
//     withdrawal, keeps a husk of the worker: Consent=false, the personal
//     columns erased, the ops in its log stripped of them, an audit entry
//     (eraseWithdrawn). No op is written, so nothing travels back to erase
//     the registering office's record;
//   - a re-consent at the registering office sends the full row again
//     (the scope shares the worker again), and the husk is filled from it.
//
// The husk keeps each erased column's ref behind a marker (erasedMark):
// the merge skips ops on those columns while the worker is withdrawn, and
// on re-consent takes the row state's value when it is at least as recent
// as what was erased.

const consentColumn = "consent"

// personalColumns are the worker's columns a partner erases on
// withdrawal: what identifies or reaches the person (name, ID number,
// phone, address, certificate numbers inside skills and trainings) and
// free text that may say anything about them (notes). Kept: the county of
// household registration, education, poverty status, skills and
// trainings without their certificate numbers, wishes, status, consent —
// coarse facts without which the partner's statistics of past placements
// and follow-ups (which it keeps: they are its own casework) stop adding
// up, and which no longer point at a person once the above are gone.
// The name is reduced to the surname + 某 and a note of the withdrawal,
// so a clerk looking at an existing placement still sees whose it was
// (with the employer and dates) and why the details are gone.
var personalColumns = []string{"name", "id_number", "phone", "address", "notes", "skills", "trainings"}

func isPersonalColumn(col string) bool {
	for _, c := range personalColumns {
		if c == col {
			return true
		}
	}
	return false
}

// withdrawnSuffix marks a husk's name.
const withdrawnSuffix = "（已撤回同意）"

// isWithdrawal reports whether an op is a withdrawal of consent: an op on
// a worker that only sets consent to false, over an earlier value.
func isWithdrawal(table string, fields map[string]FieldChange) bool {
	if table != "workers" || len(fields) != 1 {
		return false
	}
	fc, ok := fields[consentColumn]
	return ok && fc.Base != "" && bytes.Equal(bytes.TrimSpace(fc.Value), []byte("false"))
}

// Withdrawal reports whether the op withdraws a worker's consent; such an
// op travels without its row (see consent.go).
func (w *WireOp) Withdrawal() bool { return isWithdrawal(w.Table, w.Fields) }

// splitWithdrawal makes an op of its own for a local edit that withdraws a
// worker's consent (nil when the edit does not). The caller stores it
// before the op with the rest of the edit.
func (tx *Tx) splitWithdrawal(table string, osy *Synced, oldVals, newVals map[string]json.RawMessage) (*Op, error) {
	if table != "workers" || string(oldVals[consentColumn]) != "true" || string(newVals[consentColumn]) != "false" {
		return nil, nil
	}
	op := tx.nextOp(table, osy.ID)
	op.Fields[consentColumn] = FieldChange{Value: newVals[consentColumn], Base: osy.FieldOps.Base(consentColumn)}
	return op, nil
}

// erasedMark wraps the ref of an erased column's last value. The mark does
// not parse as a ref (the hlc part ends in ")"), so refAfter takes it for
// "no op": a husk's blanks never win anywhere.
func erasedMark(ref string) string { return "erased(" + ref + ")" }

// erasedRef returns the ref an erased column's mark wraps.
func erasedRef(mark string) (string, bool) {
	if !strings.HasPrefix(mark, "erased(") || !strings.HasSuffix(mark, ")") {
		return "", false
	}
	return mark[len("erased(") : len(mark)-1], true
}

// isHusk reports whether a worker is what a partner keeps after the
// registering office withdrew the worker's consent: some personal column
// is erased (after a re-consent, until the row states have filled them
// all).
func isHusk(w *Worker) bool { return erasedColumns(w) > 0 }

func erasedColumns(w *Worker) int {
	n := 0
	for _, col := range personalColumns {
		if _, ok := erasedRef(w.FieldOps.Base(col)); ok {
			n++
		}
	}
	return n
}

// IsWithdrawnHusk reports whether this office holds only the husk of a
// worker whose registering office withdrew consent: its personal data
// were erased here, and it cannot be edited here.
func (w *Worker) IsWithdrawnHusk() bool { return isHusk(w) }

// erase blanks a worker's personal columns, marking each with the ref of
// the value erased.
func (w *Worker) erase() {
	fops := cloneFieldOps(w.FieldOps)
	for _, col := range personalColumns {
		if _, done := erasedRef(fops.Base(col)); !done {
			fops[col] = erasedMark(fops.Base(col))
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
	w.Birth = Date{} // derived from the ID number
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
// of each erased column when it is at least as recent as what was erased
// (an older state leaves the mark, for a later one to fill). It reports
// whether anything changed.
func (w *Worker) refill(codec *rowCodec, st *RowState, fops FieldOps) (bool, error) {
	changed := false
	for _, col := range personalColumns {
		prev, erased := erasedRef(fops.Base(col))
		fs, ok := st.Fields[col]
		if !erased || !ok || (fs.Ref != prev && !refAfter(fs.Ref, prev)) {
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

// eraseWithdrawn turns into husks the workers of the import that end up
// without consent at an office that did not register them, and strips
// the personal columns from the ops this import logs on husks. It writes
// no op: the erasure is this office's, not a change to the worker.
func (m *merge) eraseWithdrawn() error {
	husks := map[string]bool{}
	for _, id := range sortedIDs(m.touched["workers"]) {
		w, ok := m.rows["workers"][id].(*Worker)
		if !ok || w.Consent || w.Origin == m.tx.origin {
			continue
		}
		if by, _, _, _ := parseRef(w.FieldOps.Base(consentColumn)); by == m.tx.origin {
			continue // withdrawn by our own clerk: not a partner's withdrawal
		}
		husks[id] = true
		if erasedColumns(w) == len(personalColumns) {
			continue // erased already
		}
		was, name := isHusk(w), w.Name // was: withdrawn again before its data all came back
		w.erase()
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
		m.tx.Audit(AuditEntry{Action: ActSync, Table: "workers", RowID: id, Count: 1,
			Summary: fmt.Sprintf("登记单位已撤回劳动者“%s”的共享同意：已删除其姓名、身份证号、联系电话、住址、备注和证书编号，仅保留已有安置和服务记录所需信息",
				huskName(name))})
	}
	for _, op := range m.newOps {
		if op.Table == "workers" && husks[op.RowID] && stripPersonal(op.Fields) {
			op.Erased = true
		}
	}
	return nil
}

// stripPersonal removes the personal columns from an op's fields and
// reports whether there were any.
func stripPersonal(fields map[string]FieldChange) bool {
	before := len(fields)
	for _, col := range personalColumns {
		delete(fields, col)
	}
	return len(fields) < before
}

// stripLoggedOps removes a husk's personal columns from the ops in our log
// (ours and relayed ones): the log would otherwise still hold them.
func stripLoggedOps(db *gorm.DB, rowID string) error {
	var ops []Op
	if err := db.Where("tbl = ? AND row_id = ?", "workers", rowID).Find(&ops).Error; err != nil {
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
		if table, id, _ := strings.Cut(key, "/"); table == "workers" {
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
	return inChunks(sortedIDs(setOf(ids)), func(chunk []string) error {
		var held []Op
		if err := m.tx.db.Where("tbl = ? AND row_id IN ?", "workers", chunk).Find(&held).Error; err != nil {
			return err
		}
		byRow := map[string][]*Op{}
		for i := range held {
			byRow[held[i].RowID] = append(byRow[held[i].RowID], &held[i])
		}
		for _, id := range chunk {
			w := m.rows["workers"][id].(*Worker)
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

// redactedPair reports whether two versions of one op differ only in
// personal columns one of them lost to an erasure (stripLoggedOps), so
// that a full copy arriving later is the op we hold, not another one
// under its number.
func redactedPair(held *Op, w *WireOp) bool {
	if held.Table != "workers" || held.HLC != w.HLC || held.RowID != w.RowID {
		return false
	}
	for col, hf := range held.Fields {
		wf, ok := w.Fields[col]
		if !ok {
			if !isPersonalColumn(col) {
				return false
			}
			continue
		}
		if hf.Base != wf.Base || !sameJSON(hf.Value, wf.Value) {
			return false
		}
	}
	for col := range w.Fields {
		if _, ok := held.Fields[col]; !ok && !isPersonalColumn(col) {
			return false
		}
	}
	return true
}

// errHusk refuses a local edit of a husk: its data are the registering
// office's to change, and a re-consent brings them back from there.
func errHusk(w *Worker) error {
	return fmt.Errorf("劳动者“%s”已由登记单位撤回共享同意，本单位已删除其个人信息，不能修改；如本人重新同意，由登记单位修改后经数据交换发来", w.Name)
}

// dropConflicts forgets the conflicts on a husk's personal columns, open
// or resolved, stored or found by this import: both values would stay in
// the conflict list otherwise. They are this office's bookkeeping and do
// not travel; the registering office keeps its own.
func (m *merge) dropConflicts(rowID string) error {
	for _, col := range personalColumns {
		k := "workers/" + rowID + "/" + col
		for _, cf := range m.conflicts[k] {
			delete(m.settled, cf.ID)
		}
		delete(m.conflicts, k)
	}
	fresh := m.fresh[:0]
	for _, cf := range m.fresh {
		if cf.Table != "workers" || cf.RowID != rowID || !isPersonalColumn(cf.Field) {
			fresh = append(fresh, cf)
		} else {
			m.sum.Conflicts--
		}
	}
	m.fresh = fresh
	return m.tx.db.Where("tbl = ? AND row_id = ? AND field IN ?", "workers", rowID, personalColumns).Delete(&Conflict{}).Error
}
