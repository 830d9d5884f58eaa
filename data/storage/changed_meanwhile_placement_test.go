package storage

import (
	"errors"
	"testing"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// twoDesktops is the same office opened twice: on PostgreSQL two Stores
// with their own connections (two clerks' desktops); on SQLite, whose
// file has one writer process, the one Store twice.
func twoDesktops(t *testing.T) (first, second *Store) {
	t.Helper()
	first, loc := openTemp(t)
	if _, err := first.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	if !testdb.Postgres() {
		return first, first
	}
	second, err := OpenWith(loc, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	return first, second
}

// A placement referred on 2026-10-01 is open on two desktops. Clerk A
// records the interview (2026-10-08) and saves; clerk B, from the same
// version, records the labour contract and saves: refused, nothing
// written, with A's row as it is now. Choosing per field: the stage and
// interview date are A's alone (B's copy still says 已推荐), so B's merged
// save (B's contract on A's row) keeps both.
func TestPlacementSavesFromOneVersionSurfaceTheConflict(t *testing.T) {
	a, b := twoDesktops(t)
	d, w := placementFixture(t, a, 2)
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, ReferredOn: data.MakeDate(2026, 10, 1)}
	if err := a.Create(p); err != nil {
		t.Fatal(err)
	}
	opened, err := b.Placement(p.ID)
	if err != nil {
		t.Fatal(err)
	}

	interviewed := *opened
	interviewed.Stage, interviewed.InterviewedOn = data.StageInterviewed, data.MakeDate(2026, 10, 8)
	if err := a.UpdateFrom(&interviewed, opened.HLC); err != nil {
		t.Fatalf("clerk A's interview: %v", err)
	}
	ops := count(t, a, &Op{})

	contract := *opened
	contract.ContractSigned, contract.ContractDate, contract.ContractMonths = true, data.MakeDate(2026, 10, 9), 12
	err = b.UpdateFrom(&contract, opened.HLC)
	var cm *ChangedMeanwhile
	if !errors.As(err, &cm) {
		t.Fatalf("clerk B's save from the same version = %v, want *ChangedMeanwhile", err)
	}
	if msg := err.Error(); msg != "其他经办人在您打开后修改了这条就业安置，请对照双方的值后再保存" {
		t.Errorf("message %q", msg)
	}
	current := cm.Current.(*data.Placement)
	if current.Stage != data.StageInterviewed || current.ContractSigned {
		t.Errorf("Current = stage %s contract %v, want A's interview and no contract", current.Stage, current.ContractSigned)
	}
	if got := count(t, a, &Op{}); got != ops {
		t.Errorf("ops after the refused save = %d, want %d", got, ops)
	}
	if stored, _ := a.Placement(p.ID); stored.ContractSigned {
		t.Error("the refused save wrote the contract")
	}

	// B's dialog holds the whole placement: the stage and the interview
	// date are A's change that B's copy holds differently.
	choices, err := b.FieldsChangedMeanwhile(opened, &contract, current)
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range choices {
		cols = append(cols, c.Column)
	}
	if len(cols) != 2 || cols[0] != "stage" || cols[1] != "interviewed_on" {
		t.Fatalf("choices on %v, want [stage interviewed_on]", cols)
	}
	// Taking A's stage and date, B's save goes in on the current version.
	if err := b.TakeFields(&contract, current, cols); err != nil {
		t.Fatal(err)
	}
	if err := b.UpdateFrom(&contract, current.HLC); err != nil {
		t.Fatalf("B's merged save: %v", err)
	}
	stored, _ := a.Placement(p.ID)
	if stored.Stage != data.StageInterviewed || stored.InterviewedOn != data.MakeDate(2026, 10, 8) ||
		!stored.ContractSigned || stored.ContractMonths != 12 {
		t.Errorf("stored stage %s interviewed %s contract %v/%d months, want A's interview and B's contract",
			stored.Stage, stored.InterviewedOn, stored.ContractSigned, stored.ContractMonths)
	}
}

// A check-in call is open on two desktops; clerk A records it done
// (电话, 情况良好) and B, from the same version, records a visit: B's save
// is refused with A's result, and the three fields they set differently
// are offered: method, outcome and the day it was done.
func TestFollowUpSavesFromOneVersionSurfaceTheConflict(t *testing.T) {
	a, b := twoDesktops(t)
	w := validWorker(3)
	if err := a.Create(w); err != nil {
		t.Fatal(err)
	}
	f := &data.FollowUp{WorkerID: w.ID, Kind: data.KindCheckIn, DueOn: data.MakeDate(2026, 11, 20)}
	if err := a.Create(f); err != nil {
		t.Fatal(err)
	}
	opened, err := b.FollowUp(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	done := func(method, outcome string, on data.Date) *data.FollowUp {
		r := *opened
		r.Method, r.Outcome, r.Status, r.DoneOn = method, outcome, data.FollowUpDone, on
		return &r
	}
	if err := a.UpdateFrom(done("phone", "情况良好", data.MakeDate(2026, 11, 21)), opened.HLC); err != nil {
		t.Fatalf("clerk A's result: %v", err)
	}
	mine := done("visit", "上门看望，工资按时发放", data.MakeDate(2026, 11, 22))
	err = b.UpdateFrom(mine, opened.HLC)
	var cm *ChangedMeanwhile
	if !errors.As(err, &cm) {
		t.Fatalf("clerk B's save from the same version = %v, want *ChangedMeanwhile", err)
	}
	if stored, _ := a.FollowUp(f.ID); stored.Outcome != "情况良好" || stored.Method != "phone" {
		t.Errorf("stored %q by %s after the refused save, want A's", stored.Outcome, stored.Method)
	}
	choices, err := b.FieldsChangedMeanwhile(opened, mine, cm.Current)
	if err != nil {
		t.Fatal(err)
	}
	want := []FieldChoice{
		{data.TableFollowUps, "done_on", `"2026-11-21"`, `"2026-11-22"`},
		{data.TableFollowUps, "method", `"phone"`, `"visit"`},
		{data.TableFollowUps, "outcome", `"情况良好"`, `"上门看望，工资按时发放"`},
	}
	if len(choices) != len(want) {
		t.Fatalf("choices = %+v, want %+v", choices, want)
	}
	for i := range want {
		if choices[i] != want[i] {
			t.Errorf("choice %d = %+v, want %+v", i, choices[i], want[i])
		}
	}
}
