//go:build windows

package savedir

import "golang.org/x/sys/windows"

// documentsDir is the known folder 文档 (FOLDERID_Documents), which may
// have been moved off C: or into OneDrive.
func documentsDir() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_CREATE)
}
