package data

import "github.com/google/uuid"

// NewID returns a UUIDv7: unique across offices without coordination, and
// time-ordered so that new rows append to the primary-key index.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}
