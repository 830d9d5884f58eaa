package catalog

import (
	"slices"
	"testing"
)

func TestSkillLevelLabels(t *testing.T) {
	tests := []struct {
		level SkillLevel
		label string
	}{
		{LevelNone, "无"},
		{Level5, "五级/初级工"},
		{Level4, "四级/中级工"},
		{Level3, "三级/高级工"},
		{Level2, "二级/技师"},
		{Level1, "一级/高级技师"},
		{SkillLevel(9), "未知等级"},
	}
	for _, tt := range tests {
		if got := tt.level.Label(); got != tt.label {
			t.Errorf("SkillLevel(%d).Label() = %q, want %q", tt.level, got, tt.label)
		}
		if got := tt.level.String(); got != tt.label {
			t.Errorf("SkillLevel(%d).String() = %q, want %q", tt.level, got, tt.label)
		}
	}
}

func TestSkillLevelsAscending(t *testing.T) {
	levels := SkillLevels()
	if !slices.Equal(levels, []SkillLevel{Level5, Level4, Level3, Level2, Level1}) {
		t.Errorf("SkillLevels() = %v", levels)
	}
	if !slices.IsSorted(levels) || levels[0] <= LevelNone {
		t.Errorf("SkillLevels() not ascending above LevelNone: %v", levels)
	}
}

func TestParseSkillLevel(t *testing.T) {
	tests := []struct {
		in   string
		want SkillLevel
		ok   bool
	}{
		{"五级", Level5, true},
		{"初级工", Level5, true},
		{"初级", Level5, true},
		{"5级", Level5, true},
		{"五级/初级工", Level5, true},
		{" 五级／初级工 ", Level5, true},
		{"五级（初级工）", Level5, true},
		{"国家职业资格五级", Level5, true},
		{"四级", Level4, true},
		{"中级工", Level4, true},
		{"4级", Level4, true},
		{"三级/高级工", Level3, true},
		{"高级", Level3, true},
		{"技师", Level2, true},
		{"二级", Level2, true},
		{"高级技师", Level1, true},
		{"一级/高级技师", Level1, true},
		{"1级", Level1, true},
		{"无", LevelNone, true},
		{"", LevelNone, true},
		{"五级/高级工", LevelNone, false}, // halves disagree
		{"六级", LevelNone, false},
		{"5", LevelNone, false},
		{"专家", LevelNone, false},
		{"五级/", LevelNone, false},
	}
	for _, tt := range tests {
		got, ok := ParseSkillLevel(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSkillLevel(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, l := range append(SkillLevels(), LevelNone) {
		if got, ok := ParseSkillLevel(l.Label()); !ok || got != l {
			t.Errorf("ParseSkillLevel(%q) = %v, %v; labels must round-trip", l.Label(), got, ok)
		}
	}
}
