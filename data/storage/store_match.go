package storage

import (
	"database/sql"
	"duikou/data"
	"encoding/json"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// The methods below serve the in-memory match index (duikou/data/recommend):
// it is built from every live worker and demand at start-up and then
// reloads, by id, the rows that change.

// idBatch bounds the ids bound into one IN (...) list, well under SQLite's
// limit on bound parameters.
const idBatch = 500

// Streaming every live demand is Store.EachDemand (store_export.go).

// EachWorkerForMatching calls fn for every live worker, in id order, with
// only the columns matching reads filled in: ID, Name, HukouRegion, Skills,
// DesiredRegions, DesiredOccupations, ExpectedWage, AvailableFrom, Status,
// Consent, Sex, Birth and Poverty. It is the index build's read: one plain query
// scanned without reflection, because a million full records through GORM
// take many times longer (every date parsed, every JSON column decoded).
// An error from fn stops the walk and is returned.
func (s *Store) EachWorkerForMatching(fn func(*data.Worker) error) error {
	// CAST keeps the dates as text: the driver would parse a DATE column
	// into a time.Time, slowly, only for us to take its calendar date.
	rows, err := s.db.Raw(`SELECT id, name, hukou_region, skills, desired_regions, desired_occupations,
		expected_wage, CAST(available_from AS TEXT), status, consent, sex, CAST(birth AS TEXT), poverty
		FROM workers WHERE deleted = ? ORDER BY id`, false).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		skills, regions, occs []byte
		wage                  sql.NullInt64
		avail, birth          sql.NullString
	)
	for rows.Next() {
		w := &data.Worker{}
		if err := rows.Scan(&w.ID, &w.Name, &w.HukouRegion, &skills, &regions, &occs,
			&wage, &avail, &w.Status, &w.Consent, &w.Sex, &birth, &w.Poverty); err != nil {
			return err
		}
		if err := decodeJSONColumns(w.ID, []jsonColumn{{skills, &w.Skills}, {regions, &w.DesiredRegions}, {occs, &w.DesiredOccupations}}); err != nil {
			return err
		}
		w.ExpectedWage = data.Fen(wage.Int64)
		if err := w.AvailableFrom.ScanText(avail.String); avail.Valid && err != nil {
			return err
		}
		if err := w.Birth.ScanText(birth.String); birth.Valid && err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
	}
	return rows.Err()
}

type jsonColumn struct {
	raw []byte
	dst any
}

func decodeJSONColumns(id string, cols []jsonColumn) error {
	for _, c := range cols {
		if len(c.raw) == 0 || string(c.raw) == "null" {
			continue
		}
		if err := json.Unmarshal(c.raw, c.dst); err != nil {
			return fmt.Errorf("data: worker %s: bad stored list %q: %w", id, c.raw, err)
		}
	}
	return nil
}

// WorkersByID loads the live workers among ids; deleted or unknown ids are
// left out.
func (s *Store) WorkersByID(ids []string) ([]data.Worker, error) {
	return byID[data.Worker](s.db.Where("deleted = ?", false), ids)
}

// DemandsByID loads the live demands among ids, each with its employer;
// deleted or unknown ids are left out.
func (s *Store) DemandsByID(ids []string) ([]data.Demand, error) {
	return byID[data.Demand](s.db.Where("deleted = ?", false).Preload("Employer"), ids)
}

func byID[T any](q *gorm.DB, ids []string) ([]T, error) {
	var out []T
	for chunk := range slices.Chunk(ids, idBatch) {
		var rows []T
		if err := q.Session(&gorm.Session{}).Where("id IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

// ActivelyPlaced returns the workers among workerIDs who have a placement
// under way (live and not ended); with nil workerIDs, all such workers.
func (s *Store) ActivelyPlaced(workerIDs []string) (map[string]bool, error) {
	active := func() *gorm.DB {
		return s.db.Model(&data.Placement{}).Distinct("worker_id").
			Where("deleted = ? AND stage NOT IN ?", false, []data.Stage{data.StageLeft, data.StageReturned})
	}
	out := map[string]bool{}
	add := func(q *gorm.DB) error {
		var ids []string
		if err := q.Pluck("worker_id", &ids).Error; err != nil {
			return err
		}
		for _, id := range ids {
			out[id] = true
		}
		return nil
	}
	if workerIDs == nil {
		return out, add(active())
	}
	for chunk := range slices.Chunk(workerIDs, idBatch) {
		if err := add(active().Where("worker_id IN ?", chunk)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PlacementParties returns the workers and demands of the placements with
// these ids, deleted ones included: a placement that changed, even to a
// tombstone, changes its worker's eligibility and its demand's headcount.
func (s *Store) PlacementParties(ids []string) (workerIDs, demandIDs []string, err error) {
	for chunk := range slices.Chunk(ids, idBatch) {
		var rows []data.Placement
		if err := s.db.Select("id", "worker_id", "demand_id").Where("id IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, nil, err
		}
		for _, p := range rows {
			workerIDs = append(workerIDs, p.WorkerID)
			demandIDs = append(demandIDs, p.DemandID)
		}
	}
	return workerIDs, demandIDs, nil
}

// DemandIDsOfEmployers lists the live demands of these employers, whose
// employer name a match shows.
func (s *Store) DemandIDsOfEmployers(employerIDs []string) ([]string, error) {
	var out []string
	for chunk := range slices.Chunk(employerIDs, idBatch) {
		var ids []string
		if err := s.db.Model(&data.Demand{}).Where("deleted = ? AND employer_id IN ?", false, chunk).
			Pluck("id", &ids).Error; err != nil {
			return nil, err
		}
		out = append(out, ids...)
	}
	return out, nil
}
