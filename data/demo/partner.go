package demo

import (
	"errors"
	"fmt"

	"duikou/data"
	"duikou/data/exchange"
	"duikou/data/storage"
)

// PartnerClerk is the clerk of the demo's receiving office.
const PartnerClerk = "陈静"

// partnerEmployers are the receiving office's own employers: firms that
// came to the Nanjing union after the fair, so they exist only there until
// its first exchange file reaches the sending county.
var partnerEmployers = []employerSpec{
	{"南京禾丰家政服务有限公司", "320113", "家政服务", "housekeeping", "nanny"},
	{"南京泰和养老服务中心", "320104", "养老服务", "eldercare", ""},
	{"南京凯达精密电子有限公司", "320115", "电子制造", "electronics", ""},
}

// CreatePartner builds, in a new file at path, the receiving office that
// the demo database a pinned as its partner: the same office id, name and
// region, fresh keys, and the two offices' cards exchanged (each pinned as
// the other's partner), so they can exchange files at once. It holds only
// its own few employers and demands; the sending county's workers reach it
// by the first exchange file, as in real life.
//
// a's partner was pinned by id without keys (the demo cannot know another
// office's secret keys), so its keys come from the new office's card. A
// partner that already has keys is refused: a new office could never match
// them.
func CreatePartner(path string, a *storage.Store, seed int64) (*storage.Store, error) {
	self := a.Office()
	if self == nil {
		return nil, errors.New("演示数据库尚未设置本单位")
	}
	partner, err := keylessReceivingPartner(a)
	if err != nil {
		return nil, err
	}
	if seed == 0 {
		seed = 1
	}
	return buildAtomically(path, func(b *storage.Store) error {
		if _, err := b.SetupOfficeAs(partner.ID, partner.Name, partner.Region, data.RoleReceiving, PartnerClerk); err != nil {
			return err
		}
		if err := exchangeCards(a, b); err != nil {
			return err
		}
		return partnerOwnEmployers(b, newGen(seed+1000, b.Today()))
	})
}

// keylessReceivingPartner is a's receiving partner that has no keys yet.
func keylessReceivingPartner(a *storage.Store) (*data.Partner, error) {
	partners, err := a.Partners()
	if err != nil {
		return nil, err
	}
	for i, p := range partners {
		if p.Role != data.RoleReceiving && p.Role != data.RoleBoth {
			continue
		}
		if len(p.SignPublic) > 0 || p.AgeRecipient != "" {
			return nil, fmt.Errorf("%s 已导入“%s”的名片，演示无法生成与之匹配的密钥", a.Office().Name, p.Name)
		}
		return &partners[i], nil
	}
	return nil, fmt.Errorf("%s 没有输入地合作单位", a.Office().Name)
}

// exchangeCards pins each office's card in the other, as two clerks do
// after reading the fingerprints out on the phone.
func exchangeCards(a, b *storage.Store) error {
	for _, pair := range [][2]*storage.Store{{a, b}, {b, a}} {
		card, err := exchange.CardOf(pair[1])
		if err != nil {
			return err
		}
		if _, err := exchange.Pin(pair[0], card); err != nil {
			return fmt.Errorf("%s 添加 %s 的名片：%w", pair[0].Office().Name, card.Name, err)
		}
	}
	return nil
}

// partnerOwnEmployers writes the receiving office's own employers and
// their demands.
func partnerOwnEmployers(b *storage.Store, g *gen) error {
	used := map[string]bool{}
	return b.WriteBulk(func(tx *storage.Tx) error {
		demands := 0
		for _, spec := range partnerEmployers {
			e := g.newEmployer(spec, used)
			e.Notes = "会后新登记的用工单位"
			if err := tx.Create(e); err != nil {
				return err
			}
			for _, d := range g.demandsFor(spec, e.ID) {
				d.Notes = "南京市总工会新收集"
				if err := tx.Create(d); err != nil {
					return err
				}
				demands++
			}
		}
		tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: "employers", Count: len(partnerEmployers),
			Summary: fmt.Sprintf("演示数据：新增用工单位%d家，用工需求%d条", len(partnerEmployers), demands)})
		return nil
	})
}
