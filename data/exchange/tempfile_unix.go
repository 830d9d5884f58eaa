//go:build !windows

package exchange

import "os"

// createGoneTemp creates a temporary file that no one else can open and
// that leaves nothing behind, however the process ends: the name is
// unlinked at once, so the file lives only as long as this handle (a
// killed import frees its space with the process).
func createGoneTemp(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
