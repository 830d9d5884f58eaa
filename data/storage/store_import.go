package storage

import (
	"gorm.io/gorm"

	"duikou/data"
)

// Look-ups a spreadsheet import makes inside its transaction, so that it
// sees the rows it has just written (a dry run that is rolled back sees them
// too) and tells "already registered" from "new".

// WorkerByIDNumber is the live worker with this normalised ID number, or nil.
func (tx *Tx) WorkerByIDNumber(idNumber string) (*data.Worker, error) {
	return firstOf[data.Worker](tx.db.Where("id_number = ? AND deleted = ?", idNumber, false))
}

// EmployerByCreditCode is the live employer with this normalised unified
// social credit code, or nil.
func (tx *Tx) EmployerByCreditCode(code string) (*data.Employer, error) {
	return firstOf[data.Employer](tx.db.Where("credit_code = ? AND deleted = ?", code, false))
}

// EmployersNamed lists the live employers with exactly this name (at most
// a few: the name is not unique, the credit code is).
func (tx *Tx) EmployersNamed(name string) ([]data.Employer, error) {
	var out []data.Employer
	err := tx.db.Where("name = ? AND deleted = ?", name, false).Order("id").Limit(10).Find(&out).Error
	return out, err
}

// SameDemand finds a live demand that d repeats: same employer, 工种,
// title, work place and start of validity. A demand has no natural key, so
// this is what tells a second import of the same list from new demand.
func (tx *Tx) SameDemand(d *data.Demand) (*data.Demand, error) {
	q := tx.db.Where("employer_id = ? AND occupation = ? AND title = ? AND work_region = ? AND deleted = ?",
		d.EmployerID, d.Occupation, d.Title, d.WorkRegion, false)
	if d.ValidFrom.IsZero() {
		q = q.Where("valid_from IS NULL")
	} else {
		q = q.Where("valid_from = ?", d.ValidFrom)
	}
	return firstOf[data.Demand](q.Order("id"))
}

// firstOf is the first row of T that q finds, or nil when it finds none.
func firstOf[T any](q *gorm.DB) (*T, error) {
	var r T
	res := q.Limit(1).Find(&r)
	if res.Error != nil || res.RowsAffected == 0 {
		return nil, res.Error
	}
	return &r, nil
}
