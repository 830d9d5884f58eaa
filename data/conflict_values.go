package data

import (
	"encoding/json"
	"strings"

	"duikou/data/catalog"
)

// conflictValue shows one side of a conflict as the clerk would have typed
// it: money in yuan, codes as their labels, regions and 工种 by name, yes
// or no, lists joined. The conflict list keeps the stored JSON; only what
// is shown changes. A value this does not know is shown as stored.
func ConflictValue(table Table, column, raw string) string {
	if raw == "null" || raw == "" {
		return ""
	}
	var text string
	isText := json.Unmarshal([]byte(raw), &text) == nil
	var n int64
	isNum := !isText && json.Unmarshal([]byte(raw), &n) == nil
	var yes bool
	isBool := !isText && !isNum && json.Unmarshal([]byte(raw), &yes) == nil

	switch {
	case isBool:
		if yes {
			return "是"
		}
		return "否"
	case isNum && isMoneyColumn(column):
		return Fen(n).String() + " 元"
	case isNum && column == "sex_requirement":
		return SexRequirement(n).Label()
	case isNum && column == "min_level":
		return catalog.SkillLevel(n).Label()
	case isText:
		return labelledText(table, column, text)
	}
	switch column {
	case "skills":
		var skills []Skill
		if json.Unmarshal([]byte(raw), &skills) == nil {
			parts := make([]string, 0, len(skills))
			for _, s := range skills {
				p := occupationName(s.Occupation)
				if s.Level > catalog.LevelNone {
					p += "（" + s.Level.Label() + "）"
				}
				parts = append(parts, p)
			}
			return strings.Join(parts, "、")
		}
	case "desired_regions", "desired_occupations":
		var codes []string
		if json.Unmarshal([]byte(raw), &codes) == nil {
			for i, c := range codes {
				if column == "desired_regions" {
					codes[i] = catalog.FullName(c)
				} else {
					codes[i] = occupationName(c)
				}
			}
			return strings.Join(codes, "、")
		}
	}
	return raw
}

// isMoneyColumn: amounts are stored in fen (money.go).
func isMoneyColumn(column string) bool {
	switch column {
	case "expected_wage", "wage_min", "wage_max", "amount":
		return true
	}
	return false
}

// labelledText is a text value, with codes turned into their labels.
func labelledText(table Table, column, text string) string {
	switch column {
	case "status":
		switch table {
		case TableWorkers:
			return WorkerStatus(text).Label()
		case TableDemands:
			return DemandStatus(text).Label()
		case TableFollowUps:
			return FollowUpStatus(text).Label()
		}
	case "stage":
		return Stage(text).Label()
	case "kind":
		return FollowUpKind(text).Label()
	case "method":
		return LabelOf(Methods, text)
	case "poverty":
		return Poverty(text).Label()
	case "education":
		return Education(text).Label()
	case "close_reason":
		return LabelOf(CloseReasons, text)
	case "occupation":
		return occupationName(text)
	case "hukou_region", "work_region", "region":
		if name := catalog.FullName(text); name != "" {
			return name
		}
	}
	return text
}

// occupationName is catalog.OccupationName, under the name this package reads.
var occupationName = catalog.OccupationName
