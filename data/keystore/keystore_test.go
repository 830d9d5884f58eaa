package keystore

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"filippo.io/age"
)

const officeID = "01a24d2b-9aa0-722a-8ac4-a76f4f84f89f"

func newKeys(t *testing.T) Keys {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return Keys{SignPrivate: priv, AgeIdentity: id.String()}
}

func TestSaveAndLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	k := newKeys(t)
	if _, err := Load(dir, officeID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("before saving: %v", err)
	}
	if err := Save(dir, officeID, k); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir, officeID)
	if err != nil || !bytes.Equal(got.SignPrivate, k.SignPrivate) || got.AgeIdentity != k.AgeIdentity {
		t.Fatalf("loaded %v", err)
	}
	if runtime.GOOS != "windows" {
		file, _ := os.Stat(filepath.Join(dir, officeID+".key"))
		folder, _ := os.Stat(dir)
		if file.Mode().Perm() != 0o600 || folder.Mode().Perm() != 0o700 {
			t.Fatalf("modes %v %v", file.Mode().Perm(), folder.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
}

func TestLoadRefusesADamagedFileAndABadID(t *testing.T) {
	dir := t.TempDir()
	if err := Save(dir, officeID, newKeys(t)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, officeID+".key"), []byte(`{"format":"duikou-keys/1"`), 0o600)
	if _, err := Load(dir, officeID); err == nil || !strings.Contains(err.Error(), "已损坏") {
		t.Fatalf("damaged file: %v", err)
	}
	if err := Save(dir, "../../etc/x", newKeys(t)); err == nil {
		t.Fatal("an office id naming another folder was accepted")
	}
}

// Under go test without DUIKOU_KEY_DIR the key folder is a temporary one
// (shared with child processes through the environment), never the
// user's config folder.
func TestDirUnderTestIsNotTheUsersFolder(t *testing.T) {
	t.Setenv(EnvDir, "")
	os.Unsetenv(EnvDir)
	d, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := os.UserConfigDir(); err == nil && strings.HasPrefix(d, cfg) {
		t.Fatalf("key folder %s is in the user's config folder", d)
	}
	if os.Getenv(EnvDir) != d {
		t.Fatal("the folder is not passed on to child processes")
	}
}

func TestExportNeedsTheRightPassphrase(t *testing.T) {
	k := newKeys(t)
	var buf bytes.Buffer
	if err := Export(&buf, Transfer{OfficeID: officeID, OfficeName: "榆中县总工会", Keys: k}, "七个字符不够"); err == nil {
		t.Fatal("a 6-character passphrase was accepted")
	}
	if err := Export(&buf, Transfer{OfficeID: officeID, OfficeName: "榆中县总工会", Keys: k}, "correct horse"); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(bytes.NewReader(buf.Bytes()), "wrong horse!"); err == nil || !strings.Contains(err.Error(), "口令不对") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	bad := bytes.Clone(buf.Bytes())
	bad[len(bad)-5] ^= 1
	if _, err := Import(bytes.NewReader(bad), "correct horse"); err == nil || !strings.Contains(err.Error(), "损坏") {
		t.Fatalf("damaged export: %v", err)
	}
	got, err := Import(bytes.NewReader(buf.Bytes()), "correct horse")
	if err != nil || got.OfficeID != officeID || !bytes.Equal(got.Keys.SignPrivate, k.SignPrivate) {
		t.Fatalf("import: %+v %v", got, err)
	}
}
