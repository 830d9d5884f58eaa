package storage

import "duikou/data"

// Responsibility follows the real split between the two sides: the
// receiving office (where the worker is employed) owns contract guidance,
// wage arrears, disputes and work injuries; the sending office (where the
// family lives) owns hardship verification and help. Everything else is
// owned by whoever records it.

// receivingKinds are owned by the receiving side.
var receivingKinds = map[data.FollowUpKind]bool{data.KindArrears: true, data.KindDispute: true, data.KindInjury: true}

// sendingKinds are owned by the sending side.
var sendingKinds = map[data.FollowUpKind]bool{data.KindHardship: true}

// ResponsibleFor is the office id that owns a new follow-up of this kind:
// this office when its role fits, else the first pinned partner whose
// role does, else this office (no partner yet).
func (tx *Tx) ResponsibleFor(kind data.FollowUpKind) string {
	var want data.OfficeRole
	switch {
	case receivingKinds[kind]:
		want = data.RoleReceiving
	case sendingKinds[kind]:
		want = data.RoleSending
	default:
		return tx.origin
	}
	self := tx.s.Office()
	if self.Role == want || self.Role == data.RoleBoth {
		return tx.origin
	}
	var partners []data.Partner
	if err := tx.db.Order("pinned_at").Find(&partners).Error; err == nil {
		for _, p := range partners {
			if p.Role == want || p.Role == data.RoleBoth {
				return p.ID
			}
		}
	}
	return tx.origin
}
