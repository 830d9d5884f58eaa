package storage

// BundleHistory lists the exchange files made for (direction "out") or
// taken in from (direction "in") one partner, newest first. The exchange
// names a sender's earlier files in each new one, so a receiver that is
// missing one can say which.
func (s *Store) BundleHistory(partnerID, direction string, limit int) ([]BundleLog, error) {
	var out []BundleLog
	err := s.db.Where("partner_id = ? AND direction = ?", partnerID, direction).
		Order("at DESC, id DESC").Limit(limit).Find(&out).Error
	return out, err
}
