package storage

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"
	"github.com/google/uuid"
	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/keystore"
)

// Office returns this office, or nil before the first-run set-up.
func (s *Store) Office() *data.Office {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.office == nil {
		return nil
	}
	o := *s.office
	return &o
}

func (s *Store) loadOffice() error {
	var o data.Office
	res := s.db.Limit(1).Find(&o)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected > 0 {
		if c := strings.TrimSpace(s.opt.Clerk); c != "" {
			o.ClerkName = c
		}
		if err := s.attachKeys(&o); err != nil {
			return err
		}
		s.mu.Lock()
		s.office = &o
		s.mu.Unlock()
	}
	return nil
}

// SetupOffice records this office on the first run and makes its keys:
// Ed25519 to sign bundles and an age X25519 identity to receive them.
func (s *Store) SetupOffice(name, region string, role data.OfficeRole, clerk string) (*data.Office, error) {
	return s.SetupOfficeAs(data.NewID(), name, region, role, clerk)
}

// SetupOfficeAs is SetupOffice under a given office id: for an office a
// partner already knows by id (the demo's partner office), so records
// naming it as responsible office stay right.
func (s *Store) SetupOfficeAs(id, name, region string, role data.OfficeRole, clerk string) (*data.Office, error) {
	if s.Office() != nil {
		return nil, errors.New("本单位已设置")
	}
	name, clerk = strings.TrimSpace(name), strings.TrimSpace(clerk)
	if name == "" {
		return nil, data.NewFieldError("本单位", "Name", "工会名称", "不能为空")
	}
	if _, ok := catalog.RegionByCode(region); !ok {
		return nil, data.NewFieldError("本单位", "Region", "所在地区", "请选择所在地区")
	}
	if !data.ValidCode(data.OfficeRoles, string(role)) {
		return nil, data.NewFieldError("本单位", "Role", "角色", "请选择输出地、输入地或双向")
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("无法生成签名密钥：%w", err)
	}
	if _, err := uuid.Parse(id); err != nil {
		return nil, data.NewFieldError("本单位", "ID", "单位编号", "格式无效")
	}
	ageID, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("无法生成加密密钥：%w", err)
	}
	o := &data.Office{ID: id, Name: name, Region: region, Role: role, ClerkName: clerk,
		SignPublic: pub, SignPrivate: priv, AgeIdentity: ageID.String(), AgeRecipient: ageID.Recipient().String()}
	if err := s.saveNewKeys(id, keystore.Keys{SignPrivate: priv, AgeIdentity: ageID.String()}); err != nil {
		return nil, err
	}
	if err := s.db.Transaction(func(db *gorm.DB) error {
		if err := db.Create(o).Error; err != nil {
			return err
		}
		return startOwnExported(db) // sync_restore.go
	}); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.office = o
	s.mu.Unlock()
	s.audit(data.AuditEntry{Action: data.ActSetup, Summary: "设置本单位 " + name})
	return s.Office(), nil
}

// SetClerk changes the clerk name written to the audit log.
func (s *Store) SetClerk(clerk string) error {
	o := s.Office()
	if o == nil {
		return errors.New("请先完成本单位设置")
	}
	clerk = strings.TrimSpace(clerk)
	if err := s.db.Model(&data.Office{}).Where("id = ?", o.ID).Update("clerk_name", clerk).Error; err != nil {
		return err
	}
	s.mu.Lock()
	s.office.ClerkName = clerk
	s.mu.Unlock()
	return nil
}

// audit writes one entry on its own (outside any record transaction).
func (s *Store) audit(e data.AuditEntry) { _ = s.writeAudit(e) }

// writeAudit writes one entry, stamped now and with the clerk unless set.
func (s *Store) writeAudit(e data.AuditEntry) error {
	if e.At.IsZero() {
		e.At = s.now().UTC()
	}
	if o := s.Office(); o != nil && e.Clerk == "" {
		e.Clerk = o.ClerkName
	}
	return s.db.Create(&e).Error
}

// Audit records an action that is not a record write (an export, a print,
// a reveal of full ID numbers).
func (s *Store) Audit(action data.Action, table string, count int, summary string) error {
	e := data.AuditEntry{At: s.now().UTC(), Action: action, Table: table, Count: count, Summary: summary}
	if o := s.Office(); o != nil {
		e.Clerk = o.ClerkName
	}
	return s.explainBusy(s.db.Create(&e).Error)
}

// AuditReveal records that the clerk had one record's sensitive field
// shown in full on screen (a worker's 身份证号 or 联系电话). what names the
// field and the record with masked values only: the log never holds a
// full number.
func (s *Store) AuditReveal(table data.Table, rowID, what string) error {
	return s.writeAudit(data.AuditEntry{Action: data.ActReveal, Table: string(table), RowID: rowID, Count: 1, Summary: what})
}

// AuditLog lists the newest entries first.
func (s *Store) AuditLog(limit int) ([]data.AuditEntry, error) {
	var out []data.AuditEntry
	err := s.db.Order("id DESC").Limit(limit).Find(&out).Error
	return out, err
}
