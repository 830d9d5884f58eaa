package sheet

// Kind is what a spreadsheet holds.
type Kind string

const (
	Workers    Kind = "workers"    // 劳动者
	Employers  Kind = "employers"  // 用工单位
	Demands    Kind = "demands"    // 用工需求
	Placements Kind = "placements" // 就业安置 (export only)
	FollowUps  Kind = "followups"  // 跟踪服务 (export only)
)

// Kinds lists every kind in menu order.
var Kinds = []Kind{Workers, Employers, Demands, Placements, FollowUps}

// ParseKind reads a kind as the command line writes it.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Label is the kind in Chinese.
func (k Kind) Label() string {
	switch k {
	case Workers:
		return "劳动者"
	case Employers:
		return "用工单位"
	case Demands:
		return "用工需求"
	case Placements:
		return "就业安置"
	case FollowUps:
		return "跟踪服务"
	}
	return string(k)
}

// Importable reports whether records of this kind can be imported; a
// placement or follow-up needs a worker and a demand picked in the program.
func (k Kind) Importable() bool { return k == Workers || k == Employers || k == Demands }
