package app

import (
	"duikou/data"
	"duikou/data/storage"
)

// PlacementStore is what the 就业安置, 跟踪服务 and 首页 screens ask of the
// data layer beyond the worker and employer screens.
type PlacementStore interface {
	ListPlacementsIn(f data.PlacementFilter, r storage.DateRange, p data.Page) ([]data.Placement, *data.Cursor, error)
	CountPlacementsIn(f data.PlacementFilter, r storage.DateRange) (int64, error)
	Placement(id string) (*data.Placement, error)
	PlacementFollowUps(placementID string) ([]data.FollowUp, error)
	ListFollowUpsFull(f data.FollowUpFilter, p data.Page) ([]data.FollowUp, *data.Cursor, error)
	FollowUp(id string) (*data.FollowUp, error)
	Partners() ([]data.Partner, error)
	Dashboard(today data.Date) (*storage.Dashboard, error)
	CheckInDays() []int
	SetCheckInDays(days []int) error
}
