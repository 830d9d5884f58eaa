package data

import "fmt"

// SubsidyClaim records that a worker was put forward for a subsidy under
// a 项目 (申报): once per worker and 项目, so a second roster lists the
// worker as 已申报 rather than paying twice. It travels to partners like
// the worker's placements (only when the worker consented to sharing), so
// an office that pays the same 项目 sees who was already claimed.
type SubsidyClaim struct {
	Synced
	WorkerID string  `gorm:"size:36;not null;index"`
	Worker   *Worker `gorm:"constraint:OnDelete:RESTRICT" sync:"-"`
	// PlacementID is the placement the claim was made for (the worker's
	// first that qualified); it may be a partner's, kept as text.
	PlacementID string `gorm:"size:36"`
	Program     string `gorm:"size:64;not null;index"` // 项目
	Destination string `gorm:"size:32"`                // 去向 as the rules named it: 跨省, 陕西省 ...
	Months      int    // months worked by the 核算日
	Amount      Fen
	AsOf        Date // 核算日
	ClaimedOn   Date // 申报日期
}

// RecordName is 补贴申报.
func (*SubsidyClaim) RecordName() string { return "补贴申报" }

// Validate checks a claim's own fields.
func (c *SubsidyClaim) Validate(r Rules) error {
	const rec = "补贴申报"
	if c.WorkerID == "" {
		return NewFieldError(rec, "WorkerID", "劳动者", "不能为空")
	}
	if err := checkTexts(rec, text{"Program", "项目", c.Program, false}, text{"Destination", "去向", c.Destination, false}); err != nil {
		return err
	}
	if c.Program == "" {
		return NewFieldError(rec, "Program", "项目", "不能为空")
	}
	if c.Amount < 0 {
		return NewFieldError(rec, "Amount", "金额", "不能为负数")
	}
	if c.Months < 0 {
		return NewFieldError(rec, "Months", "务工月数", "不能为负数")
	}
	if c.ClaimedOn.IsZero() {
		c.ClaimedOn = r.Today
	}
	return nil
}

// Describe is a one-line summary for the audit log.
func (c *SubsidyClaim) Describe() string {
	return fmt.Sprintf("补贴申报 %s %s 元", c.Program, c.Amount)
}
