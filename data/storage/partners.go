package storage

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/catalog"
)

// AddPartner pins another office as a partner (合作单位): the office id it
// goes by, its union name, region and role, and its public keys when they
// came from its card. The pin is audited. It refuses this office itself and
// an office already pinned.
func (s *Store) AddPartner(p *data.Partner) error {
	const rec = "合作单位"
	self := s.Office()
	if self == nil {
		return errors.New("请先完成本单位设置")
	}
	p.ID, p.Name = strings.TrimSpace(p.ID), strings.TrimSpace(p.Name)
	if p.ID == "" {
		return data.NewFieldError(rec, "ID", "单位编号", "不能为空")
	}
	if p.ID == self.ID {
		return data.NewFieldError(rec, "ID", "单位编号", "这是本单位自己，不能添加为合作单位")
	}
	if p.Name == "" {
		return data.NewFieldError(rec, "Name", "工会名称", "不能为空")
	}
	if err := data.CheckLen(rec, "Name", "工会名称", p.Name, 100); err != nil {
		return err
	}
	if p.Region != "" {
		if _, ok := catalog.RegionByCode(p.Region); !ok {
			return data.NewFieldError(rec, "Region", "所在地区", fmt.Sprintf("行政区划代码%s不存在", p.Region))
		}
	}
	if p.Role != "" && !data.ValidCode(data.OfficeRoles, string(p.Role)) {
		return data.NewFieldError(rec, "Role", "角色", fmt.Sprintf("“%s”无效", p.Role))
	}
	if p.PinnedAt.IsZero() {
		p.PinnedAt = s.now().UTC()
	}
	return s.db.Transaction(func(db *gorm.DB) error {
		var dup data.Partner
		if res := db.Where("id = ?", p.ID).Limit(1).Find(&dup); res.Error != nil {
			return res.Error
		} else if res.RowsAffected > 0 {
			return data.NewFieldError(rec, "ID", "单位编号", fmt.Sprintf("已添加过合作单位“%s”", dup.Name))
		}
		if err := db.Create(p).Error; err != nil {
			return fmt.Errorf("保存合作单位失败：%w", err)
		}
		summary := "添加合作单位 " + p.Name
		if p.Role != "" {
			summary += "（" + p.Role.Label() + "）"
		}
		return db.Create(&data.AuditEntry{At: s.now().UTC(), Clerk: self.ClerkName, Action: data.ActCreate,
			Table: "partners", RowID: p.ID, Count: 1, Summary: summary}).Error
	})
}

// Partners lists the pinned partner offices, oldest pin first.
func (s *Store) Partners() ([]data.Partner, error) {
	var out []data.Partner
	err := s.db.Order("pinned_at, id").Find(&out).Error
	return out, err
}
