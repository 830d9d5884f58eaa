package app

import (
	"duikou/data"
	"duikou/data/storage"
)

// PlacementStore is what 就业安置 and a placement's page ask of the data
// layer.
type PlacementStore interface {
	FollowUpAdder
	// EditSaver: a stage move or the contract is saved against the
	// version the clerk's dialog was opened on.
	EditSaver
	ListPlacementsIn(f data.PlacementFilter, r storage.DateRange, p data.Page) ([]data.Placement, *data.Cursor, error)
	CountPlacementsIn(f data.PlacementFilter, r storage.DateRange) (int64, error)
	Placement(id string) (*data.Placement, error)
	PlacementFollowUps(placementID string) ([]data.FollowUp, error)
	Worker(id string) (*data.Worker, error)
	Demand(id string) (*data.Demand, error)
	Employer(id string) (*data.Employer, error)
	ListEmployers(f data.EmployerFilter, p data.Page) ([]data.Employer, *data.Cursor, error)
}
