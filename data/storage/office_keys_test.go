package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/keystore"
)

// openWithKeys opens (creating) a database whose key folder is keyDir.
func openWithKeys(t *testing.T, path, keyDir string) *Store {
	t.Helper()
	s, err := OpenWith(path, Options{Now: func() time.Time { return fixedNow }, KeyDir: keyDir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// filesHoldingKey lists which of the files hold either private key, the
// way `strings` or a hex editor would find it: the Ed25519 key (or its
// seed) as raw bytes, the age identity as text.
func filesHoldingKey(t *testing.T, k keystore.Keys, files ...string) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, k.SignPrivate.Seed()) || bytes.Contains(b, []byte(k.AgeIdentity)) ||
			bytes.Contains(b, []byte(strings.ToLower(k.AgeIdentity))) {
			out = append(out, filepath.Base(f))
		}
	}
	return out
}

func dbFiles(path string) []string {
	files := []string{path, path + "-wal"}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*"))
	return append(files, backups...)
}

// A fresh database and its backups hold neither private key; the keys are
// in the key folder, 0600, and come back when the database is opened again.
func TestAFreshDatabaseAndItsBackupsHoldNoPrivateKey(t *testing.T) {
	keyDir := t.TempDir()
	path := filepath.Join(t.TempDir(), "duikou.db")
	s := openWithKeys(t, path, keyDir)
	if _, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	s.Create(validWorker(1))
	if _, err := s.BackupBeside(BackupManual); err != nil {
		t.Fatal(err)
	}
	o := s.Office()
	k := keystore.Keys{SignPrivate: o.SignPrivate, AgeIdentity: o.AgeIdentity}
	if err := k.Valid(); err != nil {
		t.Fatalf("the open office has no keys: %v", err)
	}
	if held := filesHoldingKey(t, k, dbFiles(path)...); len(held) > 0 {
		t.Fatalf("open: %v hold a private key", held)
	}
	s.Close()
	if held := filesHoldingKey(t, k, dbFiles(path)...); len(held) > 0 {
		t.Fatalf("closed: %v hold a private key", held)
	}
	keyFile := filepath.Join(keyDir, o.ID+".key")
	if st, err := os.Stat(keyFile); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st, err)
	}
	s = openWithKeys(t, path, keyDir)
	defer s.Close()
	if !s.HasKeys() || !bytes.Equal(s.Office().SignPrivate, k.SignPrivate) {
		t.Fatal("the keys did not come back on reopening")
	}
}

// A database made by an older version, with the keys in its offices table
// and in its backups, moves them to the key folder on its first open: the
// database file and every backup lose them (bytes read), the exchange
// still has them, and the audit log says so.
func TestOldDatabaseKeysMoveOutOnFirstOpen(t *testing.T) {
	keyDir := t.TempDir()
	path := filepath.Join(t.TempDir(), "duikou.db")
	s := openWithKeys(t, path, keyDir)
	o, err := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟")
	if err != nil {
		t.Fatal(err)
	}
	k := keystore.Keys{SignPrivate: o.SignPrivate, AgeIdentity: o.AgeIdentity}
	// What an older version wrote: the keys in two columns of offices, in
	// the database and so in a backup taken then.
	for _, q := range []string{"ALTER TABLE offices ADD COLUMN sign_private blob", "ALTER TABLE offices ADD COLUMN age_identity text"} {
		if err := s.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := s.db.Exec("UPDATE offices SET sign_private = ?, age_identity = ?", []byte(k.SignPrivate), k.AgeIdentity).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupBeside(BackupDaily); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(filepath.Join(keyDir, o.ID+".key"))
	if held := filesHoldingKey(t, k, dbFiles(path)...); len(held) < 2 {
		t.Fatalf("the test proves nothing: only %v hold the keys", held)
	}

	s = openWithKeys(t, path, keyDir)
	if !s.HasKeys() || !bytes.Equal(s.Office().SignPrivate, k.SignPrivate) || s.Office().AgeIdentity != k.AgeIdentity {
		t.Fatal("the office lost its keys in the move")
	}
	log, _ := s.AuditLog(5)
	var summaries []string
	for _, e := range log {
		summaries = append(summaries, e.Summary)
	}
	all := strings.Join(summaries, "\n")
	if !strings.Contains(all, "本单位的私钥已移出数据库") || !strings.Contains(all, "已从1份备份中删除本单位私钥") {
		t.Fatalf("audit log:\n%s", all)
	}
	s.Close()
	if held := filesHoldingKey(t, k, dbFiles(path)...); len(held) > 0 {
		t.Fatalf("after the move %v still hold a private key", held)
	}
	got, err := keystore.Load(keyDir, o.ID)
	if err != nil || !bytes.Equal(got.SignPrivate, k.SignPrivate) {
		t.Fatalf("key folder: %v", err)
	}
}

// Moving to a new PC: the database alone has no keys there (the exchange
// says what to do); the passphrase-protected export, imported with the
// right passphrase, gives them back; a wrong passphrase or another
// office's keys are refused.
func TestKeysMoveToANewComputerOnlyByExport(t *testing.T) {
	oldPC, newPC := t.TempDir(), t.TempDir()
	path := filepath.Join(t.TempDir(), "duikou.db")
	s := openWithKeys(t, path, oldPC)
	o, _ := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟")
	var export bytes.Buffer
	if err := s.ExportKeys(&export, "短口令"); err == nil {
		t.Fatal("a short passphrase was accepted")
	}
	if err := s.ExportKeys(&export, "兰州-2026-冬季"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if bytes.Contains(export.Bytes(), o.SignPrivate[:32]) || bytes.Contains(export.Bytes(), []byte("AGE-SECRET-KEY")) {
		t.Fatal("the export holds a key in clear")
	}

	n := openWithKeys(t, path, newPC)
	defer n.Close()
	if n.HasKeys() {
		t.Fatal("the new computer has keys without an import")
	}
	if err := n.ImportKeys(bytes.NewReader(export.Bytes()), "兰州-2026-夏季"); err == nil || !strings.Contains(err.Error(), "口令不对") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	other := openWithKeys(t, filepath.Join(t.TempDir(), "other.db"), t.TempDir())
	other.SetupOffice("南京市总工会", "320100", data.RoleReceiving, "王芳")
	var foreign bytes.Buffer
	if err := other.ExportKeys(&foreign, "南京-2026-冬季"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if err := n.ImportKeys(&foreign, "南京-2026-冬季"); err == nil || !strings.Contains(err.Error(), "南京市总工会") {
		t.Fatalf("another office's keys: %v", err)
	}
	if err := n.ImportKeys(bytes.NewReader(export.Bytes()), "兰州-2026-冬季"); err != nil {
		t.Fatal(err)
	}
	if !n.HasKeys() || !bytes.Equal(n.Office().SignPrivate, o.SignPrivate) {
		t.Fatal("the import did not give the office its keys")
	}
	if _, err := keystore.Load(newPC, o.ID); err != nil {
		t.Fatalf("the new computer's key folder: %v", err)
	}
}

// A damaged key file does not keep the database shut: it opens, without
// the keys (the exchange then says they are missing).
func TestADamagedKeyFileStillOpensTheDatabase(t *testing.T) {
	keyDir := t.TempDir()
	path := filepath.Join(t.TempDir(), "duikou.db")
	s := openWithKeys(t, path, keyDir)
	o, _ := s.SetupOffice("榆中县总工会", "620123", data.RoleSending, "李娟")
	s.Close()
	if err := os.WriteFile(filepath.Join(keyDir, o.ID+".key"), []byte("乱码"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = openWithKeys(t, path, keyDir)
	defer s.Close()
	if s.Office() == nil || s.HasKeys() {
		t.Fatalf("office %v, keys %v", s.Office(), s.HasKeys())
	}
}

// The schema-1 database of the first release (its keys in the offices
// table), opened by this version: the schema upgrade and the move of the
// keys together leave neither the database nor the before-migrate backup
// holding the age identity, and the office still has both keys.
func TestASchema1DatabaseLosesItsKeysToTheKeyFolder(t *testing.T) {
	const identity = "AGE-SECRET-KEY-1NWX5H89072V4DY0XSZTC7YPDGWFPQLDPZ6S5CJ9KCJRWE85PPLPQDYQGAF"
	path := loadFixture(t, "schema_v1.sql")
	s := openWithKeys(t, path, t.TempDir())
	if !s.HasKeys() || s.Office().AgeIdentity != identity {
		t.Fatal("the office lost its keys in the upgrade")
	}
	s.Close()
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*before-migrate*"))
	if len(backups) != 1 {
		t.Fatalf("before-migrate backups: %v", backups)
	}
	for _, f := range []string{path, path + "-wal", backups[0]} {
		if b, err := os.ReadFile(f); err == nil && bytes.Contains(b, []byte(identity)) {
			t.Errorf("%s still holds the age identity", filepath.Base(f))
		}
	}
}
