package storage

import (
	"duikou/data"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// CompletePartner gives a partner pinned without keys (added by name
// before its card arrived, as the demo does) the keys, name, region and
// role of its card. A partner that already has keys keeps them: a new key
// would be a different office, or an attacker, until a clerk says so.
func (s *Store) CompletePartner(p *data.Partner) error {
	self := s.Office()
	if self == nil {
		return errors.New("请先完成本单位设置")
	}
	if len(p.SignPublic) == 0 || p.AgeRecipient == "" || p.Fingerprint == "" {
		return errors.New("名片缺少密钥")
	}
	p.Name = strings.TrimSpace(p.Name)
	return s.db.Transaction(func(db *gorm.DB) error {
		var cur data.Partner
		if res := db.Where("id = ?", p.ID).Limit(1).Find(&cur); res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return fmt.Errorf("协作单位 %s 未添加", p.ID)
		}
		if len(cur.SignPublic) > 0 || cur.AgeRecipient != "" {
			return data.NewFieldError("合作单位", "ID", "单位编号", fmt.Sprintf("已添加过合作单位“%s”", cur.Name))
		}
		p.PinnedAt = cur.PinnedAt
		if p.Name == "" {
			p.Name = cur.Name
		}
		if err := db.Model(&data.Partner{}).Where("id = ?", p.ID).Updates(map[string]any{
			"name": p.Name, "region": p.Region, "role": p.Role, "sign_public": p.SignPublic,
			"age_recipient": p.AgeRecipient, "fingerprint": p.Fingerprint}).Error; err != nil {
			return fmt.Errorf("保存合作单位失败：%w", err)
		}
		return db.Create(&data.AuditEntry{At: s.now().UTC(), Clerk: self.ClerkName, Action: data.ActUpdate,
			Table: "partners", RowID: p.ID, Count: 1, Summary: "导入合作单位名片 " + p.Name + "，指纹 " + p.Fingerprint}).Error
	})
}
