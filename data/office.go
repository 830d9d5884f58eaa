package data

import "time"

// Office is this installation: the union that runs this copy of Duikou.
// There is exactly one row once the first-run set-up is done.
type Office struct {
	ID        string     `gorm:"primaryKey;size:36"`
	Name      string     `gorm:"size:100;not null"` // 工会名称
	Region    string     `gorm:"size:6;not null"`
	Role      OfficeRole `gorm:"size:16;not null"`
	ClerkName string     `gorm:"size:32"` // 经办人, written to the audit log
	// Keys for the exchange: Ed25519 to sign bundles, an age X25519
	// identity to decrypt the ones partners send. The private halves are
	// never stored in the database (nor, so, in its backups): they live
	// in the key folder (data/keystore) and are filled in when the
	// database is opened.
	SignPublic   []byte
	SignPrivate  []byte `gorm:"-" json:"-"`
	AgeIdentity  string `gorm:"-" json:"-"`
	AgeRecipient string `gorm:"size:100"`
	CreatedAt    time.Time
}

// Partner is another office pinned from its card.
type Partner struct {
	ID           string     `gorm:"primaryKey;size:36"` // the partner's office id
	Name         string     `gorm:"size:100;not null"`
	Region       string     `gorm:"size:6"`
	Role         OfficeRole `gorm:"size:16"`
	SignPublic   []byte
	AgeRecipient string `gorm:"size:100"`
	Fingerprint  string `gorm:"size:64"`
	PinnedAt     time.Time
}

// Setting is a key/value row: schema version, check-in intervals, and the
// like. Portable SQL instead of SQLite's user_version. Keys run to 91
// characters (op_resend_checked/ and two office ids): SQLite never
// enforced the size, PostgreSQL does.
type Setting struct {
	Key   string `gorm:"primaryKey;size:128"`
	Value string `gorm:"size:1000"`
}
