package data

import (
	"fmt"
	"slices"
	"strings"
)

// What a withdrawal of consent leaves of a worker at a partner office (the
// husk; the storage package's consent.go tells the whole rule): which
// columns are personal, how an erased column is marked in FieldOps, and
// whether a worker is such a husk.

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
var PersonalColumns = []string{"name", "id_number", "phone", "address", "notes", "skills", "trainings"}

func IsPersonalColumn(col string) bool { return slices.Contains(PersonalColumns, col) }

// erasedMark wraps the ref of an erased column's last value. The mark does
// not parse as a ref (the hlc part ends in ")"), so refAfter takes it for
// "no op": a husk's blanks never win anywhere.
func ErasedMark(ref string) string { return "erased(" + ref + ")" }

// erasedRef returns the ref an erased column's mark wraps.
func ErasedRef(mark string) (string, bool) {
	if !strings.HasPrefix(mark, "erased(") || !strings.HasSuffix(mark, ")") {
		return "", false
	}
	return mark[len("erased(") : len(mark)-1], true
}

// isHusk reports whether a worker is what a partner keeps after the
// registering office withdrew the worker's consent: some personal column
// is erased (after a re-consent, until the row states have filled them
// all).
func IsHusk(w *Worker) bool { return ErasedColumns(w) > 0 }

func ErasedColumns(w *Worker) int {
	n := 0
	for _, col := range PersonalColumns {
		if _, ok := ErasedRef(w.FieldOps.Base(col)); ok {
			n++
		}
	}
	return n
}

// IsWithdrawnHusk reports whether this office holds only the husk of a
// worker whose registering office withdrew consent: its personal data
// were erased here, and it cannot be edited here.
func (w *Worker) IsWithdrawnHusk() bool { return IsHusk(w) }

// errHusk refuses a local edit of a husk: its data are the registering
// office's to change, and a re-consent brings them back from there.
func HuskEditError(w *Worker) error {
	return fmt.Errorf("劳动者“%s”已由登记单位撤回共享同意，本单位已删除其个人信息，不能修改；如本人重新同意，由登记单位修改后经数据交换发来", w.Name)
}
