package storage

import (
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/subsidy"
)

// subsidyRules is a one-row table: 跨省, 600 yuan after 3 months, for
// 脱贫户 and 监测对象 who started in 2026.
func subsidyRules(t *testing.T) subsidy.Rules {
	t.Helper()
	rs, err := subsidy.ParseRules([]subsidy.Line{
		{Row: 1, Cells: subsidy.Headers},
		{Row: 2, Cells: []string{"一次性交通补贴", "跨省", "600", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func roster(t *testing.T, s *Store, rs subsidy.Rules) *subsidy.Roster {
	t.Helper()
	asOf := data.MakeDate(2026, 11, 22)
	ws, err := s.SubsidyWorkers(asOf)
	if err != nil {
		t.Fatal(err)
	}
	claimed, err := s.SubsidyClaimed("一次性交通补贴")
	if err != nil {
		t.Fatal(err)
	}
	return subsidy.Evaluate(rs, "一次性交通补贴", asOf, ws, claimed)
}

// A 榆中 worker placed in 南京 by the partner office: the sending office's
// roster pays for the partner's placement; a claim, once applied, is not
// made again, travels to the partner, and the partner's roster lists the
// worker as 已申报 too. After the registering office withdraws consent the
// partner's husk is excluded as 已撤回共享同意.
func TestClaimsForAPartnersPlacementTravelAndAreMadeOnce(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	w.Poverty = data.PovertyLifted
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	d := validDemand(t, a.s)
	mustReceive(t, a, b)
	start := data.MakeDate(2026, 8, 22) // three months to the day before 11-22
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageStarted, ReferredOn: start, HiredOn: start, StartedOn: start}
	if err := b.s.Create(p); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, b, a)

	rs := subsidyRules(t)
	r := roster(t, a.s, rs)
	if len(r.Eligible) != 1 || r.Eligible[0].Placement.ID != p.ID || r.Eligible[0].Months != 3 || r.Total != data.Yuan(600) {
		t.Fatalf("roster at A: %+v", r)
	}
	if n, err := a.s.ApplyClaims(r); err != nil || n != 1 {
		t.Fatalf("apply: %d %v", n, err)
	}
	if n, err := a.s.ApplyClaims(r); err != nil || n != 0 {
		t.Fatalf("second apply of the same roster: %d %v", n, err)
	}
	again := roster(t, a.s, rs)
	if len(again.Eligible) != 0 || len(again.Excluded) != 1 || again.Excluded[0].Reason != subsidy.ReasonClaimed ||
		!strings.Contains(again.Excluded[0].Detail, "2026-11-22") {
		t.Fatalf("second roster at A: %+v", again)
	}
	dup := &data.SubsidyClaim{WorkerID: w.ID, Program: "一次性交通补贴", Amount: data.Yuan(600)}
	if err := a.s.Create(dup); err == nil || !strings.Contains(err.Error(), "只能申报一次") {
		t.Fatalf("a second claim for the same 项目: %v", err)
	}
	log, _ := a.s.AuditLog(5)
	audited := false
	for _, e := range log {
		audited = audited || (e.Table == "subsidy_claims" && strings.Contains(e.Summary, "确认申报“一次性交通补贴”1 人，金额合计 600 元"))
	}
	if !audited {
		t.Fatalf("no audit entry for the claims: %+v", log)
	}

	mustReceive(t, a, b)
	if n := count(t, b.s, &data.SubsidyClaim{}); n != 1 {
		t.Fatalf("the partner holds %d claims, want 1", n)
	}
	if got := roster(t, b.s, rs); len(got.Eligible) != 0 || len(got.Excluded) != 1 || got.Excluded[0].Reason != subsidy.ReasonClaimed {
		t.Fatalf("roster at the partner: %+v", got)
	}

	wa, _ := a.s.Worker(w.ID)
	wa.Consent = false
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	ws, err := b.s.SubsidyWorkers(data.MakeDate(2026, 11, 22))
	if err != nil || len(ws) != 1 || !ws[0].Withdrawn || ws[0].IDNumber != "" {
		t.Fatalf("the partner's husk: %+v %v", ws, err)
	}
	if ws, _ := a.s.SubsidyWorkers(data.MakeDate(2026, 11, 22)); len(ws) != 1 || ws[0].Withdrawn {
		t.Fatalf("the registering office's own worker is not a husk: %+v", ws)
	}
}

// A claim of a worker who never consented to sharing stays home, as the
// worker's placements do.
func TestClaimOfAWorkerWithoutConsentStaysHome(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(2)
	w.Consent = false
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if err := a.s.Create(&data.SubsidyClaim{WorkerID: w.ID, Program: "一次性交通补贴", Amount: data.Yuan(600)}); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	if n := count(t, b.s, &data.SubsidyClaim{}); n != 0 {
		t.Fatalf("the partner holds %d claims of a worker who did not consent", n)
	}
}
