package storage

import (
	"bytes"
	"duikou/data"
	"encoding/json"
)

// A worker's withdrawal of consent (PIPL 撤回同意) must reach the partner
// offices that hold the worker, although nothing else about a worker
// without consent may leave the office. So:
//
//   - the withdrawal is an op of its own, holding only consent=false
//     (splitWithdrawal), and it travels whatever the scope says
//     (ChangesFor), alone, without the row: it carries no personal data;
//   - an office that is not the worker's registering office, applying a
//     withdrawal, keeps a husk of the worker (consent_husk.go):
//     Consent=false, the personal columns erased, the ops in its log
//     stripped of them (and marked Erased: they are not relayed, the
//     row's state goes instead), the conflicts on them dropped, an audit
//     entry. No op is written, so nothing travels back to erase the
//     registering office's record;
//   - a re-consent at the registering office sends the full row again
//     (the scope shares the worker again), and the husk is filled from it.
//
// The husk keeps each erased column's ref behind a marker (erasedMark):
// the merge skips ops on those columns while the worker is withdrawn, and
// on re-consent takes the row state's value when it is at least as recent
// as what was erased.

const consentColumn = "consent"

// withdrawnSuffix marks a husk's name.
const withdrawnSuffix = "（已撤回同意）"

// isWithdrawal reports whether an op is a withdrawal of consent: an op on
// a worker that only sets consent to false, over an earlier value.
func isWithdrawal(table data.Table, fields map[string]FieldChange) bool {
	if table != data.TableWorkers || len(fields) != 1 {
		return false
	}
	fc, ok := fields[consentColumn]
	return ok && fc.Base != "" && bytes.Equal(bytes.TrimSpace(fc.Value), []byte("false"))
}

// Withdrawal reports whether the op withdraws a worker's consent; such an
// op travels without its row.
func (w *WireOp) Withdrawal() bool { return isWithdrawal(w.Table, w.Fields) }

// splitWithdrawal makes an op of its own for a local edit that withdraws a
// worker's consent (nil when the edit does not). The caller stores it
// before the op with the rest of the edit.
func (tx *Tx) splitWithdrawal(table data.Table, osy *data.Synced, oldVals, newVals map[string]json.RawMessage) *Op {
	if table != data.TableWorkers || string(oldVals[consentColumn]) != "true" || string(newVals[consentColumn]) != "false" {
		return nil
	}
	op := tx.nextOp(table, osy.ID)
	op.Fields[consentColumn] = FieldChange{Value: newVals[consentColumn], Base: osy.FieldOps.Base(consentColumn)}
	tx.withdrawn = append(tx.withdrawn, osy.ID)
	return op
}

// redactedPair reports whether the op we hold is the one from the file
// with a withdrawn worker's personal columns stripped here (Erased, see
// stripLoggedOps), so that a full copy arriving later is taken for the op
// we hold, not for another one under its number. (Stripped ops are never
// relayed, so only the held side can be the stripped one.)
func redactedPair(held *Op, w *WireOp) bool {
	if !held.Erased || held.Table != w.Table || held.HLC != w.HLC || held.RowID != w.RowID {
		return false
	}
	for col, hf := range held.Fields {
		wf, ok := w.Fields[col]
		if !ok || hf.Base != wf.Base || !sameJSON(hf.Value, wf.Value) {
			return false
		}
	}
	for col := range w.Fields {
		if _, ok := held.Fields[col]; !ok && !data.IsPersonalColumn(col) {
			return false
		}
	}
	return true
}
