package data

// Responsibility follows the real split between the two sides: the
// receiving office (where the worker is employed) owns contract guidance,
// wage arrears, disputes and work injuries; the sending office (where the
// family lives) owns hardship verification and help. Everything else is
// owned by whoever records it.

// receivingKinds are owned by the receiving side.
var receivingKinds = map[FollowUpKind]bool{KindArrears: true, KindDispute: true, KindInjury: true}

// sendingKinds are owned by the sending side.
var sendingKinds = map[FollowUpKind]bool{KindHardship: true}

// ResponsibleFor is the office id that owns a new follow-up of this kind:
// this office when its role fits, else the first pinned partner whose
// role does, else this office (no partner yet).
func (tx *Tx) ResponsibleFor(kind FollowUpKind) string {
	var want OfficeRole
	switch {
	case receivingKinds[kind]:
		want = RoleReceiving
	case sendingKinds[kind]:
		want = RoleSending
	default:
		return tx.origin
	}
	self := tx.s.Office()
	if self.Role == want || self.Role == RoleBoth {
		return tx.origin
	}
	var partners []Partner
	if err := tx.db.Order("pinned_at").Find(&partners).Error; err == nil {
		for _, p := range partners {
			if p.Role == want || p.Role == RoleBoth {
				return p.ID
			}
		}
	}
	return tx.origin
}
