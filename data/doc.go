// Package data is Duikou's domain, with no storage in it: the records that
// travel between offices (Worker, Employer, Demand, Placement, FollowUp,
// SubsidyClaim, each embedding Synced: a UUIDv7 key, its origin office, a hybrid logical
// clock stamp and a tombstone flag), the office and its partners, enums
// with their Chinese labels, Date and Fen, FieldError, the list filters and
// paging types, and the placement path.
//
// Each record's own rules are a pure Validate (validate.go, with the
// placement path in placement_path.go): they need no database and are
// tested without one. The rules that do need the database, and everything
// that stores, lists, merges or backs up these records, live in
// data/storage; the exchange file format in data/exchange. Nothing here
// imports GORM or Fyne.
package data
