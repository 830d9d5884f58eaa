package storage

import "duikou/data"

// recountDemandsOf sets each demand's Filled (placements at 已录用 or
// 已上岗) and Referred (at 已推荐 or 已面试) from its live placements, 500
// demands at a time, and notes a change for every demand whose counts
// moved so lists showing 还缺 refresh.
func (tx *Tx) recountDemandsOf(ids []string) error {
	return inChunks(ids, func(chunk []string) error {
		var counts []struct {
			DemandID string
			Filled   int64
			Referred int64
		}
		if err := tx.db.Model(&data.Placement{}).
			Select("demand_id, SUM(CASE WHEN stage IN ? THEN 1 ELSE 0 END) AS filled, "+
				"SUM(CASE WHEN stage IN ? THEN 1 ELSE 0 END) AS referred", fillingStages, referralStages).
			Where("demand_id IN ? AND deleted = ?", chunk, false).
			Group("demand_id").Scan(&counts).Error; err != nil {
			return err
		}
		type pair struct{ filled, referred int64 }
		want := make(map[string]pair, len(counts))
		for _, c := range counts {
			want[c.DemandID] = pair{c.Filled, c.Referred}
		}
		var current []struct {
			ID       string
			Filled   int64
			Referred int64
		}
		if err := tx.db.Model(&data.Demand{}).Select("id, filled, referred").Where("id IN ?", chunk).Scan(&current).Error; err != nil {
			return err
		}
		for _, d := range current {
			w := want[d.ID]
			if d.Filled == w.filled && d.Referred == w.referred {
				continue
			}
			if err := tx.db.Model(&data.Demand{}).Where("id = ?", d.ID).
				UpdateColumns(map[string]any{"filled": w.filled, "referred": w.referred}).Error; err != nil {
				return err
			}
			tx.changes = append(tx.changes, data.Change{Table: data.TableDemands, ID: d.ID})
		}
		return nil
	})
}
