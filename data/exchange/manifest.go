package exchange

import "time"

// Format is the bundle layout this program writes and the newest it reads.
const Format = 1

// Members of the zip inside the age file.
const (
	memberManifest  = "manifest.json"
	memberSignature = "manifest.sig"
	memberChanges   = "changes.json"
)

// Manifest describes a bundle; the sender signs its exact bytes.
type Manifest struct {
	Format   int              `json:"format"`
	BundleID string           `json:"bundle_id"` // UUIDv7; recorded by the receiver so a second import does nothing
	Created  time.Time        `json:"created"`
	From     Party            `json:"from"`
	To       Party            `json:"to"`
	Since    map[string]int64 `json:"since"`  // per origin: what the sender believed the receiver held
	Vector   map[string]int64 `json:"vector"` // per origin: what the sender holds (its acknowledgement)
	Counts   Counts           `json:"counts"`
	Members  []Member         `json:"members"`
	// Previous are the sender's earlier files to the same partner, oldest
	// first, so a receiver missing one can name it.
	Previous []PreviousFile `json:"previous,omitempty"`
}

// Party is an office at one end of a bundle.
type Party struct {
	OfficeID string `json:"office_id"`
	Name     string `json:"name"`
	// AgeRecipient is the key the bundle was encrypted to (on To); the
	// receiver checks it is its own current one.
	AgeRecipient string `json:"age_recipient,omitempty"`
}

// Counts say how much the bundle carries.
type Counts struct {
	Ops    int            `json:"ops"`
	Rows   int            `json:"rows"`
	Tables map[string]int `json:"tables,omitempty"` // rows per table
}

// Member is one file in the zip, as the sender wrote it.
type Member struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // lower-case hex
}

// PreviousFile is an earlier bundle from the same sender.
type PreviousFile struct {
	BundleID string    `json:"bundle_id"`
	FileName string    `json:"file_name,omitempty"`
	Created  time.Time `json:"created"`
}
