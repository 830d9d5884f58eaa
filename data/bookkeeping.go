package data

// afterWriter is implemented by records whose writes move derived counts
// elsewhere; it runs inside the same transaction.
type afterWriter interface {
	afterWrite(tx *Tx, old Record) error
}

// fillingStages are the stages that take up one of a demand's positions.
var fillingStages = []Stage{StageHired, StageStarted}

// afterWrite keeps the demand's filled count equal to its live placements
// at 已录用 or 已上岗 (both the old and the new demand, if it moved).
func (p *Placement) afterWrite(tx *Tx, old Record) error {
	ids := []string{p.DemandID}
	if o, ok := old.(*Placement); ok && o.DemandID != p.DemandID {
		ids = append(ids, o.DemandID)
	}
	for _, id := range ids {
		if err := tx.recountFilled(id); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) recountFilled(demandID string) error {
	var n int64
	if err := tx.db.Model(&Placement{}).
		Where("demand_id = ? AND deleted = ? AND stage IN ?", demandID, false, fillingStages).
		Count(&n).Error; err != nil {
		return err
	}
	res := tx.db.Model(&Demand{}).Where("id = ? AND filled <> ?", demandID, n).UpdateColumn("filled", n)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected > 0 {
		tx.changes = append(tx.changes, Change{Table: "demands", ID: demandID})
	}
	return nil
}
