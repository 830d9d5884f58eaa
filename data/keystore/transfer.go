package keystore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"filippo.io/age"
)

// MinPassphrase is the shortest passphrase Export accepts, in characters.
const MinPassphrase = 8

// Transfer is what a key export file holds: the office it belongs to, as
// a check on import, and its private keys.
type Transfer struct {
	OfficeID   string
	OfficeName string
	Keys       Keys
}

type transferFile struct {
	Format      string `json:"format"`
	OfficeID    string `json:"office_id"`
	OfficeName  string `json:"office_name"`
	SignPrivate []byte `json:"sign_private"`
	AgeIdentity string `json:"age_identity"`
}

const transferFormat = "duikou-key-export/1"

// Export writes t encrypted to the passphrase with age's scrypt recipient.
func Export(w io.Writer, t Transfer, passphrase string) error {
	if utf8.RuneCountInString(passphrase) < MinPassphrase {
		return fmt.Errorf("口令太短：至少%d个字符", MinPassphrase)
	}
	if err := t.Keys.Valid(); err != nil {
		return err
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return err
	}
	plain, err := json.Marshal(transferFile{Format: transferFormat, OfficeID: t.OfficeID, OfficeName: t.OfficeName,
		SignPrivate: t.Keys.SignPrivate, AgeIdentity: t.Keys.AgeIdentity})
	if err != nil {
		return err
	}
	enc, err := age.Encrypt(w, r)
	if err != nil {
		return err
	}
	if _, err := enc.Write(plain); err != nil {
		return err
	}
	return enc.Close()
}

// Import reads a key export file with its passphrase.
func Import(r io.Reader, passphrase string) (Transfer, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return Transfer{}, errors.New("口令不能为空")
	}
	dec, err := age.Decrypt(r, id)
	if err != nil {
		var wrong *age.NoIdentityMatchError
		if errors.As(err, &wrong) {
			return Transfer{}, errors.New("口令不对，或这不是对口导出的密钥文件")
		}
		return Transfer{}, errors.New("密钥文件已损坏或不是对口导出的密钥文件")
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(dec, 1<<16)); err != nil {
		return Transfer{}, errors.New("密钥文件已损坏或不完整")
	}
	var f transferFile
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil || f.Format != transferFormat {
		return Transfer{}, errors.New("这不是对口导出的密钥文件")
	}
	t := Transfer{OfficeID: f.OfficeID, OfficeName: f.OfficeName, Keys: Keys{SignPrivate: f.SignPrivate, AgeIdentity: f.AgeIdentity}}
	if err := t.Keys.Valid(); err != nil {
		return Transfer{}, fmt.Errorf("密钥文件已损坏：%v", err)
	}
	return t, nil
}
