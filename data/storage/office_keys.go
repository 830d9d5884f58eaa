package storage

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/keystore"
)

// The office's private keys live in the key folder (data/keystore), not in
// the database: a copy of the database or of a backup must not let anyone
// sign exchange files as the office or open what partners sent it. The
// Store fills them into its Office when it opens, and moves the keys of a
// database made by an older version (columns sign_private and age_identity
// of offices) out on the first writable open.

// ErrNoKeys is the refusal of an exchange on a computer that does not hold
// the office's keys (a database copied to a new PC without them).
var ErrNoKeys = errors.New("这台电脑上没有本单位的交换密钥：请在原来的电脑上“设置 → 导出密钥…”（或 duikou keys export），再在这里导入")

// keyDir is the folder of the office's key file.
func (s *Store) keyDir() (string, error) {
	if s.opt.KeyDir != "" {
		return s.opt.KeyDir, nil
	}
	return keystore.Dir()
}

// attachKeys fills o's private keys from the key folder, first moving them
// there from the database if an older version kept them in it. Keys that
// do not belong to o's public keys are not used. A computer without them
// opens the database all the same: only the exchange needs them.
func (s *Store) attachKeys(o *data.Office) error {
	legacy, inDB, err := legacyKeys(s.db, o.ID)
	if err != nil {
		return err
	}
	dir, err := s.keyDir()
	if err != nil {
		// No key folder on this account (no config folder): the database
		// still opens; old keys stay where they are until there is one.
		if inDB && legacy.Matches(o.SignPublic, o.AgeRecipient) {
			o.SignPrivate, o.AgeIdentity = legacy.SignPrivate, legacy.AgeIdentity
		}
		return nil
	}
	k, err := keystore.Load(dir, o.ID)
	if err != nil && !errors.Is(err, keystore.ErrNotFound) {
		// A key file this account cannot read (another Windows account's
		// DPAPI, a damaged file): the database opens without it, the
		// exchange says the keys are missing, and the log says why.
		slog.Warn("无法读取本单位密钥", "err", err)
	}
	stored := k.Matches(o.SignPublic, o.AgeRecipient)
	if !stored && errors.Is(err, keystore.ErrNotFound) && inDB && !s.opt.Reader {
		if err := keystore.Save(dir, o.ID, legacy); err != nil {
			slog.Warn("无法把本单位密钥移出数据库", "err", err)
		} else {
			k, stored = legacy, legacy.Matches(o.SignPublic, o.AgeRecipient)
		}
	}
	// The copy in the database goes only once the key folder holds the
	// same keys.
	if inDB && stored && !s.opt.Reader {
		if err := s.eraseLegacyKeys(); err != nil {
			return err
		}
		s.audit(data.AuditEntry{Action: data.ActSetup, Summary: "本单位的私钥已移出数据库，保存在密钥文件夹 " + dir})
		s.scrubKeysFromBackups()
	}
	if !stored && inDB {
		k = legacy // not moved (a reader, or no writable key folder): used from the database
	}
	if k.Matches(o.SignPublic, o.AgeRecipient) {
		o.SignPrivate, o.AgeIdentity = k.SignPrivate, k.AgeIdentity
	}
	return nil
}

// saveNewKeys puts a new office's keys into the key folder.
func (s *Store) saveNewKeys(officeID string, k keystore.Keys) error {
	dir, err := s.keyDir()
	if err != nil {
		return err
	}
	if err := keystore.Save(dir, officeID, k); err != nil {
		return fmt.Errorf("无法保存本单位密钥：%w", err)
	}
	return nil
}

// legacyKeys reads the private keys an older version kept in the offices
// table; inDB is false when the columns are gone or empty.
func legacyKeys(db *gorm.DB, officeID string) (k keystore.Keys, inDB bool, err error) {
	// The Migrator asks each engine its own way (pragma_table_info on
	// SQLite, information_schema on PostgreSQL).
	if m := db.Migrator(); !m.HasColumn("offices", "sign_private") || !m.HasColumn("offices", "age_identity") {
		return k, false, nil
	}
	var row struct {
		SignPrivate []byte
		AgeIdentity *string
	}
	if err := db.Raw(`SELECT sign_private, age_identity FROM offices WHERE id = ?`, officeID).Scan(&row).Error; err != nil {
		return k, false, err
	}
	if len(row.SignPrivate) == 0 && (row.AgeIdentity == nil || *row.AgeIdentity == "") {
		return k, false, nil
	}
	k.SignPrivate = row.SignPrivate
	if row.AgeIdentity != nil {
		k.AgeIdentity = *row.AgeIdentity
	}
	return k, true, nil
}

// eraseLegacyKeys blanks the old key columns with SQLite's secure_delete
// on (the freed bytes are overwritten, not left in the page) and folds the
// WAL back into the file, so the keys are in neither.
func (s *Store) eraseLegacyKeys() error {
	err := s.db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("PRAGMA secure_delete = ON").Error; err != nil {
			return err
		}
		err := conn.Exec("UPDATE offices SET sign_private = NULL, age_identity = NULL").Error
		if rerr := conn.Exec("PRAGMA secure_delete = OFF").Error; err == nil {
			err = rerr
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("无法从数据库中删除本单位密钥：%w", err)
	}
	return s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
}

// HasKeys reports whether this computer holds the office's private keys.
func (s *Store) HasKeys() bool {
	o := s.Office()
	return o != nil && keystore.Keys{SignPrivate: o.SignPrivate, AgeIdentity: o.AgeIdentity}.Valid() == nil
}

// ExportKeys writes the office's private keys encrypted to a passphrase,
// for moving the office to another computer; audited.
func (s *Store) ExportKeys(w io.Writer, passphrase string) error {
	o := s.Office()
	if o == nil {
		return errors.New("请先完成本单位设置")
	}
	if !s.HasKeys() {
		return ErrNoKeys
	}
	t := keystore.Transfer{OfficeID: o.ID, OfficeName: o.Name, Keys: keystore.Keys{SignPrivate: o.SignPrivate, AgeIdentity: o.AgeIdentity}}
	if err := keystore.Export(w, t, passphrase); err != nil {
		return err
	}
	s.audit(data.AuditEntry{Action: data.ActExport, Table: "offices", Summary: "导出本单位密钥（口令加密）"})
	return nil
}

// ImportKeys reads a key export with its passphrase and keeps the keys in
// this computer's key folder. They must be this office's: the same office
// id, and the private halves of the public keys this database records
// (the ones the partners pinned).
func (s *Store) ImportKeys(r io.Reader, passphrase string) error {
	o := s.Office()
	if o == nil {
		return errors.New("请先完成本单位设置")
	}
	t, err := keystore.Import(r, passphrase)
	if err != nil {
		return err
	}
	if t.OfficeID != o.ID {
		return fmt.Errorf("这是“%s”的密钥，不是本单位（%s）的，未导入", t.OfficeName, o.Name)
	}
	if !t.Keys.Matches(o.SignPublic, o.AgeRecipient) {
		return errors.New("密钥与本数据库记录的本单位公钥不符（可能是重新设置过的旧密钥），未导入")
	}
	if err := s.saveNewKeys(o.ID, t.Keys); err != nil {
		return err
	}
	s.mu.Lock()
	s.office.SignPrivate, s.office.AgeIdentity = t.Keys.SignPrivate, t.Keys.AgeIdentity
	s.mu.Unlock()
	s.audit(data.AuditEntry{Action: data.ActImport, Table: "offices", Summary: "导入本单位密钥"})
	return nil
}

// scrubKeysFromBackups blanks the old key columns in every backup in the
// backups folder, for a database whose keys just moved out of it: its
// earlier backups hold them too.
func (s *Store) scrubKeysFromBackups() {
	files, _ := filepath.Glob(filepath.Join(s.backupsDir(), "*.db"))
	n := 0
	for _, f := range files {
		if changed, err := rewriteBackup(f, backupHasKeys, eraseKeysIn); err == nil && changed {
			n++
		}
	}
	if n > 0 {
		s.audit(data.AuditEntry{Action: data.ActBackup, Count: n, Summary: fmt.Sprintf("已从%d份备份中删除本单位私钥", n)})
	}
}
