package stats

import (
	"strings"
	"time"

	"duikou/data"
)

// Submission is a period's figures as the office submitted them (报出).
// It is never overwritten: a record corrected afterwards changes the
// figures the Store counts, and the report then shows them as 更正 beside
// the submitted ones. It stays at this office (it does not travel).
type Submission struct {
	ID          int64     `gorm:"primaryKey;autoIncrement"`
	From        data.Date `gorm:"column:period_from;not null;uniqueIndex:idx_submission_period"`
	To          data.Date `gorm:"column:period_to;not null;uniqueIndex:idx_submission_period"`
	Kind        Kind      `gorm:"not null"`
	SubmittedOn data.Date `gorm:"not null"` // 报出日期
	At          time.Time `gorm:"not null"`
	Clerk       string    `gorm:"size:32"`
	Head        string    `gorm:"size:32"`
	Phone       string    `gorm:"size:32"`
	// Figures are the raw values (money in fen) as submitted.
	Figures Figures `gorm:"serializer:json;not null"`
	// Noted are the figures of the last correction written to the audit
	// log, so each correction is noted once (nil: none yet).
	Noted Figures `gorm:"serializer:json"`
}

// Same reports whether two sets of figures are equal (an absent code
// counts as 0).
func (f Figures) Same(g Figures) bool {
	for c, v := range f {
		if g[c] != v {
			return false
		}
	}
	for c, v := range g {
		if f[c] != v {
			return false
		}
	}
	return true
}

// TableName keeps the table's name independent of the type's.
func (Submission) TableName() string { return "report_submissions" }

// Attach puts a submission beside the figures counted now: each indicator
// gets its submitted value, the header the 报出日期 and the submitted
// 负责人 and 联系电话, and the report is a correction (更正版) when any
// figure differs.
func (r *Report) Attach(sub *Submission) {
	if sub == nil {
		return
	}
	was := Build(r.Period, r.Office, sub.Figures, nil)
	for i := range r.Indicators {
		v := was.Indicators[i].Value
		r.Indicators[i].Submitted = &v
		if v != r.Indicators[i].Value {
			r.Corrected = true
		}
	}
	r.ReportedOn = sub.SubmittedOn
	r.Header.Reported = sub.SubmittedOn.String()
	r.Header.Head, r.Header.Phone = sub.Head, sub.Phone
	if sub.Clerk != "" {
		r.Header.Clerk = sub.Clerk
	}
}

// Corrections lists the indicators whose figure differs from the
// submitted one, as "上岗人数 4→5", for the audit log.
func (r *Report) Corrections() []string {
	var out []string
	for _, in := range r.Indicators {
		if in.Submitted != nil && *in.Submitted != in.Value {
			out = append(out, in.Label+" "+string(*in.Submitted)+"→"+string(in.Value))
		}
	}
	return out
}

// CorrectionNote is what an audit entry of an export or print of the
// report adds: "；更正版：上岗人数 4→5、…", or "" when nothing was corrected.
func (r *Report) CorrectionNote() string {
	if c := r.Corrections(); len(c) > 0 {
		return "；更正版：" + strings.Join(c, "、")
	}
	return ""
}

// Title is the form's title: the period's, with （更正版） once a figure
// of a submitted period was corrected.
func (r *Report) Title() string {
	if r.Corrected {
		return r.Period.Title() + "（更正版）"
	}
	return r.Period.Title()
}

// Submitted is whether the period's figures were submitted (报出).
func (r *Report) Submitted() bool { return !r.ReportedOn.IsZero() }
