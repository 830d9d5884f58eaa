package catalog

import "strings"

// SkillLevel is a national vocational skill level; higher is better, 0 none.
// The numbering runs opposite to the names (五级 is the lowest) so that a
// worker meets a demand's minimum when worker >= minimum.
type SkillLevel int

const (
	LevelNone SkillLevel = 0
	Level5    SkillLevel = 1 // 五级/初级工
	Level4    SkillLevel = 2 // 四级/中级工
	Level3    SkillLevel = 3 // 三级/高级工
	Level2    SkillLevel = 4 // 二级/技师
	Level1    SkillLevel = 5 // 一级/高级技师
)

// levelNames are each level's accepted spellings; the first is the label.
var levelNames = map[SkillLevel][]string{
	LevelNone: {"无", "无等级"},
	Level5:    {"五级/初级工", "五级", "5级", "初级工", "初级"},
	Level4:    {"四级/中级工", "四级", "4级", "中级工", "中级"},
	Level3:    {"三级/高级工", "三级", "3级", "高级工", "高级"},
	Level2:    {"二级/技师", "二级", "2级", "技师"},
	Level1:    {"一级/高级技师", "一级", "1级", "高级技师"},
}

// SkillLevels lists the five levels from 五级/初级工 up to 一级/高级技师,
// without LevelNone.
func SkillLevels() []SkillLevel {
	return []SkillLevel{Level5, Level4, Level3, Level2, Level1}
}

// Label is the level as printed on certificates since 2019, e.g.
// "四级/中级工"; "无" for LevelNone.
func (l SkillLevel) Label() string {
	if names, ok := levelNames[l]; ok {
		return names[0]
	}
	return "未知等级"
}

// String is the Label.
func (l SkillLevel) String() string { return l.Label() }

// ParseSkillLevel reads a level as clerks and certificates write it:
// "五级", "5级", "初级工", "初级", "五级/初级工", "国家职业资格五级",
// "四级（中级工）"; "" and "无" are LevelNone. Both halves of a pair must
// name the same level.
func ParseSkillLevel(s string) (SkillLevel, bool) {
	s = strings.Join(strings.Fields(s), "")
	s = levelPunct.Replace(s)
	s = strings.TrimPrefix(s, "国家职业资格")
	s = strings.TrimPrefix(s, "职业技能等级")
	s = strings.TrimSuffix(s, "证书")
	if s == "" {
		return LevelNone, true
	}
	parts := strings.Split(s, "/")
	level, ok := parseOneLevel(parts[0])
	for _, part := range parts[1:] {
		other, okOther := parseOneLevel(part)
		ok = ok && okOther && other == level
	}
	if !ok {
		return LevelNone, false
	}
	return level, true
}

func parseOneLevel(s string) (SkillLevel, bool) {
	for level, names := range levelNames {
		for _, name := range names {
			if s == name {
				return level, true
			}
		}
	}
	return LevelNone, false
}

// levelPunct folds the brackets and slashes of "四级（中级工）" spellings;
// built once.
var levelPunct = strings.NewReplacer("／", "/", "（", "/", "(", "/", "）", "", ")", "")
