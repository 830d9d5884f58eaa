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
// Opening a bundle decrypts and verifies it and checks whom it is from
// and for, writing nothing; DryRun and Apply read changes.json, checking
// it as they merge it, in the Store's one transaction, which a refusal
// rolls back: nothing is written for a file refused at any point, and
// Apply takes its backup last, inside the transaction. Every refusal
// says in Chinese what is wrong with the file.
//
// Neither side holds a large file's records all at once, nor reads it
// twice: Export writes each op and row into the compressed, encrypted
// stream as the store reads it (changes_encode.go), and DryRun and Apply
// inflate, hash, check and decode changes.json in one pass as the store
// merges it a part at a time (parts.go, check.go, changes_stream.go).
package exchange
