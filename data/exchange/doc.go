// Package exchange carries Duikou's changes between offices as files a
// clerk can take on a USB stick or send over WeChat: each office's public
// card (its id and public keys, confirmed by fingerprint over the phone),
// and the bundle, a signed manifest and the changes themselves, zipped and
// encrypted with age to the partner and to ourselves.
//
// A bundle is a standard age file (the `age` tool opens it with the
// partner's identity) holding a zip with three members:
//
//	changes.json   the storage.Changes the store gathered for the partner
//	manifest.json  format, bundle id, from, to, vectors, counts, and the
//	               SHA-256 and size of changes.json
//	manifest.sig   the sender's Ed25519 signature over manifest.json's bytes
//
// Opening a bundle decrypts, verifies and checks everything without
// writing; only Apply writes, after a backup, in one transaction. Every
// refusal says in Chinese what is wrong with the file.
//
// Neither side holds a large file's records all at once: Export writes
// each op and row into the compressed, encrypted stream as the store
// reads it (changes_encode.go), Open checks changes.json in one pass as
// it is inflated, keeping only the records' identities
// (changes_stream.go, check.go), and DryRun and Apply decode it again a
// part at a time for the store to merge (parts.go).
package exchange
