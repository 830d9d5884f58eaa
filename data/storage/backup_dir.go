package storage

import (
	"os"
	"path/filepath"
	"strings"

	"duikou/data/dbconn"
)

// backupsDir is the folder of this database's automatic backups (before a
// migration, an import or a restore, and the daily one): "backups" beside
// a SQLite file. A PostgreSQL database has no file beside which to keep
// them, and the server's disk is not the clerk's: they go to
// Options.BackupDir, else the clerk's config folder (duikou\backups\ and
// the server and database, so two offices' backups never mix).
func (s *Store) backupsDir() string {
	if s.dialect.engine() == dbconn.SQLite {
		return filepath.Join(filepath.Dir(s.path), "backups")
	}
	if s.opt.BackupDir != "" {
		return s.opt.BackupDir
	}
	base, err := os.UserConfigDir()
	if err != nil {
		base = os.TempDir()
	}
	name := strings.NewReplacer(":", "_", "/", "_", `\`, "_", "?", "_", "&", "_", "=", "_", "@", "_").
		Replace(strings.TrimPrefix(dbconn.Display(s.path), "postgres://"))
	return filepath.Join(base, "duikou", "backups", name)
}
