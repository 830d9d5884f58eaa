// Package savedir is where the program keeps files a clerk will look for
// again: the PDFs printed from the window go to the clerk's Documents
// folder (文档 on Windows, the known folder, wherever the clerk or the
// office's IT moved it; ~/Documents elsewhere) under 对口劳务协作\打印,
// created on demand, each under a readable name that never replaces an
// earlier file.
package savedir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"duikou/data/filewrite"
)

// Folder names under Documents.
const (
	appFolder   = "对口劳务协作"
	printFolder = "打印"
)

// documents is the clerk's Documents folder (documents_windows.go,
// documents_other.go); tests replace it.
var documents = documentsDir

// PrintDir is Documents\对口劳务协作\打印, created if it is not there yet.
func PrintDir() (string, error) {
	docs, err := documents()
	if err != nil {
		return "", errors.New("找不到“文档”文件夹，请用“另存为 PDF”选择保存位置")
	}
	dir := filepath.Join(docs, appFolder, printFolder)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("无法创建文件夹 %s：%s", dir, filewrite.Reason(err))
	}
	return dir, nil
}

// Unique is dir/name, or dir/name with " (2)", " (3)" … before the
// extension when that name is taken, as Windows names copies.
func Unique(dir, name string) string {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	path := filepath.Join(dir, name)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			return path
		}
		path = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", base, n, ext))
	}
}

// CleanName makes text usable in a file name on Windows: the characters
// Windows refuses become "_", runs of spaces one, and it is cut to max
// characters.
func CleanName(text string, max int) string {
	r := []rune(strings.Join(strings.Fields(strings.Map(func(c rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, c) || c < ' ' {
			return '_'
		}
		return c
	}, text)), " "))
	if len(r) > max {
		r = r[:max]
	}
	return strings.Trim(string(r), " .")
}
