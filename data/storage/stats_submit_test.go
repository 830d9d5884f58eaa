package storage

import (
	"errors"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// 报出 October on 2026-11-22, then a clerk finds that pD (the 脱贫户 sent
// to 天水, 上岗 2026-10-05) really started on 2026-11-01 and corrects it:
// October's report now shows the submitted figures beside the corrected
// ones and is titled 更正版; the submitted ones are never overwritten.
func TestCorrectionAfterSubmissionShowsBothFigures(t *testing.T) {
	s := newStore(t)
	reportFixture(t, s)
	if err := s.SetReportHeader("张建国", "0931-5221234"); err != nil {
		t.Fatal(err)
	}
	oct, _ := stats.ParseMonth("2026-10", s.Today())
	r, err := s.Report(oct)
	if err != nil {
		t.Fatal(err)
	}
	if r.Header.Head != "张建国" || r.Header.Phone != "0931-5221234" || r.Header.Reported != "" || r.Submitted() {
		t.Fatalf("before 报出: header %+v", r.Header)
	}
	if err := s.Submit(r); err != nil {
		t.Fatal(err)
	}
	// The header changes in 设置 later; the submitted report keeps its own.
	if err := s.SetReportHeader("李明", "0931-0000000"); err != nil {
		t.Fatal(err)
	}
	if r, err = s.Report(oct); err != nil {
		t.Fatal(err)
	}
	if r.Header.Reported != "2026-11-22" || r.Header.Head != "张建国" || r.Corrected || r.Title() != "劳务协作工作统计月报表" {
		t.Fatalf("after 报出: header %+v corrected %v title %s", r.Header, r.Corrected, r.Title())
	}
	for _, in := range r.Indicators {
		if in.Submitted == nil || *in.Submitted != in.Value {
			t.Fatalf("%s: submitted %v, value %s", in.Code, in.Submitted, in.Value)
		}
	}
	if err := s.Submit(r); !errors.Is(err, ErrAlreadySubmitted) {
		t.Fatalf("a second 报出: %v", err)
	}

	var pD data.Placement
	if err := s.db.Where("started_on = ? AND deleted = ?", data.MakeDate(2026, 10, 5), false).First(&pD).Error; err != nil {
		t.Fatal(err)
	}
	pD.HiredOn, pD.StartedOn = data.MakeDate(2026, 11, 1), data.MakeDate(2026, 11, 1)
	if err := s.Update(&pD); err != nil {
		t.Fatal(err)
	}
	if r, err = s.Report(oct); err != nil {
		t.Fatal(err)
	}
	if !r.Corrected || r.Title() != "劳务协作工作统计月报表（更正版）" {
		t.Fatalf("corrected %v, title %s", r.Corrected, r.Title())
	}
	// Hand-counted: pD was the one 跨市 start and the one 脱贫 start; of
	// the three starts left, pA and pF signed contracts: 2/3 = 66.7%.
	want := map[stats.Code][2]string{
		stats.PlacementsStarted:  {"4", "3"},
		stats.StartedCrossCity:   {"1", "0"},
		stats.StartedPoverty:     {"1", "0"},
		stats.InWorkEnd:          {"4", "3"},
		stats.ContractsSignedPct: {"50", "66.7"},
		stats.StartedCrossProv:   {"2", "2"},
		stats.WarmthAmountYuan:   {"800.50", "800.50"},
	}
	for _, in := range r.Indicators {
		if w, ok := want[in.Code]; ok && (string(*in.Submitted) != w[0] || string(in.Value) != w[1]) {
			t.Errorf("%s: 报出数 %s 更正数 %s, want %s and %s", in.Code, *in.Submitted, in.Value, w[0], w[1])
		}
	}
	note := r.CorrectionNote()
	for _, part := range []string{"更正版", "上岗人数 4→3", "劳动合同签订率 50→66.7"} {
		if !strings.Contains(note, part) {
			t.Errorf("audit note %q lacks %q", note, part)
		}
	}
	// The 报出 is in the audit log, and the correction is noted there
	// once, however often the period is counted again.
	if _, err := s.Report(oct); err != nil {
		t.Fatal(err)
	}
	log, _ := s.AuditLog(20)
	submitted, noted := false, 0
	for _, e := range log {
		submitted = submitted || (e.Action == data.ActSubmit && strings.Contains(e.Summary, "2026年10月") && strings.Contains(e.Summary, "上岗人数 4"))
		if strings.HasPrefix(e.Summary, "报出后更正：劳务协作工作统计月报表（2026年10月，2026-11-22 报出）上岗人数 4→3、") {
			noted++
		}
	}
	if !submitted || noted != 1 {
		t.Errorf("audit: 报出 %v, correction noted %d times", submitted, noted)
	}
}

func TestSubmitRefusesAPeriodNotYetOver(t *testing.T) {
	s := newStore(t) // today 2026-11-22
	nov, _ := stats.ParseMonth("2026-11", s.Today())
	r, err := s.Report(nov)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Submit(r); err == nil || !strings.Contains(err.Error(), "结束后才能报出") {
		t.Fatalf("报出 of the running month: %v", err)
	}
	if sub, _ := s.Submission(nov); sub != nil {
		t.Fatal("a refused 报出 was stored")
	}
	if err := s.SetReportHeader("张\u202e建国", ""); err == nil {
		t.Fatal("a bidi override in 负责人 was accepted")
	}
}
