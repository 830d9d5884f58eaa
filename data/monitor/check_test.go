package monitor

import (
	"slices"
	"testing"

	"duikou/data"
)

// asOf is the day every case is checked on; the day counts below are
// worked by hand from it (October has 31 days, November 30).
var asOf = data.MakeDate(2026, 12, 6)

func d(s string) data.Date {
	v, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func left(on string) Placement {
	return Placement{ID: "left-" + on, Stage: data.StageLeft, StartedOn: d("2026-03-01"), EndedOn: d(on)}
}

func working(since string) Placement {
	return Placement{ID: "work-" + since, Stage: data.StageStarted, StartedOn: d(since)}
}

func done(kind data.FollowUpKind, on string) FollowUp {
	return FollowUp{Kind: kind, Status: data.FollowUpDone, DoneOn: d(on)}
}

func open(kind data.FollowUpKind) FollowUp { return FollowUp{Kind: kind, Status: data.FollowUpOpen} }

func TestCheckEdges(t *testing.T) {
	for _, c := range []struct {
		name    string
		poverty data.Poverty
		ps      []Placement
		fs      []FollowUp
		want    []string // nil: not flagged
	}{
		{"left exactly 30 days ago", data.PovertyLifted, []Placement{left("2026-11-06")}, nil, nil},
		{"left 31 days ago", data.PovertyLifted, []Placement{left("2026-11-05")}, nil, []string{"离职已31天未再上岗"}},
		{"left, then started elsewhere", data.PovertyMonitored,
			[]Placement{left("2026-10-01"), working("2026-10-20")}, nil, nil},
		{"left, then only referred again", data.PovertyMonitored,
			[]Placement{left("2026-10-01"), {ID: "r", Stage: data.StageReferred}}, nil, []string{"离职已66天未再上岗"}},
		{"left twice: the later end counts", data.PovertyLifted,
			[]Placement{left("2026-08-01"), left("2026-11-20")}, nil, nil},
		{"went home without starting", data.PovertyLifted,
			[]Placement{{ID: "h", Stage: data.StageReturned, EndedOn: d("2026-09-06")}}, nil, []string{"返乡已91天未再上岗"}},
		{"left after the as-of day: at work on it", data.PovertyLifted,
			[]Placement{{ID: "x", Stage: data.StageLeft, StartedOn: d("2026-11-01"), EndedOn: d("2026-12-20")}}, nil, nil},
		{"open 欠薪 case", data.PovertyLifted, nil, []FollowUp{open(data.KindArrears)}, []string{"欠薪案件未结"}},
		{"closed 欠薪 case", data.PovertyLifted, nil, []FollowUp{done(data.KindArrears, "2026-11-30")}, nil},
		{"cancelled 工伤 case", data.PovertyLifted, nil,
			[]FollowUp{{Kind: data.KindInjury, Status: data.FollowUpCancelled}}, nil},
		{"open 工伤 and two open 欠薪", data.PovertyMonitored, nil,
			[]FollowUp{open(data.KindInjury), open(data.KindArrears), open(data.KindArrears)}, []string{"欠薪案件未结", "工伤案件未结"}},
		{"open dispute is not a case of the rule", data.PovertyLifted, nil, []FollowUp{open(data.KindDispute)}, nil},
		{"at work 96 days, called exactly 90 days ago", data.PovertyLifted,
			[]Placement{working("2026-09-01")}, []FollowUp{done(data.KindCheckIn, "2026-09-07")}, nil},
		{"at work 96 days, called 91 days ago", data.PovertyLifted,
			[]Placement{working("2026-09-01")}, []FollowUp{done(data.KindCheckIn, "2026-09-06")}, []string{"在岗但90天内无回访"}},
		{"at work 96 days, a 送温暖 visit last week counts", data.PovertyLifted,
			[]Placement{working("2026-09-01")}, []FollowUp{done(data.KindWarmth, "2026-11-30")}, nil},
		{"at work 96 days, only an open check-in", data.PovertyLifted,
			[]Placement{working("2026-09-01")}, []FollowUp{open(data.KindCheckIn)}, []string{"在岗但90天内无回访"}},
		{"at work exactly 90 days, never called", data.PovertyLifted, []Placement{working("2026-09-07")}, nil, nil},
		{"at work 91 days, never called", data.PovertyLifted, []Placement{working("2026-09-06")}, nil, []string{"在岗但90天内无回访"}},
		{"everything at once", data.PovertyMonitored,
			[]Placement{left("2026-01-10"), {ID: "h", Stage: data.StageReturned, StartedOn: d("2026-02-01"), EndedOn: d("2026-10-01")}},
			[]FollowUp{open(data.KindArrears)}, []string{"返乡已66天未再上岗", "欠薪案件未结"}},
		{"一般 worker with everything wrong", data.PovertyGeneral,
			[]Placement{left("2026-01-10"), working("2025-01-01")}, []FollowUp{open(data.KindArrears), open(data.KindInjury)}, nil},
		{"no placements, no cases", data.PovertyLifted, nil, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Person{WorkerID: "w1", Name: "张三", Poverty: c.poverty, Placements: c.ps, FollowUps: c.fs}
			f, flagged := Check(DefaultRule(), asOf, p)
			if flagged != (c.want != nil) || !slices.Equal(f.Reasons, c.want) {
				t.Fatalf("flagged %v %q, want %q", flagged, f.Reasons, c.want)
			}
			if flagged && (f.WorkerID != "w1" || f.Name != "张三") {
				t.Errorf("flag %+v names the wrong worker", f)
			}
		})
	}
}

// The thresholds are the rule's, not constants: 10 and 20 days move both
// edges.
func TestCheckUsesTheRule(t *testing.T) {
	r := Rule{OutOfWorkDays: 10, QuietDays: 20}
	p := &Person{Poverty: data.PovertyLifted, Placements: []Placement{left("2026-11-25")}}
	if f, ok := Check(r, asOf, p); !ok || f.Reasons[0] != "离职已11天未再上岗" {
		t.Errorf("left 11 days ago with N=10: %v %q", ok, f.Reasons)
	}
	p = &Person{Poverty: data.PovertyLifted, Placements: []Placement{working("2026-11-10")}}
	f, ok := Check(r, asOf, p)
	if !ok || f.Reasons[0] != "在岗但20天内无回访" || f.AtWork != "work-2026-11-10" {
		t.Errorf("at work 26 days with M=20: %v %+v", ok, f)
	}
}

func TestRuleValidate(t *testing.T) {
	if err := DefaultRule().Validate(); err != nil {
		t.Fatal(err)
	}
	for _, r := range []Rule{{0, 90}, {366, 90}, {30, 0}, {30, 731}} {
		if err := r.Validate(); err == nil {
			t.Errorf("%+v accepted", r)
		}
	}
	err := Rule{OutOfWorkDays: 0, QuietDays: 90}.Validate()
	if want := "返贫监测设置的离职未再上岗天数有误：应为1到365之间的天数，现为0"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
