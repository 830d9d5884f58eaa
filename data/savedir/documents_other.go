//go:build !windows

package savedir

import (
	"os"
	"path/filepath"
)

// documentsDir is ~/Documents.
func documentsDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Documents"), nil
}
