package data

import (
	"errors"
	"slices"
	"testing"
)

// Each stage offers only the steps the path allows from it, and a step to
// 上岗 before 录用 asks for both dates.
func TestNextStagesOfferOnlyValidSteps(t *testing.T) {
	d := MakeDate(2026, 11, 20)
	for _, c := range []struct {
		p    Placement
		want []Stage
	}{
		{Placement{Stage: StageReferred, ReferredOn: d}, []Stage{StageInterviewed, StageHired, StageStarted, StageReturned}},
		{Placement{Stage: StageInterviewed, ReferredOn: d, InterviewedOn: d}, []Stage{StageHired, StageStarted, StageReturned}},
		{Placement{Stage: StageHired, ReferredOn: d, HiredOn: d}, []Stage{StageStarted, StageReturned}},
		{Placement{Stage: StageStarted, ReferredOn: d, HiredOn: d, StartedOn: d}, []Stage{StageLeft, StageReturned}},
		{Placement{Stage: StageLeft, ReferredOn: d, HiredOn: d, StartedOn: d, EndedOn: d}, nil},
	} {
		if got := c.p.NextStages(); !slices.Equal(got, c.want) {
			t.Errorf("from %s: %v, want %v", c.p.Stage, got, c.want)
		}
	}
	referred := Placement{Stage: StageReferred, ReferredOn: d}
	if got := referred.StepDates(StageStarted); !slices.Equal(got, []Stage{StageHired, StageStarted}) {
		t.Errorf("上岗 before 录用 asks for %v", got)
	}
	hired := Placement{Stage: StageHired, ReferredOn: d, HiredOn: d}
	if got := hired.StepDates(StageStarted); !slices.Equal(got, []Stage{StageStarted}) {
		t.Errorf("上岗 after 录用 asks for %v", got)
	}
	if got := StageDateLabel(StageLeft) + StageDateLabel(StageReturned) + StageDateLabel(StageHired); got != "离职日期返乡日期录用日期" {
		t.Errorf("labels %s", got)
	}
}

// Every step NextStages offers, given the dates StepDates asks for (the
// dialog's default: today), is one the path accepts.
func TestEveryOfferedStepIsAccepted(t *testing.T) {
	today := MakeDate(2026, 12, 6)
	d := MakeDate(2026, 11, 20)
	for _, from := range []Placement{
		{Stage: StageReferred, ReferredOn: d},
		{Stage: StageInterviewed, ReferredOn: d, InterviewedOn: d},
		{Stage: StageHired, ReferredOn: d, HiredOn: d},
		{Stage: StageStarted, ReferredOn: d, HiredOn: d, StartedOn: d},
	} {
		for _, st := range from.NextStages() {
			next := from
			next.Stage = st
			for _, ds := range from.StepDates(st) {
				next.SetStageDate(ds, today)
			}
			next.CloseReason = CloseReasons[0].Code
			if err := next.Validate(Rules{Today: today}, &from); err != nil {
				t.Errorf("%s → %s offered but refused: %v", from.Stage, st, err)
			}
		}
	}
}

// The error for the closing date names the field the dialog shows:
// 离职日期 or 返乡日期, not 结束日期.
func TestClosingDateErrorUsesTheDialogsName(t *testing.T) {
	today := MakeDate(2026, 12, 6)
	started := Placement{Stage: StageStarted, ReferredOn: MakeDate(2026, 11, 1), HiredOn: MakeDate(2026, 11, 3), StartedOn: MakeDate(2026, 11, 5)}
	for st, label := range map[Stage]string{StageLeft: "离职日期", StageReturned: "返乡日期"} {
		next := started
		next.Stage, next.EndedOn, next.CloseReason = st, MakeDate(2026, 11, 4), CloseReasons[0].Code
		var fe *FieldError
		if err := next.Validate(Rules{Today: today}, &started); !errors.As(err, &fe) || fe.Label != label ||
			fe.Error() != "就业安置的"+label+"有误：2026-11-04早于上岗日期2026-11-05" {
			t.Errorf("%s: %v", st, err)
		}
	}
}
