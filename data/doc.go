// Package data holds Duikou's domain records and the Store that keeps them in
// a SQLite file through GORM: workers, employers, demands, placements,
// follow-ups, the office and its partners, the audit log, the op log that the
// exchange between offices replays, and backups.
//
// Every record that travels between offices embeds Synced: a UUIDv7 key, the
// office it came from, a hybrid-logical-clock stamp and a tombstone flag.
// Every change to such a record appends an Op in the same transaction.
// Nothing here knows about Fyne; the UI talks to the Store through small
// interfaces of its own.
package data
