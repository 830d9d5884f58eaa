package keystore

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"filippo.io/age"
	"github.com/google/uuid"
)

// EnvDir names the environment variable that overrides the key folder.
const EnvDir = "DUIKOU_KEY_DIR"

// Keys are an office's private keys.
type Keys struct {
	SignPrivate ed25519.PrivateKey // 64 bytes
	AgeIdentity string             // AGE-SECRET-KEY-1...
}

// Valid reports whether both keys are present and well formed.
func (k Keys) Valid() error {
	if len(k.SignPrivate) != ed25519.PrivateKeySize {
		return errors.New("签名密钥缺失或无效")
	}
	if _, err := age.ParseX25519Identity(k.AgeIdentity); err != nil {
		return errors.New("解密密钥缺失或无效")
	}
	return nil
}

// Matches reports whether the keys are the private halves of the public
// keys a database records for its office.
func (k Keys) Matches(signPublic []byte, ageRecipient string) bool {
	if k.Valid() != nil {
		return false
	}
	id, _ := age.ParseX25519Identity(k.AgeIdentity)
	pub := k.SignPrivate.Public().(ed25519.PublicKey)
	return pub.Equal(ed25519.PublicKey(signPublic)) && id.Recipient().String() == ageRecipient
}

// ErrNotFound is Load's answer when this computer holds no keys for the office.
var ErrNotFound = errors.New("这台电脑上没有本单位的密钥")

// stored is a key file's content (before DPAPI on Windows).
type stored struct {
	Format      string `json:"format"`
	OfficeID    string `json:"office_id"`
	SignPrivate []byte `json:"sign_private"`
	AgeIdentity string `json:"age_identity"`
}

const storedFormat = "duikou-keys/1"

// Dir is the key folder: DUIKOU_KEY_DIR, or duikou/keys in the user config
// folder. Under `go test` without DUIKOU_KEY_DIR it is a fresh temporary
// folder (set in the environment, so the test's child processes share it):
// a test never writes into the real user's keys.
func Dir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, nil
	}
	if testing.Testing() {
		return testDir()
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", errors.New("找不到用户配置目录，无法保存本单位密钥（可用环境变量 DUIKOU_KEY_DIR 指定密钥文件夹）")
	}
	return filepath.Join(cfg, "duikou", "keys"), nil
}

var testDirOnce = sync.OnceValues(func() (string, error) { return os.MkdirTemp("", "duikou-test-keys-") })

func testDir() (string, error) {
	d, err := testDirOnce()
	if err == nil {
		err = os.Setenv(EnvDir, d)
	}
	return d, err
}

// path is the key file of an office in dir; the id is checked so that it
// cannot name a file elsewhere.
func path(dir, officeID string) (string, error) {
	if _, err := uuid.Parse(officeID); err != nil {
		return "", fmt.Errorf("单位编号无效：%q", officeID)
	}
	return filepath.Join(dir, officeID+".key"), nil
}

// Save writes the office's keys into dir, replacing what was there: a
// temporary file (0600) renamed into place, so a crash leaves the old
// file or the new one.
func Save(dir, officeID string, k Keys) error {
	if err := k.Valid(); err != nil {
		return err
	}
	p, err := path(dir, officeID)
	if err != nil {
		return err
	}
	plain, err := json.Marshal(stored{Format: storedFormat, OfficeID: officeID, SignPrivate: k.SignPrivate, AgeIdentity: k.AgeIdentity})
	if err != nil {
		return err
	}
	sealed, err := protect(plain)
	if err != nil {
		return fmt.Errorf("无法用系统账户保护本单位密钥：%w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("无法创建密钥文件夹 %s：%w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+officeID+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法保存本单位密钥：%w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(sealed); err != nil {
		tmp.Close()
		return fmt.Errorf("无法保存本单位密钥：%w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("无法保存本单位密钥：%w", err)
	}
	return nil
}

// Load reads the office's keys from dir; ErrNotFound when there are none.
func Load(dir, officeID string) (Keys, error) {
	p, err := path(dir, officeID)
	if err != nil {
		return Keys{}, err
	}
	sealed, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return Keys{}, ErrNotFound
	}
	if err != nil {
		return Keys{}, fmt.Errorf("无法读取本单位密钥文件 %s：%w", p, err)
	}
	plain, err := unprotect(sealed)
	if err != nil {
		return Keys{}, fmt.Errorf("本单位密钥文件 %s 无法解开（它只能由保存它的 Windows 账户打开）：%w", p, err)
	}
	var st stored
	if err := json.Unmarshal(plain, &st); err != nil || st.Format != storedFormat || st.OfficeID != officeID {
		return Keys{}, fmt.Errorf("本单位密钥文件 %s 已损坏", p)
	}
	k := Keys{SignPrivate: st.SignPrivate, AgeIdentity: st.AgeIdentity}
	if err := k.Valid(); err != nil {
		return Keys{}, fmt.Errorf("本单位密钥文件 %s 已损坏：%v", p, err)
	}
	return k, nil
}
