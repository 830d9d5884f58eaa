package storage

import (
	"database/sql"
	"duikou/data/storage/testdb"
	"errors"
	"strings"
	"testing"
	"time"

	"duikou/data"
)

func TestRegistrationDateDefaultsKeepsAndRefusesTheFuture(t *testing.T) {
	s := newStore(t) // today 2026-11-22
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Worker(w.ID); got.RegisteredOn.String() != "2026-11-22" {
		t.Fatalf("a worker entered without 登记日期 is registered on %s, want today 2026-11-22", got.RegisteredOn)
	}
	// An edit that does not carry the date keeps the stored one.
	w.RegisteredOn, w.Notes = data.Date{}, "改了备注"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Worker(w.ID); got.RegisteredOn.String() != "2026-11-22" {
		t.Fatalf("after an edit without the date: %s", got.RegisteredOn)
	}
	// A clerk corrects it to the day the worker came to the office.
	w.RegisteredOn = data.MakeDate(2026, 3, 9)
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Worker(w.ID); got.RegisteredOn.String() != "2026-03-09" {
		t.Fatalf("corrected 登记日期: %s", got.RegisteredOn)
	}
	late := validWorker(2)
	late.RegisteredOn = data.MakeDate(2026, 11, 23)
	err := s.Create(late)
	var fe *data.FieldError
	if !errors.As(err, &fe) || fe.Field != "RegisteredOn" || fe.Label != "登记日期" {
		t.Fatalf("a 登记日期 after today: %v", err)
	}
}

func TestRegistrationDateTravelsToThePartner(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	w.RegisteredOn = data.MakeDate(2026, 6, 30)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	got, err := b.s.Worker(w.ID)
	if err != nil || got.RegisteredOn.String() != "2026-06-30" {
		t.Fatalf("the partner's copy: %+v, %v", got, err)
	}
	// A correction travels as an edit.
	w.RegisteredOn = data.MakeDate(2026, 6, 1)
	if err := a.s.Update(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	if got, _ := b.s.Worker(w.ID); got.RegisteredOn.String() != "2026-06-01" {
		t.Fatalf("the corrected date at the partner: %s", got.RegisteredOn)
	}
}

func TestMigrationFillsRegistrationFromCreation(t *testing.T) {
	path := loadFixture(t, "schema_v1.sql")
	// One worker was entered late in the evening of 31 October, UTC: its
	// 登记日期 is that instant's local day, as the lists showed it.
	const id = "01a20153-50c4-7281-b81f-227311a78b19"
	evening := time.Date(2026, 10, 31, 17, 30, 0, 0, time.UTC)
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE workers SET created_at = ? WHERE id = ?", evening.Format("2006-01-02 15:04:05-07:00"), id); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s, err := OpenWith(path, Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.Worker(id)
	if err != nil {
		t.Fatal(err)
	}
	if want := data.DateOf(evening.Local()); w.RegisteredOn != want {
		t.Fatalf("migrated 登记日期 %s, want %s", w.RegisteredOn, want)
	}
	var missing int64
	s.db.Table("workers").Where("registered_on IS NULL").Count(&missing)
	if missing != 0 {
		t.Fatalf("%d workers without 登记日期 after migration", missing)
	}
	if !s.db.Migrator().HasIndex(&data.Worker{}, "idx_workers_registered_live") {
		t.Fatal("the migrated database lacks the index the 统计报表 counts workers from")
	}
}

// The 统计报表 counts workers from an index on (registered_on, deleted)
// alone: SQLite's plan for the count names it as covering.
func TestRegistrationCountUsesTheCoveringIndex(t *testing.T) {
	if testdb.Postgres() {
		t.Skip("postgres: EXPLAIN QUERY PLAN and its wording are SQLite's")
	}
	s := newStore(t)
	var plan []struct {
		ID, Parent, Notused int
		Detail              string
	}
	if err := s.db.Raw("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM workers WHERE deleted = ? AND registered_on <= ?", false, "2026-11-30").
		Scan(&plan).Error; err != nil {
		t.Fatal(err)
	}
	if len(plan) == 0 || !strings.Contains(plan[0].Detail, "COVERING INDEX idx_workers_registered_live") {
		t.Fatalf("plan %+v", plan)
	}
}
