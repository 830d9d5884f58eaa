package storage

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/storage/testdb"
)

func TestOpenSetsPragmasOnEveryConnection(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite's pragmas; a server has none of them")
	s := newStore(t)
	mode, err := s.JournalMode()
	if err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	sqlDB, _ := s.db.DB()
	// Pragmas in the DSN apply to every pooled connection, not just the first.
	conns := make([]interface{ Close() error }, 0, 3)
	for i := 0; i < 3; i++ {
		c, err := sqlDB.Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var fk, busy int
		if err := c.QueryRowContext(t.Context(), "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(t.Context(), "PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || busy < 1000 {
			t.Fatalf("connection %d: foreign_keys=%d busy_timeout=%d", i, fk, busy)
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		c.Close()
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
}

func TestWritesNeedTheOffice(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.Create(validWorker(1)); err == nil || !strings.Contains(err.Error(), "本单位") {
		t.Fatalf("write before set-up: %v", err)
	}
}

func TestCreateWorkerDerivesAndLogsOp(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	w.IDNumber = strings.ToLower(w.IDNumber) // a lower-case x would be normalised; the digits stay
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	got, err := s.Worker(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sex != data.Female || got.Birth != data.MakeDate(1990, 3, 14) || got.MainOcc != "housekeeper" ||
		got.MainLevel != catalog.Level4 || got.OccKeys != "|housekeeper|" {
		t.Fatalf("derived columns wrong: %+v", got)
	}
	if got.Age(data.MakeDate(2026, 11, 22)) != 36 {
		t.Fatalf("age = %d", got.Age(data.MakeDate(2026, 11, 22)))
	}
	if len(w.ID) != 36 || w.ID[14] != '7' {
		t.Fatalf("id %q is not a UUIDv7", w.ID)
	}
	var ops []Op
	s.db.Where("row_id = ?", w.ID).Find(&ops)
	if len(ops) != 1 {
		t.Fatalf("ops = %d, want 1", len(ops))
	}
	op := ops[0]
	if op.Origin != s.Office().ID || op.Seq != 1 || op.Table != "workers" || op.HLC != got.HLC {
		t.Fatalf("op header wrong: %+v (row hlc %d)", op, got.HLC)
	}
	for _, col := range []string{"name", "id_number", "skills", "desired_regions", "expected_wage", "deleted", "consent"} {
		fc, ok := op.Fields[col]
		if !ok || fc.Base != "" {
			t.Fatalf("creating op field %s = %+v, %v", col, fc, ok)
		}
	}
	for _, col := range []string{"sex", "birth", "occ_keys", "origin", "hlc", "field_ops", "created_at"} {
		if _, ok := op.Fields[col]; ok {
			t.Fatalf("op carries local column %s", col)
		}
	}
	var wage int64
	json.Unmarshal(op.Fields["expected_wage"].Value, &wage)
	if wage != 500000 {
		t.Fatalf("wage in op = %d fen", wage)
	}
	if got.FieldOps.Base("name") != op.Ref() {
		t.Fatalf("field ops %v", got.FieldOps)
	}
}

func TestUpdateLogsOnlyChangedFieldsWithTheirBase(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	var createOp Op
	s.db.Where("row_id = ? AND seq = ?", w.ID, 1).First(&createOp)
	created := createOp.Ref()
	w.Phone = "139 3111 2222" // spaces normalised
	w.Notes = "愿意去南京"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	var op Op
	s.db.Where("row_id = ? AND seq = ?", w.ID, 2).First(&op)
	if len(op.Fields) != 2 || op.Fields["phone"].Base != created || op.Fields["notes"].Base != created {
		t.Fatalf("update op = %+v", op.Fields)
	}
	if string(op.Fields["phone"].Value) != `"13931112222"` {
		t.Fatalf("phone value %s", op.Fields["phone"].Value)
	}
	// A second edit of the phone is based on the update, not the create.
	w.Phone = "13931113333"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	var op3 Op
	s.db.Where("row_id = ? AND seq = ?", w.ID, 3).First(&op3)
	op = op3
	var op2 Op
	s.db.Where("row_id = ? AND seq = ?", w.ID, 2).First(&op2)
	if op.Fields["phone"].Base != op2.Ref() || len(op.Fields) != 1 {
		t.Fatalf("second update op = %+v", op.Fields)
	}
	// An update that changes nothing writes nothing.
	before := count(t, s, &Op{})
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	if after := count(t, s, &Op{}); after != before {
		t.Fatalf("no-op update wrote %d ops", after-before)
	}
}

func TestDeleteIsATombstone(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(&data.Worker{Synced: data.Synced{ID: w.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Worker(w.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted worker still found: %v", err)
	}
	var raw data.Worker
	s.db.Where("id = ?", w.ID).First(&raw)
	if !raw.Deleted || raw.Name != "王秀兰" {
		t.Fatalf("tombstone = %+v", raw)
	}
	var op Op
	s.db.Where("row_id = ?", w.ID).Order("seq DESC").First(&op)
	if len(op.Fields) != 1 || string(op.Fields["deleted"].Value) != "true" {
		t.Fatalf("delete op = %+v", op.Fields)
	}
	// The same person may be registered again once the old record is gone.
	if err := s.Create(validWorker(1)); err != nil {
		t.Fatalf("re-register after delete: %v", err)
	}
}

func TestAuditNeverHoldsFullNumbers(t *testing.T) {
	s := newStore(t)
	w := validWorker(1)
	if err := s.Create(w); err != nil {
		t.Fatal(err)
	}
	w.Name = "王秀英"
	if err := s.Update(w); err != nil {
		t.Fatal(err)
	}
	log, err := s.AuditLog(10)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[data.Action]bool{}
	for _, e := range log {
		actions[e.Action] = true
		if strings.Contains(e.Summary, w.IDNumber) || strings.Contains(e.Summary, w.Phone) {
			t.Fatalf("audit leaks a full number: %q", e.Summary)
		}
		if e.Action == data.ActCreate && (e.Clerk != "李娟" || !strings.Contains(e.Summary, "620123********")) {
			t.Fatalf("create entry %+v", e)
		}
	}
	if !actions[data.ActCreate] || !actions[data.ActUpdate] || !actions[data.ActSetup] {
		t.Fatalf("actions %v", actions)
	}
}

// Bad input gets a FieldError naming the field, and nothing is written.
func TestBadInputIsRefusedAndNothingWritten(t *testing.T) {
	s := newStore(t)
	emp := validEmployer(t, s)
	okDemand := func() *data.Demand {
		return &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Title: "住家保姆", Headcount: 10, WorkRegion: "320115",
			WageMin: data.Yuan(5000), WageMax: data.Yuan(7000), AgeMin: 25, AgeMax: 50}
	}
	cases := []struct {
		name   string
		rec    data.Record
		field  string
		reason string
	}{
		{"bad check digit", func() data.Record { w := validWorker(2); w.IDNumber = w.IDNumber[:17] + "0"; return w }(), "IDNumber", "校验"},
		{"short ID", func() data.Record { w := validWorker(2); w.IDNumber = "62012319900314"; return w }(), "IDNumber", "位"},
		{"unknown region", func() data.Record { w := validWorker(2); w.HukouRegion = "629999"; return w }(), "HukouRegion", "不存在"},
		{"region not a county", func() data.Record { w := validWorker(2); w.HukouRegion = "620100"; return w }(), "HukouRegion", "区县"},
		{"bad phone", func() data.Record { w := validWorker(2); w.Phone = "1234"; return w }(), "Phone", ""},
		{"unknown occupation", func() data.Record { w := validWorker(2); w.Skills[0].Occupation = "astronaut"; return w }(), "Skills", "工种"},
		{"empty name", func() data.Record { w := validWorker(2); w.Name = "  "; return w }(), "Name", "不能为空"},
		{"negative headcount", func() data.Record { d := okDemand(); d.Headcount = -3; return d }(), "Headcount", "负数"},
		{"inverted ages", func() data.Record { d := okDemand(); d.AgeMin, d.AgeMax = 50, 25; return d }(), "AgeMin", "高于上限"},
		{"inverted wages", func() data.Record { d := okDemand(); d.WageMin, d.WageMax = data.Yuan(8000), data.Yuan(6000); return d }(), "WageMin", "高于上限"},
		{"missing employer", func() data.Record { d := okDemand(); d.EmployerID = data.NewID(); return d }(), "EmployerID", "不存在"},
		{"unknown work region", func() data.Record { d := okDemand(); d.WorkRegion = "329999"; return d }(), "WorkRegion", "不存在"},
		{"bad credit code", &data.Employer{Name: "某公司", CreditCode: "91350100M000100Y44", Region: "320115"}, "CreditCode", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ops, audits := count(t, s, &Op{}), count(t, s, &data.AuditEntry{})
			err := s.Create(c.rec)
			fe, ok := data.AsFieldError(err)
			if !ok {
				t.Fatalf("want FieldError, got %v", err)
			}
			if fe.Field != c.field || !strings.Contains(fe.Reason, c.reason) || fe.Label == "" {
				t.Fatalf("got %s/%s %q; want field %s reason containing %q", fe.Field, fe.Label, fe.Reason, c.field, c.reason)
			}
			if !strings.Contains(err.Error(), fe.Label) {
				t.Fatalf("message %q does not name the field", err.Error())
			}
			if count(t, s, &Op{}) != ops || count(t, s, &data.AuditEntry{}) != audits {
				t.Fatal("a refused record wrote ops or audit entries")
			}
		})
	}
	if n := count(t, s, &data.Worker{}) + count(t, s, &data.Demand{}); n != 0 {
		t.Fatalf("%d refused rows were written", n)
	}
}

func TestBatchIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	err := s.Write(func(tx *Tx) error {
		for i := 1; i <= 5; i++ {
			if err := tx.Create(validWorker(i)); err != nil {
				return err
			}
		}
		bad := validWorker(6)
		bad.HukouRegion = "000000"
		return tx.Create(bad)
	})
	if err == nil {
		t.Fatal("batch with a bad row succeeded")
	}
	if n := count(t, s, &data.Worker{}); n != 0 {
		t.Fatalf("%d rows of a failed batch were written", n)
	}
	if n := count(t, s, &Op{}); n != 0 {
		t.Fatalf("%d ops of a failed batch were written", n)
	}
	// The op sequence continues without a gap after a rolled-back batch.
	if err := s.Create(validWorker(1)); err != nil {
		t.Fatal(err)
	}
	var op Op
	s.db.First(&op)
	if op.Seq != 1 {
		t.Fatalf("seq after rollback = %d", op.Seq)
	}
}

func TestDuplicateIDNumberRefused(t *testing.T) {
	s := newStore(t)
	if err := s.Create(validWorker(1)); err != nil {
		t.Fatal(err)
	}
	err := s.Create(validWorker(1))
	if fe, ok := data.AsFieldError(err); !ok || fe.Field != "IDNumber" || !strings.Contains(fe.Reason, "王秀兰") {
		t.Fatalf("duplicate: %v", err)
	}
}

func TestDeleteRefusedWhileWorkIsUnderWay(t *testing.T) {
	s := newStore(t)
	emp := validEmployer(t, s)
	d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Headcount: 2, WorkRegion: "320115"}
	w := validWorker(1)
	for _, r := range []data.Record{d, w, &data.Placement{WorkerID: w.ID, DemandID: d.ID}} {
		if r == d || r == w {
			if err := s.Create(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Create(&data.Placement{WorkerID: w.ID, DemandID: d.ID, ReferredOn: data.MakeDate(2026, 11, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(&data.Worker{Synced: data.Synced{ID: w.ID}}); err == nil || !strings.Contains(err.Error(), "进行中") {
		t.Fatalf("delete worker with placement: %v", err)
	}
	if err := s.Delete(&data.Employer{Synced: data.Synced{ID: emp.ID}}); err == nil || !strings.Contains(err.Error(), "用工需求") {
		t.Fatalf("delete employer with demand: %v", err)
	}
}

func TestHLCIsMonotonicAcrossReopen(t *testing.T) {
	s, path := openTemp(t)
	s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟")
	w := validWorker(1)
	s.Create(w)
	first, _ := s.Worker(w.ID)
	s.Close()
	// Reopen with a clock an hour behind: stamps still increase.
	s2, err := OpenWith(path, Options{Now: func() time.Time { return fixedNow.Add(-time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	w2 := validWorker(2)
	if err := s2.Create(w2); err != nil {
		t.Fatal(err)
	}
	second, _ := s2.Worker(w2.ID)
	if second.HLC <= first.HLC {
		t.Fatalf("HLC went backwards: %d then %d", first.HLC, second.HLC)
	}
}

func TestFilledFollowsPlacements(t *testing.T) {
	s := newStore(t)
	d := validDemand(t, s)
	var ps []*data.Placement
	for i := 1; i <= 2; i++ {
		w := validWorker(i)
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
		p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageHired}
		if err := s.Create(p); err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	filled := func() int { got, _ := s.Demand(d.ID); return got.Filled }
	if filled() != 2 {
		t.Fatalf("filled = %d, want 2", filled())
	}
	ps[0].Stage, ps[0].CloseReason = data.StageReturned, "family"
	if err := s.Update(ps[0]); err != nil {
		t.Fatal(err)
	}
	if filled() != 1 {
		t.Fatalf("after one left, filled = %d", filled())
	}
	if err := s.Delete(&data.Placement{Synced: data.Synced{ID: ps[1].ID}}); err != nil {
		t.Fatal(err)
	}
	if filled() != 0 {
		t.Fatalf("after delete, filled = %d", filled())
	}
	// Editing the demand's form never overwrites the derived count.
	got, _ := s.Demand(d.ID)
	got.Filled, got.Title = 99, "住家保姆"
	if err := s.Update(got); err != nil {
		t.Fatal(err)
	}
	if filled() != 0 {
		t.Fatalf("form wrote filled = %d", filled())
	}
}
