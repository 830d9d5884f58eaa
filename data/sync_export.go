package data

import (
	"errors"
	"fmt"
	"sort"

	"gorm.io/gorm"
)

// Vector is, per origin office, the last op this office holds: its own ops
// from the log, others' from what imports covered.
func (s *Store) Vector() (map[string]int64, error) { return vectorOf(s.db, s.Office()) }

func vectorOf(db *gorm.DB, self *Office) (map[string]int64, error) {
	var covs []Coverage
	if err := db.Find(&covs).Error; err != nil {
		return nil, err
	}
	v := make(map[string]int64, len(covs)+1)
	for _, c := range covs {
		v[c.Origin] = c.Seq
	}
	if self != nil {
		var own int64
		if err := db.Model(&Op{}).Where("origin = ?", self.ID).Select("COALESCE(MAX(seq), 0)").Scan(&own).Error; err != nil {
			return nil, err
		}
		v[self.ID] = own
	}
	return v, nil
}

// acksOf is what the partner last told us it holds.
func acksOf(db *gorm.DB, partnerID string) (map[string]int64, error) {
	var rows []PartnerAck
	if err := db.Where("partner_id = ?", partnerID).Find(&rows).Error; err != nil {
		return nil, err
	}
	acks := make(map[string]int64, len(rows))
	for _, r := range rows {
		acks[r.Origin] = r.Seq
	}
	return acks, nil
}

// ChangesFor gathers what partner has not acknowledged: every op from any
// origin but the partner's own, in clock order, plus the state of every
// row they touch. A worker travels only with consent to share recorded;
// the placements and follow-ups of a worker without it stay here too.
// Nothing is marked sent: until the partner's next bundle acknowledges
// them, the same ops go again, so a lost file loses nothing.
func (s *Store) ChangesFor(partnerID string) (*Changes, error) {
	self := s.Office()
	if self == nil {
		return nil, errors.New("请先完成本单位设置")
	}
	var partner Partner
	if res := s.db.Where("id = ?", partnerID).Limit(1).Find(&partner); res.Error != nil || res.RowsAffected == 0 {
		return nil, fmt.Errorf("协作单位 %s 未添加", partnerID)
	}
	c := &Changes{From: self.ID, To: partnerID}
	err := s.db.Transaction(func(tx *gorm.DB) error { // one snapshot of the database
		var err error
		if c.Vector, err = vectorOf(tx, self); err != nil {
			return err
		}
		if c.Since, err = acksOf(tx, partnerID); err != nil {
			return err
		}
		var ops []Op
		for origin, upTo := range c.Vector {
			if origin == partnerID || upTo <= c.Since[origin] {
				continue
			}
			var batch []Op
			if err := tx.Where("origin = ? AND seq > ? AND seq <= ?", origin, c.Since[origin], upTo).
				Find(&batch).Error; err != nil {
				return err
			}
			ops = append(ops, batch...)
		}
		sort.Slice(ops, func(i, j int) bool {
			if ops[i].HLC != ops[j].HLC {
				return ops[i].HLC < ops[j].HLC
			}
			return ops[i].Origin < ops[j].Origin
		})
		scope := newScope(tx)
		touched := map[string]map[string]bool{}
		for i := range ops {
			ok, err := scope.shares(ops[i].Table, ops[i].RowID)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			c.Ops = append(c.Ops, ops[i].wire())
			if touched[ops[i].Table] == nil {
				touched[ops[i].Table] = map[string]bool{}
			}
			touched[ops[i].Table][ops[i].RowID] = true
		}
		// A worker's placements and follow-ups go with it, so that a worker
		// whose consent arrives late brings the history withheld until then.
		if err := addDependents(tx, touched); err != nil {
			return err
		}
		for _, table := range syncedTables {
			for id := range touched[table] {
				ok, err := scope.shares(table, id)
				if err != nil {
					return err
				}
				if !ok {
					continue
				}
				st, err := rowState(tx, table, id)
				if err != nil {
					return err
				}
				c.Rows = append(c.Rows, st)
			}
		}
		sort.SliceStable(c.Rows, func(i, j int) bool { return tableRank(c.Rows[i].Table) < tableRank(c.Rows[j].Table) })
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

func addDependents(tx *gorm.DB, touched map[string]map[string]bool) error {
	ids := make([]string, 0, len(touched["workers"]))
	for id := range touched["workers"] {
		ids = append(ids, id)
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		for _, t := range []struct {
			table string
			model any
		}{{"placements", &Placement{}}, {"follow_ups", &FollowUp{}}} {
			var dep []string
			if err := tx.Model(t.model).Where("worker_id IN ?", chunk).Pluck("id", &dep).Error; err != nil {
				return err
			}
			for _, id := range dep {
				if touched[t.table] == nil {
					touched[t.table] = map[string]bool{}
				}
				touched[t.table][id] = true
			}
		}
	}
	return nil
}

// scope decides what may leave this office, caching per worker.
type scope struct {
	db      *gorm.DB
	consent map[string]bool // worker id -> may travel
}

func newScope(db *gorm.DB) *scope { return &scope{db: db, consent: map[string]bool{}} }

func (sc *scope) shares(table, id string) (bool, error) {
	var workerID string
	switch table {
	case "workers":
		workerID = id
	case "placements", "follow_ups":
		model := any(&Placement{})
		if table == "follow_ups" {
			model = &FollowUp{}
		}
		var ids []string
		if err := sc.db.Model(model).Where("id = ?", id).Limit(1).Pluck("worker_id", &ids).Error; err != nil {
			return false, err
		}
		if len(ids) == 0 {
			return false, nil
		}
		workerID = ids[0]
	default:
		return true, nil
	}
	if ok, seen := sc.consent[workerID]; seen {
		return ok, nil
	}
	var consent []bool
	if err := sc.db.Model(&Worker{}).Where("id = ?", workerID).Limit(1).Pluck("consent", &consent).Error; err != nil {
		return false, err
	}
	ok := len(consent) == 1 && consent[0]
	sc.consent[workerID] = ok
	return ok, nil
}

// rowState reads a row (tombstones included) with each travelling
// column's value, the op that set it and that op's clock.
func rowState(db *gorm.DB, table, id string) (RowState, error) {
	rec, _ := newRecord(table)
	if err := db.Where("id = ?", id).First(rec).Error; err != nil {
		return RowState{}, fmt.Errorf("读取%s %s：%w", rec.RecordName(), id, err)
	}
	vals, _, err := travellingValues(db, rec)
	if err != nil {
		return RowState{}, err
	}
	sy := rec.synced()
	st := RowState{Table: table, ID: id, Origin: sy.Origin, HLC: sy.HLC, Fields: make(map[string]FieldState, len(vals))}
	for col, v := range vals {
		st.Fields[col] = FieldState{Value: v, Ref: sy.FieldOps.Base(col)}
	}
	return st, nil
}
