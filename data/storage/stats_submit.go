package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/stats"
)

// 报出 and 更正: a period's figures stored as submitted, and the header
// fields (负责人, 联系电话) the form carries.

// Setting keys of the report header.
const (
	settingReportHead  = "report_head"
	settingReportPhone = "report_phone"
)

// ReportHeader is the 负责人 and 联系电话 printed on the form, as set in 设置.
func (s *Store) ReportHeader() (head, phone string, err error) {
	if head, err = s.Setting(settingReportHead, ""); err != nil {
		return "", "", err
	}
	phone, err = s.Setting(settingReportPhone, "")
	return head, phone, err
}

// SetReportHeader changes the 负责人 and 联系电话 of the form (audited).
func (s *Store) SetReportHeader(head, phone string) error {
	head, phone = strings.TrimSpace(head), strings.TrimSpace(phone)
	for _, f := range []struct{ key, label, value string }{{"Head", "负责人", head}, {"Phone", "联系电话", phone}} {
		if err := data.CheckLen("设置", f.key, f.label, f.value, 32); err != nil {
			return err
		}
		if reason := ident.TextCharReason(f.value, false); reason != "" {
			return data.NewFieldError("设置", f.key, f.label, reason)
		}
	}
	if err := s.SetSetting(settingReportHead, head); err != nil {
		return err
	}
	if err := s.SetSetting(settingReportPhone, phone); err != nil {
		return err
	}
	return s.Audit(data.ActUpdate, "settings", 1, fmt.Sprintf("统计报表负责人改为“%s”，联系电话改为“%s”", head, phone))
}

// Submission is the period's submitted figures, or nil if it was not
// submitted.
func (s *Store) Submission(p stats.Period) (*stats.Submission, error) {
	var sub stats.Submission
	res := s.db.Where("period_from = ? AND period_to = ?", p.From, p.To).Limit(1).Find(&sub)
	if res.Error != nil || res.RowsAffected == 0 {
		return nil, res.Error
	}
	return &sub, nil
}

// noteCorrection writes to the audit log, once per change, that a
// submitted period's figures now differ from those submitted and which
// (报出后更正). The record changes behind it were audited as they were
// made; this entry says what they did to a figure already reported. It is
// written when the period is next counted (the screen, a command, an
// export or print), since which periods a change touches is only known
// by counting them.
func (s *Store) noteCorrection(r *stats.Report, sub *stats.Submission) error {
	if sub == nil || !r.Corrected || (sub.Noted != nil && sub.Noted.Same(r.Figures)) {
		return nil
	}
	noted, err := json.Marshal(r.Figures) // as the column's JSON serializer writes it
	if err != nil {
		return err
	}
	return s.Write(func(tx *Tx) error {
		if err := tx.db.Model(&stats.Submission{}).Where("id = ?", sub.ID).Update("noted", string(noted)).Error; err != nil {
			return err
		}
		tx.Audit(data.AuditEntry{Action: data.ActUpdate, Table: "report_submissions", Count: len(r.Corrections()),
			Summary: fmt.Sprintf("报出后更正：%s（%s，%s 报出）%s", r.Period.Title(), r.Period.Label(), sub.SubmittedOn,
				strings.Join(r.Corrections(), "、"))})
		return nil
	})
}

// ErrAlreadySubmitted refuses a second 报出 of a period.
var ErrAlreadySubmitted = errors.New("already submitted")

// Submit stores r's figures as the period's submitted ones (报出), with
// today as the 报出日期, and audits it. A period is submitted once, and
// only after its last day; a later correction shows beside it.
func (s *Store) Submit(r *stats.Report) error {
	today := s.today()
	if !r.To.Before(today) {
		return fmt.Errorf("所属期%s到 %s 才结束，结束后才能报出", r.Period.Label(), r.To)
	}
	if r.Submitted() {
		return fmt.Errorf("所属期%s已于 %s 报出，不能重复报出；之后的更正会显示在更正列：%w", r.Period.Label(), r.ReportedOn, ErrAlreadySubmitted)
	}
	sub := &stats.Submission{From: r.From, To: r.To, Kind: r.Period.Kind, SubmittedOn: today, At: s.now().UTC(),
		Clerk: r.Header.Clerk, Head: r.Header.Head, Phone: r.Header.Phone, Figures: r.Figures}
	err := s.Write(func(tx *Tx) error {
		var n int64
		if err := tx.db.Model(&stats.Submission{}).Where("period_from = ? AND period_to = ?", r.From, r.To).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("所属期%s已经报出，不能重复报出：%w", r.Period.Label(), ErrAlreadySubmitted)
		}
		if err := tx.db.Create(sub).Error; err != nil {
			return err
		}
		tx.Audit(data.AuditEntry{Action: data.ActSubmit, Table: "report_submissions", Count: len(r.Indicators),
			Summary: fmt.Sprintf("报出%s（%s）：上岗人数 %s，期末在岗人数 %s", r.Period.Title(), r.Period.Label(),
				r.Value(stats.PlacementsStarted), r.Value(stats.InWorkEnd))})
		return nil
	})
	if err != nil {
		return err
	}
	r.Attach(sub)
	return nil
}
