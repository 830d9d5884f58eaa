// Package keystore keeps an office's private keys (the Ed25519 key that
// signs its exchange files and the age X25519 identity that opens the
// files partners send it) outside the database, so that no copy of the
// database or of its backups lets anyone sign files as the office or read
// what partners sent it.
//
// The keys of an office live in one file, <folder>/<office id>.key, in the
// user's config folder (%AppData%\duikou\keys on Windows; the folder is
// DUIKOU_KEY_DIR when that is set, which tests and portable installs use).
// On Windows the file's content is protected with DPAPI
// (CryptProtectData): only the same Windows account can unprotect it.
// Elsewhere the file is written 0600 in a 0700 folder.
//
// Moving an office to a new PC is an explicit step: Export writes the keys
// encrypted to a passphrase (age's scrypt recipient; the file opens with
// `age -d` and the passphrase too), and Import reads them back.
package keystore
