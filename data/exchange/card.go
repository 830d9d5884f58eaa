package exchange

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/google/uuid"

	"duikou/data"
	"duikou/data/storage"
)

// CardFormat is the version of the card layout this program writes and
// the newest it reads.
const CardFormat = 1

// Card is an office's public card: what a partner needs to send it files
// and to check the files it sends. It holds no secret; it travels by
// e-mail or WeChat, and the fingerprint is confirmed by phone.
type Card struct {
	Format       int             `json:"format"`
	OfficeID     string          `json:"office_id"`
	Name         string          `json:"name"`
	Region       string          `json:"region"`
	Role         data.OfficeRole `json:"role"`
	SignPublic   []byte          `json:"sign_public"` // Ed25519, base64 in the JSON
	AgeRecipient string          `json:"age_recipient"`
	Created      time.Time       `json:"created"`
}

// CardOf is this office's card.
func CardOf(s *storage.Store) (Card, error) {
	o := s.Office()
	if o == nil {
		return Card{}, errors.New("请先完成本单位设置")
	}
	if len(o.SignPublic) != ed25519.PublicKeySize || o.AgeRecipient == "" {
		return Card{}, errors.New("本单位的交换密钥缺失，无法生成名片")
	}
	return Card{Format: CardFormat, OfficeID: o.ID, Name: o.Name, Region: o.Region, Role: o.Role,
		SignPublic: o.SignPublic, AgeRecipient: o.AgeRecipient, Created: o.CreatedAt.UTC()}, nil
}

// WriteCard writes this office's card as indented JSON.
func WriteCard(s *storage.Store, w io.Writer) error {
	c, err := CardOf(s)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ReadCard reads and checks a card: a known format, an office id, a name
// and two well-formed public keys.
func ReadCard(r io.Reader) (Card, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 64<<10))
	if err != nil {
		return Card{}, fmt.Errorf("无法读取名片：%w", err)
	}
	var c Card
	if err := json.Unmarshal(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), &c); err != nil {
		return Card{}, refuse(ErrNotCard, "内容无法识别")
	}
	switch {
	case c.Format == 0:
		return Card{}, refuse(ErrNotCard, "缺少格式版本")
	case c.Format > CardFormat:
		return Card{}, refuse(ErrTooNew, fmt.Sprintf("名片格式 %d", c.Format))
	}
	if _, err := uuid.Parse(c.OfficeID); err != nil {
		return Card{}, refuse(ErrNotCard, "单位编号无效")
	}
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return Card{}, refuse(ErrNotCard, "缺少工会名称")
	}
	if len(c.SignPublic) != ed25519.PublicKeySize {
		return Card{}, refuse(ErrNotCard, "签名公钥无效")
	}
	if _, err := age.ParseX25519Recipient(c.AgeRecipient); err != nil {
		return Card{}, refuse(ErrNotCard, "加密公钥无效")
	}
	return c, nil
}

// Fingerprint identifies a card's office and keys in 32 hex digits, eight
// groups of four, short enough to read out over the phone. It covers the
// office id as well as the two public keys, so a card whose id was
// swapped does not match either.
func Fingerprint(c Card) string { return fingerprint(c.OfficeID, c.SignPublic, c.AgeRecipient) }

// OfficeFingerprint is this office's own fingerprint, to read to a
// partner who has just pinned our card.
func OfficeFingerprint(s *storage.Store) (string, error) {
	c, err := CardOf(s)
	if err != nil {
		return "", err
	}
	return Fingerprint(c), nil
}

func fingerprint(officeID string, signPublic []byte, ageRecipient string) string {
	h := sha256.New()
	// Length-prefixed fields under a label: no two different cards encode
	// to the same bytes.
	for _, part := range [][]byte{[]byte("duikou-card-v1"), []byte(officeID), signPublic, []byte(ageRecipient)} {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(part)))
		h.Write(n[:])
		h.Write(part)
	}
	digits := strings.ToUpper(hex.EncodeToString(h.Sum(nil)[:16]))
	groups := make([]string, 0, 8)
	for i := 0; i < len(digits); i += 4 {
		groups = append(groups, digits[i:i+4])
	}
	return strings.Join(groups, " ")
}

// Pin adds the card's office as a partner with its keys and fingerprint,
// or gives them to a partner pinned by id without keys. It refuses this office's own card, and a card whose keys an already
// pinned partner uses.
func Pin(s *storage.Store, c Card) (*data.Partner, error) {
	self := s.Office()
	if self == nil {
		return nil, errors.New("请先完成本单位设置")
	}
	if c.OfficeID == self.ID || bytes.Equal(c.SignPublic, self.SignPublic) || c.AgeRecipient == self.AgeRecipient {
		return nil, errors.New("这是本单位自己的名片，不能添加为协作单位")
	}
	pinned, err := s.Partners()
	if err != nil {
		return nil, err
	}
	keyless := false
	for _, p := range pinned {
		if p.ID != c.OfficeID && (bytes.Equal(p.SignPublic, c.SignPublic) || p.AgeRecipient == c.AgeRecipient) {
			return nil, fmt.Errorf("名片上的密钥已属于协作单位“%s”，不能重复添加", p.Name)
		}
		keyless = keyless || (p.ID == c.OfficeID && len(p.SignPublic) == 0 && p.AgeRecipient == "")
	}
	p := &data.Partner{ID: c.OfficeID, Name: c.Name, Region: c.Region, Role: c.Role,
		SignPublic: c.SignPublic, AgeRecipient: c.AgeRecipient, Fingerprint: Fingerprint(c)}
	add := s.AddPartner
	if keyless {
		// Pinned by id before its card came: the card completes it.
		add = s.CompletePartner
	}
	if err := add(p); err != nil {
		return nil, err
	}
	return p, nil
}

// FindPartner finds a pinned partner by office id or by union name.
func FindPartner(s *storage.Store, idOrName string) (*data.Partner, error) {
	idOrName = strings.TrimSpace(idOrName)
	pinned, err := s.Partners()
	if err != nil {
		return nil, err
	}
	var byName []data.Partner
	for _, p := range pinned {
		if p.ID == idOrName {
			return &p, nil
		}
		if p.Name == idOrName {
			byName = append(byName, p)
		}
	}
	switch len(byName) {
	case 1:
		return &byName[0], nil
	case 0:
		return nil, fmt.Errorf("没有名为或编号为“%s”的协作单位", idOrName)
	}
	return nil, fmt.Errorf("有%d个协作单位都叫“%s”，请改用单位编号", len(byName), idOrName)
}
