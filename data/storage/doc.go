// Package storage keeps Duikou's records in a SQLite file through GORM:
// the Store and its transactions, and everything that must share a
// transaction with a write.
//
// Where things live:
//   - opening, pragmas, migrations: store.go, migrate.go, stmt_cache.go,
//     bulk_tx.go (bulk jobs that commit without a WAL checkpoint),
//     bulk_conn.go (their batches run on the driver's connection);
//   - writes: crud.go and write.go (record + op + audit in one
//     transaction), changed_meanwhile.go (a form's save refused when
//     another clerk wrote the row after it was opened), record_hooks.go, worker_registration.go (the 登记日期)
//     and placement_rules.go (each record's data.Validate with the checks
//     that need the database around it),
//     bookkeeping.go (filled counts, worker status, check-in calls that
//     follow a placement), responsibility.go, insert_fast.go,
//     sync_bulk.go with bulk_encoders.go and plain_encoders.go (rows in
//     batches, their columns as driver values without reflection);
//   - reads: list_*.go with page_query.go (keyset paging),
//     placement_search.go, followup_search.go, dashboard.go, stats.go
//     (the 统计报表 figures), stats_lists.go (the records behind each
//     figure, as list filters), stats_submit.go (报出, the form's header),
//     store_match.go (rows for the matching index), match_snapshot.go
//     (where the index is kept between runs and the stamp it must match),
//     store_export.go with export_order.go (an export or print in a
//     list's order), subsidy.go (the subsidy roster's reads and its
//     claims),
//     store_import.go;
//   - the office, its clerk, settings, partners and the audit log:
//     office_setup.go, office_keys.go (the private keys, kept outside
//     the database by data/keystore), settings.go, partners.go,
//     partner_keys.go; busy.go (SQLite's busy timeout in the clerk's
//     words);
//   - backup and restore: backup.go (checked, uniquely named by
//     backup_names.go), backup_tx.go (a backup from inside a transaction,
//     for an import that writes), backup_daily.go, backup_retention.go
//     (the rule per kind), backup_rewrite.go (erasing something from
//     every backup file), restore.go; file_mode.go (0600 files);
//   - the op log and the exchange's merge: op.go (an op per change),
//     sync_changes.go and sync_export.go (what a partner has not seen,
//     handed to the exchange as it is read), bundle_once.go (one import
//     per bundle, however many at once), sync_apply.go → sync_chunks.go
//     (a file merged a part at a time) → sync_merge.go (per-field merge,
//     conflicts; sync_reuse.go: an op number used twice; id_probe.go:
//     rows the file names that cannot be here are not read), sync_restore.go
//     (the restore bookkeeping, one entry from the import: the floor, lost
//     ops, resend requests and holes, a partner that went back),
//     sync_conflicts.go, consent.go and consent_husk.go (a
//     withdrawal of consent and the husk a partner keeps),
//     consent_withheld.go (edits made while consent was withdrawn here,
//     restated when it comes back),
//     consent_backups.go (the same erasure in every backup file).
//
// The records themselves and their pure rules are in package data.
package storage
