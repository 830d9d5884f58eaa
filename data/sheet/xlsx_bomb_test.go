package sheet

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// bombXLSX is a tiny zip whose directory says its parts unzip to more than
// 1 GB (the sizes are written raw; nothing is compressed), as a zip bomb's
// would.
func bombXLSX(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
		size := uint64(10)
		if strings.HasSuffix(name, "sheet1.xml") {
			size = 3 << 29 // 1.5 GiB
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CompressedSize64: 10, UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("0123456789"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook that would unzip to more than 1 GB is refused before anything
// is unpacked, with a reason in Chinese only (excelize's own message,
// "unzip size exceeds the 1073741824 bytes limit", used to be shown).
func TestAnXLSXOver1GBUnzippedIsRefusedInChinese(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := os.WriteFile(path, bombXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Preview(s, Workers, path, nil)
	fe, ok := AsFileError(err)
	if !ok || !strings.Contains(fe.Reason, "解压后超过 1 GB") {
		t.Fatalf("want the 1 GB refusal, got %v", err)
	}
	rest := strings.NewReplacer("xlsx", "", "Excel", "", "WPS", "", "GB", "", "MB", "").Replace(fe.Reason)
	if strings.IndexFunc(rest, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }) >= 0 {
		t.Fatalf("English in the message: %q", fe.Reason)
	}
	if n := countWorkers(t, s); n != 0 {
		t.Fatalf("%d workers written", n)
	}
}
