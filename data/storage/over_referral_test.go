package storage

import (
	"testing"

	"duikou/data"
)

// referBatch refers n new workers (seq from, from+1, ...) to d in one
// CreateAll, as 推荐所选 and the 招聘会 do.
func referBatch(t *testing.T, s *Store, d *data.Demand, from, n int) error {
	t.Helper()
	recs := make([]data.Record, n)
	for i := range n {
		w := validWorker(from + i)
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
		recs[i] = &data.Placement{WorkerID: w.ID, DemandID: d.ID, Stage: data.StageReferred}
	}
	return s.CreateAll(recs, func(int) string { return "推荐失败" })
}

// A demand for 2 people at the default ratio 2: two batches of 2 go
// through, a third batch (even of one) is refused, and nothing of it is
// written. Moving a referral on to 已面试 opens nothing new; a worker hired
// lowers the headcount left and so the ceiling too.
func TestReferralsUseUpHeadcountUpToTheRatio(t *testing.T) {
	s := newStore(t)
	d, _ := placementFixture(t, s, 2)
	referred := func() int { got, _ := s.Demand(d.ID); return got.Referred }

	if err := referBatch(t, s, d, 10, 2); err != nil {
		t.Fatalf("first batch: %v", err)
	}
	if err := referBatch(t, s, d, 20, 2); err != nil {
		t.Fatalf("second batch: %v", err)
	}
	if referred() != 4 {
		t.Fatalf("referred = %d, want 4", referred())
	}
	before := count(t, s, &data.Placement{})
	err := referBatch(t, s, d, 30, 1)
	wantStageErr(t, err, "DemandID", "已有4人在推荐中，达到上限（还缺人数的2倍")
	if after := count(t, s, &data.Placement{}); after != before {
		t.Fatalf("a refused batch wrote %d placements", after-before)
	}

	// 已推荐 → 已面试 keeps the same referral open.
	var ps []data.Placement
	if err := s.db.Where("demand_id = ?", d.ID).Order("id").Find(&ps).Error; err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	p.Stage, p.InterviewedOn = data.StageInterviewed, data.MakeDate(2026, 11, 22)
	if err := s.Update(&p); err != nil {
		t.Fatalf("interview: %v", err)
	}
	// Hiring one: 1 left, 3 open referrals, over the ceiling of 2.
	p.Stage, p.HiredOn = data.StageHired, data.MakeDate(2026, 11, 22)
	if err := s.Update(&p); err != nil {
		t.Fatalf("hire: %v", err)
	}
	got, _ := s.Demand(d.ID)
	if got.Filled != 1 || got.Referred != 3 || got.ReferralRoom(2) != 0 {
		t.Fatalf("after hire: filled %d referred %d room %d", got.Filled, got.Referred, got.ReferralRoom(2))
	}
	wantStageErr(t, referBatch(t, s, d, 40, 1), "DemandID", "还缺1人，已有3人在推荐中")

	// The office allows three times the headcount left: room for none still
	// (3×1−3), then one referral deleted makes room for one.
	if err := s.SetOverReferralRatio(3); err != nil {
		t.Fatal(err)
	}
	wantStageErr(t, referBatch(t, s, d, 50, 1), "DemandID", "还缺人数的3倍")
	q := ps[1]
	if err := s.Delete(&q); err != nil {
		t.Fatal(err)
	}
	if err := referBatch(t, s, d, 60, 1); err != nil {
		t.Fatalf("after a referral was withdrawn: %v", err)
	}
}

func TestOverReferralSetting(t *testing.T) {
	s := newStore(t)
	if got := s.OverReferralRatio(); got != data.DefaultOverReferral {
		t.Fatalf("default ratio %d", got)
	}
	for _, bad := range []string{"0", "11", "两", ""} {
		if _, err := ParseOverReferral(bad); err == nil {
			t.Fatalf("%q accepted", bad)
		}
	}
	if err := s.SetOverReferralRatio(4); err != nil || s.OverReferralRatio() != 4 {
		t.Fatalf("set 4: %v, now %d", err, s.OverReferralRatio())
	}
	if err := s.SetOverReferralRatio(0); err == nil {
		t.Fatal("ratio 0 accepted")
	}
}
