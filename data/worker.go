package data

import (
	"strings"

	"duikou/data/catalog"
)

// Worker is a 劳动者 registered by a sending office.
type Worker struct {
	Synced
	Name        string `gorm:"size:64;not null;index"`
	IDNumber    string `gorm:"column:id_number;size:18;not null;index"`
	Phone       string `gorm:"size:20;index"`         // a mobile, or a landline 0931-8123456
	HukouRegion string `gorm:"size:6;not null;index"` // household registration county, GB/T 2260
	Address     string `gorm:"size:200"`
	Education   Education
	Poverty     Poverty `gorm:"size:16;not null;default:general;index"`
	// Skills are held 工种, the first being the main one shown in lists.
	Skills             []Skill    `gorm:"serializer:json"`
	Trainings          []Training `gorm:"serializer:json"`
	DesiredRegions     []string   `gorm:"serializer:json"` // GB/T 2260 codes at any level
	DesiredOccupations []string   `gorm:"serializer:json"` // catalog keys
	ExpectedWage       Fen        // monthly
	AvailableFrom      Date
	Status             WorkerStatus `gorm:"size:16;not null;default:idle;index"`
	// Consent to share with partner offices (PIPL); without it the worker
	// never leaves this office and is not matched to partners' demands.
	Consent     bool
	ConsentDate Date
	Notes       string `gorm:"size:1000"`
	// RegisteredOn is the 登记日期: the day the worker registered with the
	// sending office, which the 统计报表 counts by. It travels, so a
	// partner counts the worker from the same day; a new record without
	// one is registered on the day it is stored. The index holds the
	// tombstone flag too, so the report counts a million workers from the
	// index alone (the comma in the expression is escaped for GORM).
	RegisteredOn Date `gorm:"index:idx_workers_registered_live,expression:registered_on\\,deleted"`

	// Derived on save from IDNumber and Skills; never travel (each office
	// derives them), kept as columns so lists can filter and sort in SQL.
	Sex       Sex                `gorm:"not null;default:0" sync:"-"`
	Birth     Date               `gorm:"index" sync:"-"`
	MainOcc   string             `gorm:"size:32;index" sync:"-"`
	MainLevel catalog.SkillLevel `gorm:"not null;default:0" sync:"-"`
	OccKeys   string             `gorm:"size:300" sync:"-"` // "|key|key|" for "holds 工种 X" filters
}

// Skill is one 工种 a worker holds.
type Skill struct {
	Occupation string             `json:"occ"` // catalog key
	Level      catalog.SkillLevel `json:"level"`
	CertNo     string             `json:"cert,omitempty"`
}

// Training is a course a worker attended.
type Training struct {
	Course      string `json:"course"`
	Provider    string `json:"provider,omitempty"`
	From        Date   `json:"from"`
	To          Date   `json:"to"`
	Certificate string `json:"cert,omitempty"`
}

// RecordName is 劳动者.
func (*Worker) RecordName() string { return "劳动者" }

// derive fills the derived columns.
func (w *Worker) Derive(sex Sex, birth Date) {
	w.Sex, w.Birth = sex, birth
	w.MainOcc, w.MainLevel, w.OccKeys = "", catalog.LevelNone, ""
	if len(w.Skills) > 0 {
		w.MainOcc, w.MainLevel = w.Skills[0].Occupation, w.Skills[0].Level
		var b strings.Builder
		b.WriteByte('|')
		for _, s := range w.Skills {
			b.WriteString(s.Occupation)
			b.WriteByte('|')
		}
		w.OccKeys = b.String()
	}
}

// Age on a given day.
func (w *Worker) Age(on Date) int {
	if w.Birth.IsZero() {
		return 0
	}
	return w.Birth.YearsSince(on)
}
