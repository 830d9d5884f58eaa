package data

// Figure narrows a list to the records behind one figure of the 统计报表:
// the indicator's code (data/stats names them) and the period, both ends
// included. The list screens and the 统计报表 screen's drill-down share
// it through the filters below; the zero Figure does not filter.
type Figure struct {
	Code     string
	From, To Date
}

// IsZero reports whether f does not filter.
func (f Figure) IsZero() bool { return f.Code == "" }
