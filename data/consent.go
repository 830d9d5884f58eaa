package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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

func isPersonalColumn(col string) bool { return slices.Contains(personalColumns, col) }

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
// op travels without its row.
func (w *WireOp) Withdrawal() bool { return isWithdrawal(w.Table, w.Fields) }

// splitWithdrawal makes an op of its own for a local edit that withdraws a
// worker's consent (nil when the edit does not). The caller stores it
// before the op with the rest of the edit.
func (tx *Tx) splitWithdrawal(table string, osy *Synced, oldVals, newVals map[string]json.RawMessage) *Op {
	if table != "workers" || string(oldVals[consentColumn]) != "true" || string(newVals[consentColumn]) != "false" {
		return nil
	}
	op := tx.nextOp(table, osy.ID)
	op.Fields[consentColumn] = FieldChange{Value: newVals[consentColumn], Base: osy.FieldOps.Base(consentColumn)}
	return op
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
